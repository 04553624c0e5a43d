import Crypto
import Foundation
import VeedorLedger
import VeedorRecords

/// The ledger's current state without replaying it from line 1: a snapshot (``LedgerSnapshot``) is
/// used only when the ledger still ends where it says, with the same last line, and every line
/// appended since replays onto it; otherwise the whole ledger is replayed and the snapshot rewritten.
extension Workspace {
  /// `ledger.jsonl.state`: the checked snapshot of the ledger's state.
  public var snapshotFile: URL { ledger.url.appendingPathExtension("state") }

  /// The current state in compact form (counts and indexes; no copies of acts or evidence records):
  /// from the snapshot when it checks out against the ledger, else by a full replay. Refreshes the
  /// snapshot when it was missing, stale or wrong.
  public func currentState() throws(WorkspaceError) -> LedgerState {
    let (state, size, changed) = try checkedState(fd: nil)
    if changed { LedgerSnapshot(size: size, state: state).save(to: snapshotFile) }
    return state
  }

  /// The compact state of the ledger (read through `fd`, the locked descriptor of an append, when
  /// given), the ledger length it describes, and whether the snapshot file needs rewriting.
  func checkedState(fd: Int32?) throws(WorkspaceError) -> (state: LedgerState, size: Int, changed: Bool) {
    if let found = snapshotState(fd: fd) {
      try checkPins(found.state)
      return found
    }
    WorkCounter.add("full replays", 1)
    let contents = try readWholeLedger()
    let state: LedgerState
    do { state = try LedgerState.replay(contents.lines, file: ledgerPath, keepingRecords: false) } catch {
      throw WorkspaceError(error)
    }
    try checkPins(state)
    return (state, contents.goodLength, true)
  }

  /// The snapshot's state brought up to the end of the ledger, or nil when anything disagrees: the
  /// ledger is shorter, its line at the snapshot's length is another, a later line does not replay
  /// (a wrong link, a torn tail), or the head file names another line.
  private func snapshotState(fd: Int32?) -> (state: LedgerState, size: Int, changed: Bool)? {
    guard let snapshot = LedgerSnapshot.load(from: snapshotFile),
      let tail = try? ledger.tail(after: snapshot.size, fd: fd), tail.rest.tornTail == nil,
      RFC6962.leafHex(tail.lastLine) == snapshot.state.lastLeaf
    else { return nil }
    var state = snapshot.state
    guard (try? state.replay(more: tail.rest.lines, file: ledgerPath)) != nil else { return nil }
    if let head = ledger.recordedHead() {
      let since = head.count - snapshot.state.count
      if since == 0 {
        guard head.leaf == snapshot.state.lastLeaf else { return nil }
      } else {
        guard since > 0, since <= tail.rest.lines.count,
          RFC6962.leafHex(tail.rest.lines[tail.rest.lines.startIndex + since - 1]) == head.leaf
        else { return nil }
      }
    }
    return (state, snapshot.size + tail.rest.goodLength, !tail.rest.lines.isEmpty)
  }

  /// Appends the lines `make` builds from the current state, under the ledger's lock, without
  /// reading the ledger from line 1. `make` gets a copy of the state to build on (``LedgerState/add(_:)``
  /// places each act after the last); its lines are replayed onto the state before they are written,
  /// exactly as a later full replay will, and the snapshot is rewritten after.
  /// - Returns: the state after the append.
  @discardableResult
  func appendActs(_ make: (inout LedgerState) throws -> [Data]) throws -> LedgerState {
    var result: (state: LedgerState, size: Int, changed: Bool)?
    try ledger.appendLocked({ fd in
      let (before, size, changed) = try checkedState(fd: fd)
      var scratch = before
      let lines = try make(&scratch)
      var after = before
      do throws(RecordsError) { try after.replay(more: lines, file: ledgerPath) } catch { throw WorkspaceError(error) }
      result = (after, size + lines.reduce(0) { $0 + $1.count + 1 }, changed || !lines.isEmpty)
      return (lines, before.count, size)
    })
    guard let result else { throw WorkspaceError(.io, "the ledger was not read", es: "no se leyó el registro") }
    if result.changed { LedgerSnapshot(size: result.size, state: result.state).save(to: snapshotFile) }
    return result.state
  }

  /// Refuses a `plan.json` or `rubric.json` that is not the file the ledger's first entry pinned.
  func checkPins(_ state: LedgerState) throws(WorkspaceError) {
    guard let pinned = state.plan else {
      throw WorkspaceError(.integrity, "the ledger is empty", es: "el registro está vacío", file: ledgerPath)
    }
    for (name, want) in [("plan.json", pinned.sha256), ("rubric.json", pinned.rubricSHA256)] {
      let url = root.appendingPathComponent(name)
      let have = (try? Data(contentsOf: url)).map { Data(SHA256.hash(data: $0)).hexString }
      if have != want {
        throw WorkspaceError(
          .integrity, "changed since the ledger pinned it (SHA-256 \(want.prefix(12))…)",
          es: "cambió desde que el registro lo fijó (SHA-256 \(want.prefix(12))…)", file: url.path)
      }
    }
  }
}
