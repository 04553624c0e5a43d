import Foundation
import VeedorSigning

/// A C2SP tlog-policy file: known logs, known witnesses (with optional submission URLs), groups with
/// thresholds, and the quorum a checkpoint's cosignatures must meet.
///
/// ```
/// log example.org/log+1234abcd+AQ…
/// witness w1 witness.example/w1+89ab0123+BA… https://witness.example/w1
/// group two-of-three 2 w1 w2 w3
/// quorum two-of-three
/// ```
public struct WitnessPolicy: Sendable {
  /// One witness: its policy name, cosigner key and submission prefix.
  public struct Witness: Sendable, Hashable {
    /// The name used in groups and the quorum.
    public var name: String
    /// The witness's cosigner key.
    public var key: Cosigner
    /// The submission prefix (for `add-checkpoint`), if given.
    public var url: String?
  }

  /// Logs the policy accepts.
  public private(set) var logs: [NoteKey] = []
  /// Known witnesses, in file order.
  public private(set) var witnesses: [Witness] = []
  private var groups: [String: (threshold: Int, members: [String])] = [:]
  private var listed: Set<String> = []
  /// The quorum: a witness or group name, or `none`.
  public private(set) var quorum = "none"

  /// Parses a policy; errors name the line.
  public init(text: String, file: String? = nil) throws(TilesError) {
    var sawQuorum = false
    for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let fields = raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      guard let keyword = fields.first, !keyword.hasPrefix("#") else { continue }
      func fail(_ message: String, es: String) -> TilesError {
        TilesError(.badInput, message, es: es, file: file, line: i + 1)
      }
      switch keyword {
      case "log":
        guard (2...3).contains(fields.count), let key = try? NoteKey(text: fields[1]) else {
          throw fail(
            "expected 'log VKEY [URL]' with an Ed25519 log key",
            es: "se esperaba 'log VKEY [URL]' con una clave Ed25519 del registro")
        }
        guard !logs.contains(where: { $0.publicKey == key.publicKey }) else {
          throw fail("a duplicate log key", es: "una clave de registro duplicada")
        }
        logs.append(key)
      case "witness":
        guard (3...4).contains(fields.count), let key = try? Cosigner(vkey: fields[2]) else {
          throw fail(
            "expected 'witness NAME VKEY [URL]' with an Ed25519 cosigner key (type 0x04)",
            es: "se esperaba 'witness NAME VKEY [URL]' con una clave Ed25519 de cofirmante (tipo 0x04)")
        }
        guard isFree(fields[1]) else {
          throw fail("the name '\(fields[1])' is already used", es: "el nombre '\(fields[1])' ya está en uso")
        }
        guard !witnesses.contains(where: { $0.key.publicKey == key.publicKey }) else {
          throw fail("a duplicate witness key", es: "una clave de testigo duplicada")
        }
        witnesses.append(Witness(name: fields[1], key: key, url: fields.count == 4 ? fields[3] : nil))
      case "group":
        guard fields.count >= 4 else {
          throw fail(
            "expected 'group NAME THRESHOLD|any|all MEMBER…'", es: "se esperaba 'group NAME THRESHOLD|any|all MEMBER…'")
        }
        guard isFree(fields[1]) else {
          throw fail("the name '\(fields[1])' is already used", es: "el nombre '\(fields[1])' ya está en uso")
        }
        let members = Array(fields.dropFirst(3))
        for member in members where member == "none" || isFree(member) {
          throw fail(
            "'\(member)' is not a witness or group defined above",
            es: "'\(member)' no es un testigo ni un grupo definido más arriba")
        }
        for member in members where !listed.insert(member).inserted {
          throw fail(
            "'\(member)' is already a member of a group (each name may be listed once)",
            es: "'\(member)' ya es miembro de un grupo (cada nombre puede aparecer una sola vez)")
        }
        let threshold: Int
        switch fields[2] {
        case "any": threshold = 1
        case "all": threshold = members.count
        default:
          guard fields[2].allSatisfy({ $0.isASCII && $0.isNumber }), let k = Int(fields[2]),
            (1...members.count).contains(k)
          else {
            throw fail(
              "threshold '\(fields[2])' must be 1 to \(members.count), any or all",
              es: "el umbral '\(fields[2])' debe ser de 1 a \(members.count), any o all")
          }
          threshold = k
        }
        groups[fields[1]] = (threshold, members)
      case "quorum":
        guard fields.count == 2, !sawQuorum else {
          throw fail("expected one 'quorum NAME' line", es: "se esperaba una línea 'quorum NAME'")
        }
        guard fields[1] == "none" || !isFree(fields[1]) else {
          throw fail(
            "'\(fields[1])' is not a witness or group defined above",
            es: "'\(fields[1])' no es un testigo ni un grupo definido más arriba")
        }
        (quorum, sawQuorum) = (fields[1], true)
      default:
        throw fail(
          "unknown line '\(keyword)' (log, witness, group, quorum)",
          es: "línea desconocida '\(keyword)' (log, witness, group, quorum)")
      }
    }
    guard sawQuorum else {
      throw TilesError(.badInput, "no 'quorum' line", es: "no hay una línea 'quorum'", file: file)
    }
  }

  private func isFree(_ name: String) -> Bool {
    name != "none" && groups[name] == nil && !witnesses.contains { $0.name == name }
  }

  /// Whether the note is signed by one of the policy's logs (any log when it lists none).
  public func acceptsLog(_ note: SignedNote) -> Bool {
    logs.isEmpty || logs.contains { note.isSigned(by: $0) }
  }

  /// The witnesses whose cosignature on the note verifies, by policy name.
  public func cosigned(_ note: SignedNote) -> [String] {
    witnesses.filter { $0.key.verify(note) != nil }.map(\.name)
  }

  /// Whether the note's cosignatures meet the quorum.
  public func isSatisfied(by note: SignedNote) -> Bool {
    quorum == "none" || satisfied(quorum, Set(cosigned(note)))
  }

  private func satisfied(_ name: String, _ signed: Set<String>) -> Bool {
    guard let group = groups[name] else { return signed.contains(name) }
    return group.members.filter { satisfied($0, signed) }.count >= group.threshold
  }
}
