import Foundation
import Testing
import VeedorLedger
import VeedorRecords
import VeedorTestSupport
import VeedorWorkspace

/// Replies on a grown ledger: the root a reply names is checked against the ledger's own lines, and
/// answering one says whether a score cites it, from the compact state.
@Suite("Replies on a grown ledger")
struct ReplyAppendTests {
  /// The reply fixture's workspace grown by hand with notes to about `size` entries after the draft.
  static func grown(_ f: ReplyFixture, size: Int) throws {
    let root = URL(fileURLWithPath: f.ws)
    let ledger = root.appendingPathComponent("ledger.jsonl")
    var lines = try Data(contentsOf: ledger).split(separator: 0x0A).map { Data($0) }
    let time = Date(timeIntervalSince1970: 1_700_000_000)
    while lines.count < size {
      var act = Act(after: lines, type: .note, time: time)
      act.note = NoteRecord(commitment: "CLPLN0002", text: "Note \(lines.count)")
      lines.append(try act.line())
    }
    try Data(lines.map { $0 + Data([0x0A]) }.joined()).write(to: ledger)
    for local in ["ledger.jsonl.head", "ledger.jsonl.state"] {
      try? FileManager.default.removeItem(at: root.appendingPathComponent(local))
    }
    _ = try Workspace.open(root).currentState()
  }

  @Test("on a grown ledger a reply naming a root that is not the draft's is refused; the right root is taken")
  func wrongRoot() throws {
    let f = try ReplyFixture()
    try Self.grown(f, size: 300)
    let line = try f.checkpointLine()
    let size = try #require(line.split(separator: " ").first)
    let wrong = try f.reply("wrong.txt", checkpoint: "\(size) AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
    let result = try f.add(wrong, [f.sign(wrong, with: f.government).path])
    #expect(result.status == 2, "\(result.stderr)")
    #expect(result.stderr.contains("is not the root of draft"), "\(result.stderr)")
    let right = try f.reply("right.txt")
    #expect(try f.add(right, [f.sign(right, with: f.government).path]).status == 0)
  }

  @Test("answering a reply about a scale hints at a correction only when no score cites the reply")
  func answerHint() throws {
    let f = try ReplyFixture()
    try Self.grown(f, size: 200)
    for name in ["r1.txt", "r2.txt"] {
      let file = try f.reply(name, fields: "commitment: CLPLN0002\nscale: completion\nproposed-level: complete")
      #expect(try f.add(file, [f.sign(file, with: f.government).path]).status == 0)
    }
    try ReportFixture.run([
      "score", "CLPLN0002", "completion", "complete", "--correct", "--in-reply-to", "R1", "--rationale", "Shown",
      "--evidence", f.base.minutes, "-w", f.ws,
    ])
    let cited = try ReportFixture.run(["reply", "answer", "R1", "--accept", "--rationale", "Right", "-w", f.ws])
    #expect(!cited.stderr.contains("no score cites") && !cited.stdout.contains("no score cites"), "\(cited.stderr)")
    let uncited = try ReportFixture.run(["reply", "answer", "R2", "--accept", "--rationale", "Right", "-w", f.ws])
    #expect((uncited.stderr + uncited.stdout).contains("no score cites R2 yet"), "\(uncited.stderr)")
  }
}
