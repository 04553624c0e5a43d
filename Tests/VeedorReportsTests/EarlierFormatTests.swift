import Foundation
import Testing
import VeedorReports
import VeedorTestSupport

/// The commands that read a report someone else exported: with a file of the format before this one
/// (`veedor-report/2`) a draft's review window still reads, and a reviewer's report is refused naming its
/// format, in both languages; a path that is not a regular file is refused without being waited on.
@Suite("Reports someone else exported")
struct EarlierFormatTests {
  /// The report at `url` as the format before this one writes it: the tag, and no `scales`.
  static func asEarlierFormat(_ url: URL) throws -> URL {
    var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    object["format"] = Report.formatTagV2
    object["scales"] = nil
    let out = TestSupport.temporaryFolder("earlier").appendingPathComponent("report.json")
    try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: out)
    return out
  }

  @Test("a draft of the format before this one still opens a reply")
  func replyToEarlierDraft() throws {
    let f = try ReportFixture()
    let draft = TestSupport.temporaryFolder().appendingPathComponent("draft")
    try ReportFixture.run(["report", "export", "--draft", "-w", f.ws, "--key", f.key, "--out", draft.path])
    let earlier = try Self.asEarlierFormat(draft.appendingPathComponent("report.json"))
    #expect(throws: (any Error).self) { try JSONDecoder().decode(Report.self, from: Data(contentsOf: earlier)) }
    let out = TestSupport.temporaryFolder().appendingPathComponent("reply.txt")
    try ReportFixture.run(["reply", "template", "--report", earlier.path, "--out", out.path])
    let review = try #require(
      try JSONDecoder().decode(Report.self, from: Data(contentsOf: draft.appendingPathComponent("report.json"))).review)
    let reply = try String(contentsOf: out, encoding: .utf8)
    #expect(reply.contains("\(review.draftSize) \(review.draftRoot)"), "\(reply)")
  }

  @Test("a reviewer's report of the format before this one is refused naming its format", arguments: ["en", "es"])
  func earlierReviewerReport(_ lang: String) throws {
    let f = try ReportFixture()
    let earlier = try Self.asEarlierFormat(f.report)
    let result = try ReportFixture.run(
      [
        "reconcile", "CLPLN0001", "verifiable", "--reviewer", "revisora", "--reviewer-report", earlier.path,
        "--stands", "monitor", "--rationale", "x", "--lang", lang, "-w", f.ws,
      ], status: 2)
    let words = lang == "es" ? "el formato anterior a este" : "the format before this one"
    #expect(result.stderr.contains("\(Report.formatTagV2)") && result.stderr.contains(words), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
  }

  @Test("a reviewer's report that is not a regular file is refused at once, not waited on")
  func reviewerReportNotAFile() throws {
    let f = try ReportFixture()
    let fifo = TestSupport.temporaryFolder("fifo").appendingPathComponent("report.json")
    #expect(mkfifo(fifo.path, 0o600) == 0)
    let result = try ReportFixture.run(
      [
        "reconcile", "CLPLN0001", "verifiable", "--reviewer", "revisora", "--reviewer-report", fifo.path,
        "--stands", "monitor", "--rationale", "x", "-w", f.ws,
      ], status: 2)
    #expect(result.stderr.contains("not a Veedor report"), "\(result.stderr)")
  }
}
