import Foundation
import Testing
import VeedorLedger
import VeedorPlan
import VeedorRecords
import VeedorSigning
import VeedorTestSupport
import VeedorWorkspace

@Suite("ledger verify on a tampered workspace")
struct TamperTests {
  /// A small checkpointed workspace and its pristine ledger bytes.
  func fixture() throws -> (Workspace, Data) {
    let ws = try makeWorkspace()
    _ = try ws.addEvidence(
      [EvidenceDraft(commitment: "CLPLN0001", kind: .webpage, title: "p", url: "https://example.org")], now: clock)
    _ = try ws.recordScore(
      ScoreDraft(commitment: "CLPLN0001", scale: "verifiable", levels: ["yes"], rationale: "r", evidence: ["E1"]),
      correct: false, now: clock)
    try ws.addNote("n", commitment: nil, now: clock)
    let key = try MonitorKey(seed: Data(0..<32), name: "Test", created: 0)
    _ = try CheckpointStore(workspace: ws).sign(ws, key: key)
    return (ws, try Data(contentsOf: ws.ledger.url))
  }

  func lineOf(_ offset: Int, in data: Data) -> Int {
    data.prefix(offset).filter { $0 == 0x0A }.count + 1
  }

  @Test("flipping any byte fails verification and names the line it is on")
  func everyByte() throws {
    let (ws, pristine) = try fixture()
    #expect(try LedgerVerification(workspace: ws).ok)
    for offset in pristine.indices {
      var bytes = pristine
      bytes[offset] ^= 0x01
      try bytes.write(to: ws.ledger.url)
      let result = try LedgerVerification(workspace: ws)
      #expect(!result.ok, "byte \(offset) flipped but the ledger verified")
      let expected = lineOf(offset, in: pristine)
      // A flipped newline merges two lines or cuts the last one; the damage starts on that line.
      if pristine[offset] != 0x0A {
        #expect(
          result.line == expected,
          "byte \(offset): \(String(describing: result.problem)) on \(String(describing: result.line)), expected \(expected)"
        )
      }
    }
    try pristine.write(to: ws.ledger.url)
  }

  @Test("swapped, deleted or truncated lines fail and are named")
  func structure() throws {
    let (ws, pristine) = try fixture()
    var lines = pristine.split(separator: 0x0A).map { Data($0) }
    let join = { (lines: [Data]) in lines.reduce(Data()) { $0 + $1 + Data([0x0A]) } }
    lines.swapAt(1, 2)
    try join(lines).write(to: ws.ledger.url)
    #expect(try LedgerVerification(workspace: ws).line == 2)
    lines.swapAt(1, 2)
    lines.remove(at: 2)
    try join(lines).write(to: ws.ledger.url)
    #expect(try LedgerVerification(workspace: ws).line == 3)
    try pristine.prefix(pristine.count - 10).write(to: ws.ledger.url)
    let torn = try LedgerVerification(workspace: ws)
    #expect(!torn.ok && torn.line == 4)
    try join(Array(pristine.split(separator: 0x0A).map { Data($0) }.prefix(3))).write(to: ws.ledger.url)
    let rolledBack = try LedgerVerification(workspace: ws)
    #expect(rolledBack.line == 4 && rolledBack.problem?.contains("rollback") == true)
  }

  @Test("a checkpoint signed by another key, or edited, fails")
  func forgedCheckpoint() throws {
    let (ws, _) = try fixture()
    let other = try NoteKey(name: ws.config.origin, publicKey: MonitorKey.generate(name: "x", created: 0).publicKey)
    #expect(try !LedgerVerification(workspace: ws, trusted: other).ok)
    let note = try #require(try CheckpointStore(workspace: ws).all().last)
    let edited = note.note.serialized.replacingOccurrences(of: "\n4\n", with: "\n3\n")
    try edited.write(to: note.url, atomically: true, encoding: .utf8)
    #expect(try !LedgerVerification(workspace: ws).ok)
  }
}
