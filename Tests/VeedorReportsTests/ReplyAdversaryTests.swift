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
    #expect(try f.add(try f.reply("c.txt", text: "A comment."), ["--unsigned"]).status == 0)
    try ReportFixture.run([
      "score", "CLPLN0002", "completion", "complete", "--correct", "--in-reply-to", "R1", "--rationale", "Shown",
      "--evidence", "E4", "-w", f.ws,
    ])
    try ReportFixture.run(["reply", "answer", "R1", "--accept", "--rationale", "Right", "-w", f.ws])
    let out = f.root.appendingPathComponent("final")
    try ReportFixture.run([
      "report", "export", "--allow-unanswered", "--key", f.base.key, "--out", out.path, "-w", f.ws,
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
}
