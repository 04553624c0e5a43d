import Foundation
import Testing
import VeedorReports
import VeedorSigning
import VeedorTestSupport
import VeedorVerify

/// Replies to a draft: accepted only when signed by a roster key in the reply namespace for this
/// draft; late ones kept and marked; the final report waits for every answer; verify re-derives them.
@Suite("Right of reply")
struct ReplyTests {
  @Test(
    "a signed reply is recorded; a stranger's key, another namespace, another checkpoint are refused with the reason")
  func refusals() throws {
    let f = try ReplyFixture()
    let good = try f.reply("good.txt", fields: "commitment: CLPLN0002\nscale: completion\nproposed-level: complete")
    try f.sign(good, with: f.government)
    let ok = try f.add(good)
    #expect(ok.status == 0 && ok.stdout.contains("R1 recorded: signed by dideco (government), window W1, on time"))

    let before = try Data(contentsOf: URL(fileURLWithPath: f.ws + "/ledger.jsonl"))
    let foreign = try f.reply("foreign.txt")
    try f.sign(foreign, with: f.stranger)
    let r1 = try f.add(foreign)
    #expect(r1.status == 2 && r1.stderr.contains("which is not in the roster"), "\(r1.stderr)")

    let namespace = try f.reply("namespace.txt")
    try f.sign(namespace, with: f.government, namespace: SSHSignature.reportNamespace)
    let r2 = try f.add(namespace)
    #expect(r2.status == 2 && r2.stderr.contains("in namespace reply@veedor"), "\(r2.stderr)")

    let root = Data(repeating: 7, count: 32).base64EncodedString()
    let size = try f.checkpointLine().split(separator: " ")[0]
    let other = try f.reply("other.txt", checkpoint: "\(size) \(root)")
    try f.sign(other, with: f.government)
    let r3 = try f.add(other)
    #expect(r3.status == 2 && r3.stderr.contains("not the root of draft W1"), "\(r3.stderr)")

    let older = try f.reply("older.txt", checkpoint: "3 \(root)")
    try f.sign(older, with: f.government)
    let r4 = try f.add(older)
    #expect(r4.status == 2 && r4.stderr.contains("which is not a draft of this ledger"), "\(r4.stderr)")

    let badLevel = try f.reply("level.txt", fields: "commitment: CLPLN0002\nscale: completion\nproposed-level: huge")
    try f.sign(badLevel, with: f.government)
    let r5 = try f.add(badLevel)
    #expect(r5.status == 2 && r5.stderr.contains("level.txt: field 'proposed-level'"), "\(r5.stderr)")
    // Every refusal left the ledger as it was.
    #expect(try Data(contentsOf: URL(fileURLWithPath: f.ws + "/ledger.jsonl")) == before)
  }

  @Test("a reply after the window's last day is recorded late, never dropped; late ones do not block the final report")
  func late() throws {
    let f = try ReplyFixture()
    let file = try f.reply("late.txt", party: "ong", fields: "commitment: CLPLN0001")
    try f.sign(file, with: f.civil)
    // 2023-11-26, after the window closed on 2023-11-20.
    let result = try f.add(file, epoch: "1701000000")
    #expect(result.status == 0 && result.stdout.contains("LATE"), "\(result.stdout)\(result.stderr)")
    let list = try ReportFixture.run(["reply", "list", "--json", "-w", f.ws]).stdout
    #expect(list.contains("\"late\" : true"))
    let out = f.root.appendingPathComponent("final")
    try ReportFixture.run(
      ["report", "export", "--close-early", "--key", f.base.key, "--out", out.path, "-w", f.ws], status: 0)
    let report = try JSONDecoder().decode(
      Report.self, from: Data(contentsOf: out.appendingPathComponent("report.json")))
    #expect(report.replies?.first?.late == true && report.review?.draft == false)
  }

  @Test(
    "the final report is refused while a reply in the window is unanswered, unless --allow-unanswered, which it states")
  func unanswered() throws {
    let f = try ReplyFixture()
    let file = try f.reply("r.txt", fields: "commitment: CLPLN0002\nscale: completion\nproposed-level: complete")
    try f.sign(file, with: f.government)
    #expect(try f.add(file).status == 0)
    let status = try ReportFixture.run(["status", "-w", f.ws]).stdout
    #expect(status.contains("unanswered: R1"))
    let out = f.root.appendingPathComponent("final")
    let refused = try ReportFixture.run(
      ["report", "export", "--key", f.base.key, "--out", out.path, "-w", f.ws], status: 2)
    #expect(refused.stderr.contains("R1 unanswered"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
    try ReportFixture.run([
      "report", "export", "--allow-unanswered", "--close-early", "--key", f.base.key, "--out", out.path, "-w", f.ws,
    ])
    let report = try JSONDecoder().decode(
      Report.self, from: Data(contentsOf: out.appendingPathComponent("report.json")))
    #expect(report.review?.unanswered == ["R1"])
    let md = try String(contentsOf: out.appendingPathComponent("report.en.md"), encoding: .utf8)
    #expect(md.contains("Final report exported with replies left unanswered: R1"))
  }

  @Test("accept with a correction: the final report links reply, answer and correction; verify re-derives it")
  func answered() throws {
    let f = try ReplyFixture()
    let file = try f.reply("r.txt", fields: "commitment: CLPLN0002\nscale: completion\nproposed-level: complete")
    try f.sign(file, with: f.government)
    #expect(try f.add(file).status == 0)
    let comment = try f.reply("c.txt", party: nil, text: "Publish the minutes, please.")
    #expect(try f.add(comment, ["--unsigned", "--submitter", "Junta de vecinos"]).status == 0)
    let scored = try ReportFixture.run([
      "score", "CLPLN0002", "completion", "complete", "--correct", "--in-reply-to", "R1", "--rationale",
      "Reply shows it",
      "--evidence", f.base.minutes, "-w", f.ws,
    ])
    let correction = try #require(scored.stdout.split(separator: " ").first.map(String.init))
    try ReportFixture.run(["reply", "answer", "R1", "--accept", "--rationale", "The minutes confirm it", "-w", f.ws])
    try ReportFixture.run(["reply", "answer", "R2", "--partly", "--rationale", "Linked as E4", "-w", f.ws])
    let again = try ReportFixture.run(["reply", "answer", "R2", "--reject", "--rationale", "x", "-w", f.ws], status: 2)
    #expect(again.stderr.contains("already answered"))
    let out = f.root.appendingPathComponent("final")
    try ReportFixture.run(["report", "export", "--close-early", "--key", f.base.key, "--out", out.path, "-w", f.ws])
    let report = try JSONDecoder().decode(
      Report.self, from: Data(contentsOf: out.appendingPathComponent("report.json")))
    let replies = try #require(report.replies)
    #expect(replies.map(\.id) == ["R1", "R2"])
    #expect(
      replies[0].party?.role == .government && replies[0].answer?.decision == .accept
        && replies[0].scores == [correction])
    #expect(
      replies[1].party == nil && replies[1].submitter == "Junta de vecinos" && replies[1].answer?.decision == .partly)
    #expect(report.commitments[1].scores.first { $0.scale == "completion" }?.current.inReplyTo == "R1")
    #expect(report.review?.draft == false && report.review?.unanswered == [])
    let verified = try f.base.verify(
      out.appendingPathComponent("report.json"),
      [
        "--trust", f.base.keys.appendingPathComponent("allowed_signers").path,
      ])
    #expect(verified.status == 0, "\(verified.stdout)")
    let es = try String(contentsOf: out.appendingPathComponent("report.es.html"), encoding: .utf8)
    #expect(
      es.contains("firmada por dideco (gobierno)")
        && es.contains("aceptada — The minutes confirm it (dio lugar a \(correction))"))
  }

  @Test("the draft says so on every page; its replies name its checkpoint")
  func draftMarks() throws {
    let f = try ReplyFixture()
    let report = try JSONDecoder().decode(
      Report.self, from: Data(contentsOf: f.draft.appendingPathComponent("report.json")))
    let review = try #require(report.review)
    #expect(review.draft && review.opens == "2023-11-14" && review.closes == "2023-11-20")
    #expect(try f.checkpointLine() == "\(review.draftSize) \(review.draftRoot)")
    #expect(review.draftSize == report.checkpoint.size && review.draftRoot == report.checkpoint.root)
    for name in ["report.en.md", "report.es.md", "report.en.html", "report.es.html"] {
      let text = try String(contentsOf: f.draft.appendingPathComponent(name), encoding: .utf8)
      #expect(text.contains(name.contains(".es.") ? "BORRADOR" : "DRAFT"), "\(name)")
    }
    let site = f.root.appendingPathComponent("site")
    try ReportFixture.run([
      "publish", "--out", site.path, "--report", f.draft.path, "--keys", f.base.keys.path, "-w", f.ws,
    ])
    for page in try FileManager.default.contentsOfDirectory(atPath: site.path) where page.hasSuffix(".html") {
      let html = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8)
      #expect(html.contains("class=\"banner\"") && html.contains(review.draftRoot), "\(page)")
    }
  }
}
