import Foundation
import VeedorLedger
import VeedorRecords
import VeedorSigning

extension Workspace {
  /// Records the key's identity (name, e-mail, public key) unless the ledger already holds exactly it.
  ///
  /// Reports show the monitor as the ledger records them, so a reader can re-derive it.
  /// - Returns: whether an entry was appended.
  @discardableResult
  public func recordMonitor(_ key: MonitorKey, now: Date) throws -> Bool {
    let record = MonitorRecord(name: key.name, email: key.email, publicKey: key.sshPublicKey, created: key.created)
    var appended = false
    try appendActs { state in
      appended = false
      guard state.monitor(publicKey: record.publicKey) != record else { return [] }
      var act = Act(after: state, type: .monitorKey, time: now)
      act.monitor = record
      appended = true
      do throws(RecordsError) { return [try state.add(act)] } catch { throw WorkspaceError(error) }
    }
    return appended
  }
}
