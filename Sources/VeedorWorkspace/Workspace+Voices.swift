import Foundation
import VeedorLedger
import VeedorRecords
import VeedorSigning

extension Workspace {
  /// The roster file: every active party in `allowed_signers` form, so
  /// `ssh-keygen -Y verify -f parties -I NAME -n reply@veedor` reads it too.
  public var rosterURL: URL { root.appendingPathComponent("parties") }

  /// Adds a party who may sign replies; `keyLine` is an OpenSSH Ed25519 public key line.
  public func addParty(
    name: String, role: PartyRecord.Role, keyLine: String, title: String?, now: Date
  ) throws -> PartyRecord {
    guard PartyRecord.isValidName(name) else {
      throw WorkspaceError(
        .badInput, "use 1–64 letters, digits, '.', '_', '-' or '@' (it is the allowed_signers principal)",
        es: "use de 1 a 64 letras, dígitos, '.', '_', '-' o '@' (es el principal de allowed_signers)", field: "NAME")
    }
    guard let key = MonitorKey.publicKey(sshLine: keyLine) else {
      throw WorkspaceError(
        .badInput, "not an OpenSSH Ed25519 public key ('ssh-ed25519 AAAA… comment')",
        es: "no es una clave pública Ed25519 de OpenSSH ('ssh-ed25519 AAAA… comentario')", field: "--key")
    }
    let record = PartyRecord(
      name: name, role: role, publicKey: MonitorKey.sshPublicKey(key),
      title: title.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 })
    try appendVoice { state throws(WorkspaceError) in
      if let existing = state.voices.parties[name] {
        throw WorkspaceError(
          .conflict, "'\(name)' is already a party (\(existing.role.rawValue)); remove it first",
          es: "'\(name)' ya es una parte (\(existing.role.rawValue)); retírela primero")
      }
      if let other = state.voices.parties.values.first(where: { $0.publicKey == record.publicKey }) {
        throw WorkspaceError(
          .conflict, "this key already belongs to the party '\(other.name)'",
          es: "esta clave ya pertenece a la parte '\(other.name)'", field: "--key")
      }
      if let earlier = state.voices.name(ofKey: record.publicKey), earlier != name {
        throw WorkspaceError(
          .conflict, "this key was registered as '\(earlier)'; a key keeps its name (replies it signed name it)",
          es:
            "esta clave se inscribió como '\(earlier)'; una clave conserva su nombre (las respuestas que firmó lo indican)",
          field: "--key")
      }
      var act = Act(after: state, type: .partyAdded, time: now)
      act.party = record
      return act
    }
    return record
  }

  /// Removes a party; its earlier replies stay in the ledger, signed as they were.
  public func removeParty(name: String, now: Date) throws -> PartyRecord {
    var removed: PartyRecord?
    try appendVoice { state throws(WorkspaceError) in
      guard let party = state.voices.parties[name] else {
        let names = state.voices.roster.map(\.name)
        throw WorkspaceError(
          .unknownName,
          "no active party '\(name)' (parties: \(names.isEmpty ? "none" : names.joined(separator: ", ")))",
          es:
            "no hay una parte activa '\(name)' (partes: \(names.isEmpty ? "ninguna" : names.joined(separator: ", ")))",
          field: "NAME")
      }
      removed = party
      var act = Act(after: state, type: .partyRemoved, time: now)
      act.party = party
      return act
    }
    guard let removed else { throw WorkspaceError(.io, "the party was not removed", es: "la parte no se retiró") }
    return removed
  }

  /// Writes `parties` from the ledger's roster (atomically); returns its text.
  @discardableResult
  public func writeRoster(_ state: LedgerState) throws -> String {
    var text = "# Parties who may sign replies (veedor party add/remove). Namespace: \(ReplyText.namespace)\n"
    for party in state.voices.roster {
      let comment = [party.role.rawValue, party.title ?? ""].joined(separator: " ")
        .filter { $0 != "\n" && $0 != "\r" }
      text += "\(party.name) namespaces=\"\(ReplyText.namespace)\" \(party.publicKey) \(comment)\n"
    }
    try POSIXFile.writeAtomically(Data(text.utf8), to: rosterURL)
    return text
  }

  /// Appends one act built from the current state, then refreshes the roster file.
  func appendVoice(_ make: (LedgerState) throws(WorkspaceError) -> Act?) throws {
    var appended = false
    let after = try appendActs { state in
      guard let act = try make(state) else { return [] }
      appended = true
      do throws(RecordsError) { return [try state.add(act)] } catch { throw WorkspaceError(error) }
    }
    if appended { try writeRoster(after) }
  }
}
