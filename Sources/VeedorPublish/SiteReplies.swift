import Foundation
import VeedorRecords
import VeedorReports
import VeedorRubric

/// The reply page (how to reply to a draft with OpenSSH alone, and every reply received) and the
/// reply files with their signatures, taken from the verified report's ledger lines.
struct SiteReplies {
  let report: Report
  let language: Language

  private var w: SiteWords { SiteWords(language: language) }
  private let e = HTMLReport.escape

  /// One reply file as the ledger holds it.
  struct File {
    /// Reply id.
    var id: String
    /// The exact bytes the party signed.
    var bytes: Data
    /// The armoured SSHSIG, for a signed reply.
    var signature: String?
  }

  /// The reply files carried in the report's ledger lines (already verified with the report).
  static func files(_ report: Report) -> [File] {
    let decoder = JSONDecoder()
    // Only the replies the report shows (replayed and checked), by their entry, under names `R<digits>`.
    let shown = Dictionary((report.replies ?? []).map { ($0.entry, $0) }) { first, _ in first }
    return shown.keys.sorted().compactMap { entry in
      guard entry >= 0, entry < report.inputs.ledger.count, let item = shown[entry],
        let act = try? decoder.decode(Act.self, from: Data(report.inputs.ledger[entry].utf8)),
        act.type == .replyAdded, let reply = act.reply, reply.id == item.id, let bytes = reply.bytes,
        ReportInputs.sha256(bytes) == item.sha256, item.id.first == "R", item.id.count > 1,
        item.id.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber })
      else { return nil }
      return File(id: item.id, bytes: bytes, signature: reply.signature)
    }
  }

  /// `allowed_signers` lines for the parties who signed replies, as the report shows them.
  static func roster(_ report: Report) -> String {
    var seen: Set<String> = []
    var text = "# Parties who signed replies in this report (namespace \(ReplyText.namespace))\n"
    for party in (report.replies ?? []).compactMap(\.party) where seen.insert(party.publicKey).inserted {
      text += "\(party.name) namespaces=\"\(ReplyText.namespace)\" \(party.publicKey) \(party.role.rawValue)\n"
    }
    return text
  }

  /// The page body.
  func page() -> String {
    var h = ""
    if let review = report.review, review.draft {
      let template = ReplyText.template(
        checkpointSize: review.draftSize, checkpointRoot: review.draftRoot, party: w["yourName"], commitment: nil,
        scale: nil, text: nil, spanish: language == .es)
      let file = language == .es ? "respuesta.txt" : "reply.txt"
      let key = language == .es ? "mi-clave" : "my-key"
      h += "<p>\(e(w["replyIntro"]))</p>\n<ol>\n"
      h += "<li>\(e(w["replyStep1"]))<pre><code>\(e("ssh-keygen -t ed25519 -f \(key)"))</code></pre></li>\n"
      h += "<li>\(e(w["replyStep2"]))<pre><code>\(e(template))</code></pre>\n"
      let scales = report.pinnedRubric()?.scales.map(\.id) ?? []
      h += "<p>\(e(w["replyIds"])) \(e(report.commitments.map(\.id).joined(separator: ", "))) · "
      h += "\(e(scales.joined(separator: ", ")))</p></li>\n"
      h +=
        "<li>\(e(w["replyStep3"]))<pre><code>\(e("ssh-keygen -Y sign -f \(key) -n \(ReplyText.namespace) \(file)"))</code></pre></li>\n"
      h += "<li>\(e(w.format("replyStep4", review.closes)))</li>\n</ol>\n"
    }
    if let review = report.review, !review.draft {
      h += "<p>\(e(w.format("windowClosed", review.window, review.opens, review.closes)))</p>\n"
    }
    h += "<h2>\(e(w["received"]))</h2>\n"
    let replies = report.replies ?? []
    if replies.isEmpty { h += "<p>\(e(w["noReplies"]))</p>\n" }
    h += HTMLReport.replies(replies, language, about: nil)
    let signed = replies.filter { $0.party != nil }
    if !signed.isEmpty {
      h += "<p>\(e(w["replyVerify"]))</p>\n<pre><code>"
      h += signed.map { reply in
        e(
          "ssh-keygen -Y verify -f data/parties -I \(reply.party?.name ?? "") -n \(ReplyText.namespace) -s data/replies/\(reply.id).txt.sig < data/replies/\(reply.id).txt"
        )
      }.joined(separator: "\n")
      h += "</code></pre>\n"
    }
    return h
  }

  /// A short reply template for one commitment, for a draft's commitment page.
  func template(for commitment: String) -> String {
    guard let review = report.review, review.draft else { return "" }
    let text = ReplyText.template(
      checkpointSize: review.draftSize, checkpointRoot: review.draftRoot, party: w["yourName"], commitment: commitment,
      scale: nil, text: nil, spanish: language == .es)
    return
      "<details><summary>\(e(w["replyHere"]))</summary>\n<pre><code>\(e(text))</code></pre>\n<p><a href=\"\(SitePage.file("reply", language))\">\(e(w["howToReply"]))</a></p></details>\n"
  }
}
