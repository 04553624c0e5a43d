import Foundation
import Testing
import VeedorReports
import VeedorSigning
import VeedorTestSupport
import VeedorVerify

/// The monitor as adversary of the other voices: a re-signed report that drops or alters a reply or
/// its answer fails `verify`; a rewritten ledger cannot put words in a party's mouth.
@Suite("Replies under a monitor who edits them")
struct ReplyAdversaryTests {
  /// A final report with a signed reply (answered, with a correction) and an unsigned comment.
  static func answeredReport() throws -> (ReplyFixture, URL) {
    let f = try ReplyFixture()
    let file = try f.reply("r.txt", fields: "commitment: CLPLN0002\nscale: completion\nproposed-level: complete")
    try f.sign(file, with: f.government)
    #expect(try f.add(file).status == 0)
    #expect(try f.add(try f.reply("c.txt", party: nil, text: "A comment."), ["--unsigned"]).status == 0)
    try ReportFixture.run([
      "score", "CLPLN0002", "completion", "complete", "--correct", "--in-reply-to", "R1", "--rationale", "Shown",
      "--evidence", f.base.minutes, "-w", f.ws,
    ])
    try ReportFixture.run(["reply", "answer", "R1", "--accept", "--rationale", "Right", "-w", f.ws])
    let out = f.root.appendingPathComponent("final")
    try ReportFixture.run([
      "report", "export", "--allow-unanswered", "--close-early", "--key", f.base.key, "--out", out.path, "-w", f.ws,
    ])
    return (f, out.appendingPathComponent("report.json"))
  }

  @Test("each edit of a reply, an answer or the review window, re-signed, fails at the content step naming its path")
  func edits() throws {
    let (f, url) = try Self.answeredReport()
    let key = try KeyFile.read(URL(fileURLWithPath: f.base.key), passphrase: { "" })
    let original = try JSONDecoder().decode(Report.self, from: Data(contentsOf: url))
    let trust = f.base.keys.appendingPathComponent("allowed_signers")
    #expect(ReportVerifier.verify(url, options: .init(trust: trust)).verified)
    let edits: [(String, (inout Report) -> Void)] = [
      ("$.replies[0].text", { $0.replies?[0].text = "We agree with the assessment." }),
      ("$.replies[0].answer.decision", { $0.replies?[0].answer?.decision = .reject }),
      ("$.replies[0].answer.rationale", { $0.replies?[0].answer?.rationale = "Wrong" }),
      ("$.replies[0].late", { $0.replies?[0].late = true }),
      ("$.replies[0].party.role", { $0.replies?[0].party?.role = .civilSociety }),
      ("$.replies[0].proposedLevel", { $0.replies?[0].proposedLevel = "limited" }),
      ("$.replies[0].scores[0]", { $0.replies?[0].scores = [] }),
      ("$.replies[1]", { $0.replies?.removeLast() }),
      ("$.replies", { $0.replies = nil }),
      ("$.review.unanswered[0]", { $0.review?.unanswered = [] }),
      ("$.review.draft", { $0.review?.draft = true }),
      ("$.review.closes", { $0.review?.closes = "2023-12-31" }),
    ]
    for (path, edit) in edits {
      var report = original
      edit(&report)
      let folder = try MonitorAdversaryTests.resigned(report, key: key)
      let result = ReportVerifier.verify(folder.appendingPathComponent("report.json"), options: .init(trust: trust))
      #expect(result.firstFailure?.name == "report content matches the ledger", "\(path): \(result.steps)")
      #expect(result.firstFailure?.detail == "\(path) differs from what the ledger derives", "\(path)")
    }
  }

  @Test(
    "a monitor who rewrites a signed reply in its own ledger cannot export: the party's signature no longer verifies")
  func rewrittenReply() throws {
    let (f, _) = try Self.answeredReport()
    let (_, result) = try f.base.exportRewritten { _, object in
      guard object["type"] as? String == "reply.added", var reply = object["reply"] as? [String: Any],
        reply["signature"] != nil, let bytes = Data(base64Encoded: reply["content"] as? String ?? "")
      else { return }
      let altered = String(decoding: bytes, as: UTF8.self).replacingOccurrences(
        of: "The minutes show it.", with: "We agree.")
      reply["content"] = Data(altered.utf8).base64EncodedString()
      reply["sha256"] = ReportInputs.sha256(Data(altered.utf8))
      object["reply"] = reply
    }
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("the signature does not verify for an active party"), "\(result.stderr)")
  }

  @Test("a monitor who drops an unanswered reply from the closing entry cannot export")
  func hiddenUnanswered() throws {
    let (f, _) = try Self.answeredReport()
    let (_, result) = try f.base.exportRewritten { _, object in
      guard object["type"] as? String == "review.closed", var review = object["review"] as? [String: Any] else {
        return
      }
      review["unanswered"] = [String]()
      object["review"] = review
    }
    #expect(
      result.status == 1 && result.stderr.contains("does not list exactly the replies still unanswered"),
      "\(result.stderr)")
  }

  @Test("a record riding on an entry of another type is refused (no phantom correction, no moved score)")
  func riders() throws {
    let (f, _) = try Self.answeredReport()
    let (_, result) = try f.base.exportRewritten { _, object in
      guard object["type"] as? String == "reply.answered" else { return }
      object["score"] = [
        "commitment": "CLPLN0002", "evidence": [f.base.minutes], "id": "S99", "inReplyTo": "R1", "levels": ["complete"],
        "rationale": "x", "scale": "completion",
      ]
    }
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("must carry exactly 'answer'"), "\(result.stderr)")
  }

  @Test("a key keeps its name: re-registering it as another party, or a reply naming another party, is refused")
  func attribution() throws {
    let f = try ReplyFixture()
    let pub = f.root.appendingPathComponent("dideco.pub").path
    try ReportFixture.run(["party", "remove", "dideco", "-w", f.ws])
    let renamed = try ReportFixture.run(
      ["party", "add", "vecinos", "--role", "civil-society", "--key", pub, "-w", f.ws], status: 2)
    #expect(renamed.stderr.contains("was registered as 'dideco'"), "\(renamed.stderr)")
    let f2 = try ReplyFixture()
    let wrong = try f2.reply("wrong.txt", party: "ong")
    try f2.sign(wrong, with: f2.government)
    let refused = try f2.add(wrong)
    #expect(refused.status == 2 && refused.stderr.contains("names party 'ong', but is signed by the key of 'dideco'"))
    let unnamed = try f2.reply("unnamed.txt", party: nil)
    try f2.sign(unnamed, with: f2.government)
    let missing = try f2.add(unnamed)
    #expect(missing.status == 2 && missing.stderr.contains("must name its party: add the line 'party: dideco'"))
  }

  @Test("a score cites only a reply about its commitment; replies about unscored scales are shown too")
  func subjects() throws {
    let f = try ReplyFixture()
    let file = try f.reply("r.txt", fields: "commitment: CLPLN0003\nscale: completion", text: "Nothing started yet.")
    try f.sign(file, with: f.government)
    #expect(try f.add(file).status == 0)
    let other = try ReportFixture.run(
      [
        "score", "CLPLN0001", "verifiable", "no", "--correct", "--in-reply-to", "R1", "--rationale", "x",
        "--evidence", "E1", "-w", f.ws,
      ], status: 2)
    #expect(other.stderr.contains("R1 is about CLPLN0003 completion, not CLPLN0001 verifiable"), "\(other.stderr)")
    let out = f.root.appendingPathComponent("final")
    try ReportFixture.run([
      "report", "export", "--allow-unanswered", "--close-early", "--key", f.base.key, "--out", out.path, "-w", f.ws,
    ])
    for name in ["report.en.md", "report.es.html"] {
      let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
      #expect(text.contains("Nothing started yet"), "\(name)")
    }
  }

  @Test("the final report waits for the window's last day unless --close-early, which it shows")
  func earlyClose() throws {
    let f = try ReplyFixture()
    let out = f.root.appendingPathComponent("final")
    let early = try ReportFixture.run(
      ["report", "export", "--key", f.base.key, "--out", out.path, "-w", f.ws], status: 2)
    #expect(early.stderr.contains("is open until 2023-11-20"), "\(early.stderr)")
    try ReportFixture.run(["report", "export", "--close-early", "--key", f.base.key, "--out", out.path, "-w", f.ws])
    let md = try String(contentsOf: out.appendingPathComponent("report.en.md"), encoding: .utf8)
    #expect(
      md.contains("was due to run until 2023\\-11\\-20 and was closed early, on 2023\\-11\\-14"), "\(md.prefix(600))")
    // After the last day no flag is needed.
    let g = try ReplyFixture()
    let later = try TestSupport.veedor(
      ["report", "export", "--key", g.base.key, "--out", g.root.appendingPathComponent("f").path, "-w", g.ws],
      environment: ["SOURCE_DATE_EPOCH": "1701000000"])
    #expect(later.status == 0, "\(later.stderr)")
  }
}
