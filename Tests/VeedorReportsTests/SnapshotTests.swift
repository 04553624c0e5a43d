import Foundation
import Testing
import VeedorExport
import VeedorLedger
import VeedorRecords
import VeedorSigning
import VeedorTestSupport
import VeedorWorkspace

/// `ledger.jsonl.state` is a cache checked against the ledger, never believed over it: whatever is
/// done to the ledger or to the snapshot, a command sees what a full replay sees, or the same error.
@Suite("The ledger's snapshot is checked, never trusted")
struct SnapshotTests {
  let now = Date(timeIntervalSince1970: 1_700_000_100)

  /// The bundled workspace with a few more entries and a snapshot that matches it.
  func workspace() throws -> Workspace {
    let root = TestSupport.temporaryFolder("snapshot").appendingPathComponent("ws")
    try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("evidence"), to: root)
    let ws = try Workspace.open(root)
    for i in 0..<4 { try ws.addNote("note \(i)", commitment: nil, now: now) }
    #expect(LedgerSnapshot.load(from: ws.snapshotFile) != nil)
    return ws
  }

  /// What a command sees: the state's counts, hash and status, or the error.
  func outcome(_ ws: Workspace) -> String {
    do {
      let state = try ws.currentState()
      let encoder = JSONEncoder()
      encoder.outputFormatting = .sortedKeys
      let status = (try? encoder.encode(StatusReport(workspace: ws, state: state))) ?? Data()
      return "\(state.count) \(state.lastLeaf ?? "-") \(state.evidenceCount) \(state.scoreCount) "
        + "\(state.evidencePerCommitment.sorted { $0.key < $1.key }) status \(RFC6962.leafHash(status).hexString)"
    } catch {
      return "error: \(error)"
    }
  }

  /// The outcome with the snapshot as it is, then after deleting it (a full replay).
  func compare(_ ws: Workspace) -> (snapshot: String, replay: String) {
    let seen = outcome(ws)
    try? FileManager.default.removeItem(at: ws.snapshotFile)
    return (seen, outcome(ws))
  }

  func lines(_ ws: Workspace) throws -> [Data] {
    try Data(contentsOf: ws.ledger.url).split(separator: 0x0A).map { Data($0) }
  }

  func write(_ lines: [Data], to ws: Workspace) throws {
    try Data(lines.map { $0 + Data([0x0A]) }.joined()).write(to: ws.ledger.url)
  }

  @Test("an unchanged ledger is read from the snapshot and gives what a full replay gives")
  func unchanged() throws {
    let ws = try workspace()
    let result = compare(ws)
    #expect(result.snapshot == result.replay)
    #expect(!result.snapshot.hasPrefix("error"))
  }

  @Test("a truncated ledger is replayed in full: the same error, or with no head file the same state")
  func truncated() throws {
    let ws = try workspace()
    try write(try lines(ws).dropLast(2), to: ws)
    var result = compare(ws)
    #expect(result.snapshot == result.replay)
    #expect(result.snapshot.contains("changed since Veedor last wrote it"), "\(result.snapshot)")
    let other = try workspace()
    try write(try lines(other).dropLast(2), to: other)
    try FileManager.default.removeItem(at: other.ledger.headFile)
    result = compare(other)
    #expect(result.snapshot == result.replay)
    #expect(!result.snapshot.hasPrefix("error"))
  }

  @Test("a valid line appended by hand is replayed onto the snapshot as a full replay would")
  func appendedByHand() throws {
    let ws = try workspace()
    var all = try lines(ws)
    let state = try LedgerState.replay(all, file: "ledger")
    var act = Act(after: state, type: .note, time: now)
    act.note = NoteRecord(commitment: nil, text: "by hand")
    all.append(try act.line())
    try write(all, to: ws)
    let result = compare(ws)
    #expect(result.snapshot == result.replay)
    #expect(result.snapshot.hasPrefix("\(all.count) "), "\(result.snapshot)")
  }

  @Test("a line appended by hand that does not link is refused as before")
  func unlinkedAppend() throws {
    let ws = try workspace()
    var all = try lines(ws)
    var act = Act(after: all, type: .note, time: now)
    act.note = NoteRecord(commitment: nil, text: "by hand")
    act.prev = String(repeating: "0", count: 64)
    all.append(try act.line())
    try write(all, to: ws)
    let result = compare(ws)
    #expect(result.snapshot == result.replay)
    #expect(result.snapshot.contains("does not link"), "\(result.snapshot)")
  }

  @Test("an edited last line, or an edit that changes the size, is replayed in full and caught as before")
  func editedTail() throws {
    for edit in ["note 3" /* the last line, same size */, "note 1" /* a middle line, longer */] {
      let ws = try workspace()
      let text = try String(contentsOf: ws.ledger.url, encoding: .utf8)
      let replacement = edit == "note 3" ? "note X" : "note 1 longer"
      try Data(text.replacingOccurrences(of: "\"\(edit)\"", with: "\"\(replacement)\"").utf8).write(to: ws.ledger.url)
      let result = compare(ws)
      #expect(result.snapshot == result.replay)
      #expect(result.snapshot.hasPrefix("error"), "\(edit): \(result.snapshot)")
    }
  }

  @Test("a damaged, foreign or symlinked snapshot is ignored and replaced, never followed")
  func badSnapshots() throws {
    let ws = try workspace()
    let good = try Data(contentsOf: ws.snapshotFile)
    let reference = compare(ws).replay
    var damaged = good
    damaged[damaged.count - 3] ^= 0x01
    let other = TestSupport.temporaryFolder("snapshot-target").appendingPathComponent("target")
    try Data("keep".utf8).write(to: other)
    let header = String(decoding: good.prefix(while: { $0 != 0x0A }), as: UTF8.self)
    let resized =
      Data(header.replacingOccurrences(of: " \(try lines(ws).count) ", with: " 3 ").utf8)
      + good.drop(while: { $0 != 0x0A })
    for bad in [Data("garbage".utf8), Data(), damaged, resized, Data(repeating: 0x0A, count: 10)] {
      try bad.write(to: ws.snapshotFile)
      #expect(outcome(ws) == reference)
      #expect(LedgerSnapshot.load(from: ws.snapshotFile) != nil, "the snapshot was not rewritten")
    }
    try FileManager.default.removeItem(at: ws.snapshotFile)
    let copy = other.deletingLastPathComponent().appendingPathComponent("copy")
    try good.write(to: copy)
    for target in [other, copy] {
      try? FileManager.default.removeItem(at: ws.snapshotFile)
      try FileManager.default.createSymbolicLink(at: ws.snapshotFile, withDestinationURL: target)
      #expect(LedgerSnapshot.load(from: ws.snapshotFile) == nil, "a symlink was followed")
      try ws.addNote("after a symlink", commitment: nil, now: now)
      let kind = try FileManager.default.attributesOfItem(atPath: ws.snapshotFile.path)[.type] as? FileAttributeType
      #expect(kind == .typeRegular)
      let result = compare(ws)
      #expect(result.snapshot == result.replay)
      #expect(!result.snapshot.hasPrefix("error"), "\(result.snapshot)")
    }
    #expect(try Data(contentsOf: other) == Data("keep".utf8))
    #expect(try Data(contentsOf: copy) == good)
  }

  @Test("a torn last line is reported as before, with or without a snapshot")
  func tornTail() throws {
    let ws = try workspace()
    let handle = try FileHandle(forWritingTo: ws.ledger.url)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("{\"seq\":".utf8))
    try handle.close()
    let result = compare(ws)
    #expect(result.snapshot == result.replay)
    #expect(result.snapshot.contains("incomplete"), "\(result.snapshot)")
  }

  @Test(
    "a middle line edited in place (same size, same last line) may take an append, but ledger verify, checkpoint and report export refuse it"
  )
  func middleEdit() throws {
    let ws = try workspace()
    let key = MonitorKey.generate(name: "Snapshot Monitor", created: 1_700_000_000)
    let text = try String(contentsOf: ws.ledger.url, encoding: .utf8)
    let edited = text.replacingOccurrences(of: "\"note 1\"", with: "\"note 7\"")
    #expect(edited.utf8.count == text.utf8.count && edited != text)
    try Data(edited.utf8).write(to: ws.ledger.url)
    // The documented trade-off: an append checks the size, the last line and the lines since.
    try ws.addNote("after the edit", commitment: nil, now: now)
    #expect(try !LedgerVerification(workspace: ws).ok)
    #expect(throws: WorkspaceError.self) { _ = try CheckpointStore(workspace: ws).sign(ws, key: key) }
    let out = TestSupport.temporaryFolder("snapshot-export").appendingPathComponent("report")
    #expect(throws: (any Error).self) {
      _ = try ReportExporter.export(workspace: ws, key: key, to: out, languages: [], now: now)
    }
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("report.json").path))
    // Without the snapshot the edit is caught at once, as before.
    try FileManager.default.removeItem(at: ws.snapshotFile)
    #expect(outcome(ws).contains("does not link"), "\(outcome(ws))")
  }
}
