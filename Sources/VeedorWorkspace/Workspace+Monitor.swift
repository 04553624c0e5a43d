import Foundation
import VeedorLedger
import VeedorRecords
import VeedorSigning

extension Workspace {
  /// Records the key's identity (name, e-mail, public key) unless the ledger already holds exactly it.
  ///
  /// Reports show the monitor as the ledger records them, so a reader can re-derive it.
  /// - Returns: whether an entry was appended.
  /// `known`, a state replayed just before, is used instead of replaying again when the ledger has not
  /// changed since (same number of lines, same last line).
  @discardableResult
  public func recordMonitor(_ key: MonitorKey, now: Date, known: LedgerState? = nil) throws -> Bool {
    let record = MonitorRecord(name: key.name, email: key.email, publicKey: key.sshPublicKey, created: key.created)
    var appended = false
    try ledger.append { contents in
      let unchanged =
        known.map { $0.acts.count == contents.lines.count && (try? $0.acts.last?.line()) == contents.lines.last }
        ?? false
      let state = try unchanged ? (known ?? state(of: contents.lines)) : state(of: contents.lines)
      appended = false
      guard state.monitor(publicKey: record.publicKey) != record else { return [] }
      var act = Act(after: contents.lines, type: .monitorKey, time: now)
      act.monitor = record
      appended = true
      return [try act.line()]
    }
    return appended
  }
}
