import Foundation
import VeedorLedger
import VeedorSigning

/// A C2SP tlog-proof (`c2sp.org/tlog-proof@v1`): an entry's index, its inclusion proof and the signed
/// (and possibly cosigned) checkpoint, checkable offline.
public struct TlogProof: Sendable, Hashable {
  /// The first line of the format.
  public static let header = "c2sp.org/tlog-proof@v1"
  /// Unauthenticated extra data, if any.
  public var extra: Data?
  /// Index of the entry in the log.
  public var index: Int
  /// The inclusion proof, from the leaf's sibling up.
  public var proof: [Data]
  /// The checkpoint note, verbatim.
  public var checkpoint: String

  /// Creates a proof.
  public init(extra: Data? = nil, index: Int, proof: [Data], checkpoint: String) {
    self.extra = extra
    self.index = index
    self.proof = proof
    self.checkpoint = checkpoint
  }

  /// The text of the file.
  public var text: String {
    var out = Self.header + "\n"
    if let extra { out += "extra \(extra.base64EncodedString())\n" }
    out += "index \(index)\n"
    for hash in proof { out += hash.base64EncodedString() + "\n" }
    return out + "\n" + checkpoint
  }

  /// Parses a proof file.
  public init(parsing text: String) throws(TilesError) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard lines.first == Self.header else {
      throw TilesError(.badInput, "not a \(Self.header) file", es: "no es un archivo \(Self.header)", line: 1)
    }
    lines.removeFirst()
    if let line = lines.first, line.hasPrefix("extra ") {
      guard let data = Data(base64Encoded: String(line.dropFirst(6))) else {
        throw TilesError(.badInput, "extra is not base64", es: "extra no está en base64", line: 2)
      }
      extra = data
      lines.removeFirst()
    }
    guard let line = lines.first, line.hasPrefix("index "), let index = Int(line.dropFirst(6)), index >= 0,
      String(index) == line.dropFirst(6)
    else { throw TilesError(.badInput, "expected 'index N'", es: "se esperaba 'index N'") }
    self.index = index
    lines.removeFirst()
    var proof: [Data] = []
    while let line = lines.first, !line.isEmpty {
      guard let hash = Data(base64Encoded: line), hash.count == 32 else {
        throw TilesError(
          .badInput, "a proof line is not a base64 hash", es: "una línea de la prueba no es un hash en base64")
      }
      proof.append(hash)
      lines.removeFirst()
    }
    guard !lines.isEmpty else {
      throw TilesError(.badInput, "no checkpoint after the proof", es: "no hay punto de control después de la prueba")
    }
    self.proof = proof
    checkpoint = lines.dropFirst().joined(separator: "\n")
  }

  /// Whether `entry` is at `index` in the checkpoint signed by `key`; returns the checkpoint.
  public func verify(entry: Data, key: NoteKey) -> Checkpoint? {
    guard let note = try? SignedNote(parsing: checkpoint), note.isSigned(by: key),
      let body = try? Checkpoint(text: note.text), body.origin == key.name, proves(entry: entry, in: body)
    else { return nil }
    return body
  }

  /// Whether the proof shows `entry` at its index in `checkpoint`: the inclusion proof alone, for a caller
  /// that has already checked the signature on the very note text this proof carries (``checkpoint``
  /// byte for byte), so it is not checked twice.
  public func proves(entry: Data, in checkpoint: Checkpoint) -> Bool {
    ProofVerifier.verifyInclusion(
      leafHash: RFC6962.leafHash(entry), index: index, size: checkpoint.size, proof: proof, root: checkpoint.root)
  }
}
