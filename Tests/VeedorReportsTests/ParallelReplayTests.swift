import Foundation
import Testing
import VeedorRecords
import VeedorTestSupport

/// Replay decodes large ledgers on every core, batch by batch, and still behaves as one pass in
/// order: the same state as a line-by-line replay, and the first bad line is the one reported.
@Suite("Replay on every core")
struct ParallelReplayTests {
  static func lines(_ size: Int) throws -> [Data] {
    let root = try ScalingTests.workspace(size: size)
    return try Data(contentsOf: root.appendingPathComponent("ledger.jsonl")).split(separator: 0x0A).map { Data($0) }
  }

  @Test("12,000 lines at once (two batches, both cores) give the state of replaying them 100 at a time")
  func sameState() throws {
    let lines = try Self.lines(12_000)
    let whole = try LedgerState.replay(lines, file: "ledger")
    var stepwise = LedgerState()
    var from = 0
    while from < lines.count {
      try stepwise.replay(more: lines[from..<min(from + 100, lines.count)], file: "ledger")
      from += 100
    }
    #expect(whole.count == lines.count && stepwise.count == lines.count)
    #expect(whole.lastLeaf == stepwise.lastLeaf && whole.lastLeaf != nil)
    #expect(whole.acts == stepwise.acts)
    #expect(whole.evidence == stepwise.evidence)
  }

  @Test("the first bad line is reported, wherever the cores met the bad lines")
  func firstBadLine() throws {
    var lines = try Self.lines(12_000)
    lines[10_500] = Data("not json".utf8)  // in the second batch
    lines[9_001] = Data(String(decoding: lines[9_001], as: UTF8.self).replacingOccurrences(of: ",", with: ", ").utf8)
    #expect {
      try LedgerState.replay(lines, file: "ledger")
    } throws: { error in
      let e = error as? RecordsError
      return e?.line == 9_002 && e?.message.contains("canonical form") == true
    }
    lines[9_001] = lines[9_000]  // a copy of the line before: it does not link to it
    #expect {
      try LedgerState.replay(lines, file: "ledger")
    } throws: { error in (error as? RecordsError)?.line == 9_002 && (error as? RecordsError)?.field == "prev" }
    lines[9_001] = Data("{".utf8)
    #expect {
      try LedgerState.replay(lines, file: "ledger")
    } throws: { error in
      (error as? RecordsError)?.line == 9_002 && (error as? RecordsError)?.message == "not a valid ledger entry"
    }
  }
}
