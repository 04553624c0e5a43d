import VeedorPlan
import VeedorRecords
import VeedorRubric

/// The HTML version of a report in one language; every piece of data is escaped, no scripts.
public enum HTMLReport {
  /// Escapes text for HTML element content and quoted attributes.
  public static func escape(_ text: String) -> String {
    // Most text needs nothing: check the bytes first (every byte of a multi-byte character is ≥ 0x80,
    // so only C1 controls, U+0080–U+009F, need the slow path among them).
    guard text.utf8.contains(where: { needsWork[Int($0)] }) else { return text }
    var out = ""
    for ch in text {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case _ where ch.unicodeScalars.contains(where: Self.isHiddenControl):
        // Control characters from data (other than line breaks and tabs) show as a visible mark.
        out += "\u{FFFD}"
      default: out.append(ch)
      }
    }
    return out
  }

  /// Bytes that may need escaping: `&<>"'`, C0 controls, DEL, and 0xC2 (the lead byte of U+0080–U+00BF).
  private static let needsWork: [Bool] = {
    var table = [Bool](repeating: false, count: 256)
    for byte in "&<>\"'".utf8 { table[Int(byte)] = true }
    for byte in 0..<0x20 where byte != 0x09 && byte != 0x0A && byte != 0x0D { table[byte] = true }
    table[0x7F] = true
    table[0xC2] = true
    return table
  }()

  /// C0 controls other than tab and line breaks, DEL and C1 controls: never meaningful in a page.
  static func isHiddenControl(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (0x7F...0x9F).contains(v)
  }

  /// Renders the report as a standalone page.
  public static func render(_ report: Report, language: Language) -> String {
    let w = ReportWords(language: language)
    let lang = language.rawValue
    let e = escape
    let draft = report.isDraft ? "\(w["draft"]) — " : ""
    let title = "\(draft)\(w["title"]): \(report.plan.title?.best(lang) ?? report.plan.id)"
    let banner =
      VoiceText.banner(report, language).map { "<p class=\"banner\" role=\"note\"><strong>\(e($0))</strong></p>\n" }
      ?? ""
    var h = "<!doctype html>\n<html lang=\"\(lang)\">\n<head>\n<meta charset=\"utf-8\">\n"
    h += "<meta name=\"generator\" content=\"\(MarkdownReport.renderer)\">\n"
    h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>\(e(title))</title>\n"
    h +=
      "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem;color:#111;background:#fff}"
    h +=
      "table{border-collapse:collapse}.wide{overflow-x:auto;max-width:100%}a:focus,.wide:focus{outline:3px solid #111;outline-offset:2px}dd{overflow-wrap:anywhere}th,td{border:1px solid #555;padding:.3rem .5rem;text-align:left;vertical-align:top}"
    h +=
      ".unconfirmed{color:#7a4b00}.banner{border:3px solid #8a1c1c;padding:.5rem;background:#fff4f4;overflow-wrap:anywhere}"
    h += "blockquote{border-left:4px solid #555;margin:.5rem 0;padding:.2rem .8rem}"
    h +=
      "a,code{overflow-wrap:anywhere;word-break:break-word}@media print{a{color:#000}}</style>\n</head>\n<body>\n<main>\n"
    h += "<h1>\(e(title))</h1>\n\(banner)<dl>\n"
    let facts: [(String, String)] = [
      (w["plan"], report.plan.id), (w["member"], report.plan.member),
      (w["rubric"], "\(report.rubric.title.text(language)) (\(report.rubric.id) \(report.rubric.version))"),
      (w["monitor"], "\(report.monitor.name) (\(report.monitor.sshFingerprint))"), (w["generated"], report.generated),
      (
        w["checkpoint"],
        "\(report.checkpoint.origin), \(report.checkpoint.size) \(w["entries"]), \(w["root"]) \(report.checkpoint.root)"
      ),
    ]
    for (k, v) in facts { h += "<dt>\(e(k))</dt><dd>\(e(v))</dd>\n" }
    h += "</dl>\n"
    if let note = report.plan.noteText(language.rawValue) { h += "<p><strong>\(e(note))</strong></p>\n" }
    h += "<h2>\(e(w["aggregates"]))</h2>\n<table>\n<caption>\(e(w["aggregates"]))</caption>\n"
    h += "<tr><th scope=\"col\">\(e(w["figure"]))</th><th scope=\"col\">\(e(w["value"]))</th></tr>\n"
    for a in report.aggregates {
      h += "<tr><th scope=\"row\">\(e(a.title.text(language)))</th><td>\(e(w.figure(a.value)))</td></tr>\n"
    }
    h += "</table>\n"
    if let process = report.process {
      h += "<h2>\(e(w["processAnswers"]))</h2>\n<dl>\n"
      for s in process.scores {
        let labels = s.current.levels.map { $0.label.text(language) }.joined(separator: ", ")
        h += "<dt>\(e(s.title.text(language)))</dt><dd><strong>\(e(labels))</strong> — \(e(s.current.rationale))"
        h += " (\(e(w["evidence"])): \(e(s.current.evidence.joined(separator: ", "))))</dd>\n"
      }
      h += "</dl>\n"
      if !process.missing.isEmpty { h += "<p>\(e(w["missing"])): \(e(report.missingPlanQuestions(language)))</p>\n" }
    }
    h += "<h2>\(e(w["commitments"]))</h2>\n"
    for c in report.commitments {
      h += "<section id=\"\(e(c.id))\">\n<h3>\(e(c.id)) — \(c.title.html(lang))</h3>\n"
      if !c.scores.isEmpty {
        h +=
          "<div class=\"wide\" tabindex=\"0\" role=\"region\" aria-label=\"\(e(c.id))\">\n<table>\n<caption>\(e(c.id))</caption>\n<tr><th scope=\"col\">\(e(w["scale"]))</th><th scope=\"col\">\(e(w["level"]))</th>"
        h +=
          "<th scope=\"col\">\(e(w["definition"]))</th><th scope=\"col\">\(e(w["rationale"]))</th><th scope=\"col\">\(e(w["evidence"]))</th></tr>\n"
        for s in c.scores {
          let labels =
            s.current.levels.map { level in
              e(level.label.text(language))
                + (level.confirmed ? "" : " <span class=\"unconfirmed\">(\(e(w["unconfirmed"])))</span>")
            }.joined(separator: "<br>")
            + (s.notApplicable == true ? "<br><span class=\"unconfirmed\">(\(e(w["notApplicable"])))</span>" : "")
          let definitions = s.current.levels.map { e($0.definition.text(language)) }.joined(separator: "<br>")
          h += "<tr><th scope=\"row\">\(e(s.title.text(language)))</th><td>\(labels)</td><td>\(definitions)</td>"
          h += "<td>\(e(s.current.rationale))</td><td>\(e(s.current.evidence.joined(separator: ", ")))</td></tr>\n"
        }
        h += "</table>\n</div>\n"
      }
      for s in c.scores where s.history.count > 1 {
        h += "<p>\(e(w["history"])) — \(e(s.title.text(language))):</p>\n<ol>\n"
        for entry in s.history { h += "<li>\(e(entry.historyLine(language, corrects: w["corrects"])))</li>\n" }
        h += "</ol>\n"
      }
      for s in c.scores {
        for item in VoiceText.reconciliations(report, commitment: c.id, scale: s.scale) {
          h += "<p>\(e(s.title.text(language))): \(e(VoiceText.reconciliation(item, language)))</p>\n"
        }
        h += replies(
          VoiceText.replies(report, commitment: c.id, scale: s.scale), language, about: s.title.text(language))
      }
      for item in VoiceText.otherReconciliations(report, c) {
        h += "<p>\(e(item.scale)): \(e(VoiceText.reconciliation(item, language)))</p>\n"
      }
      h += replies(VoiceText.otherReplies(report, c), language, about: nil)
      if !c.missing.isEmpty { h += "<p>\(e(w["missing"])): \(e(c.missing.joined(separator: ", ")))</p>\n" }
      h += "</section>\n"
    }
    h += "<h2>\(e(w["evidence"]))</h2>\n<ul>\n"
    for item in report.evidence {
      let r = item.record
      let link =
        r.url.map { WebLink.html($0) }
        ?? "\(e(r.fileName ?? "")) <code>sha256:\(e(r.sha256 ?? ""))</code>"
      h += "<li>\(e(r.id)) (\(e(r.commitment)), \(e(w["kind.\(r.kind.rawValue)"]))): \(e(r.title)) — \(link)</li>\n"
    }
    h += "</ul>\n"
    let general = VoiceText.replies(report, commitment: nil, scale: nil)
    if !general.isEmpty { h += "<h2>\(e(w["repliesReport"]))</h2>\n" + replies(general, language, about: nil) }
    h += "<p>\(e(w["verify"]))</p>\n\(banner)</main>\n</body>\n</html>\n"
    return h
  }

  /// Replies as quotations with their facts and answers; `about` names the scale addressed.
  public static func replies(_ replies: [Report.ReplyItem], _ language: Language, about: String?) -> String {
    let e = escape
    var h = ""
    for reply in replies {
      h += "<figure class=\"reply\" id=\"\(e(reply.id))\">\n<figcaption>\(e(VoiceText.heading(reply, language)))"
      h += (about.map { " · \(e($0))" } ?? "") + "</figcaption>\n"
      if let facts = VoiceText.facts(reply, language) { h += "<p>\(e(facts))</p>\n" }
      h += "<blockquote><p>\(e(reply.text).replacingOccurrences(of: "\n", with: "<br>"))</p></blockquote>\n"
      h += "<p><em>\(e(VoiceText.answer(reply, language)))</em></p>\n</figure>\n"
    }
    return h
  }
}
