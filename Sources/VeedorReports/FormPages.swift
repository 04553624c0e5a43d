import VeedorRubric

/// A report that is an assessment form, written as `form.LANG.md` and `form.LANG.html` from its
/// ``FormLayout`` blocks; every piece of data is escaped, no scripts.
public enum FormPages {
  /// The Markdown page of the form.
  public static func markdown(_ report: Report, language: Language) -> String {
    markdown(FormLayout.blocks(report, language: language), kind: "form", language: language)
  }

  /// The HTML page of the form.
  public static func html(_ report: Report, language: Language) -> String {
    html(FormLayout.blocks(report, language: language), kind: "form", language: language)
  }

  /// Blocks as Markdown; `kind` names the templates (`form`, `progress`).
  public static func markdown(_ blocks: [FormBlock], kind: String, language: Language) -> String {
    let e = MarkdownReport.escape
    var md = "<!-- \(MarkdownReport.renderer) \(kind) -->\n"
    let w = ReportWords(language: language)
    for block in blocks {
      switch block {
      case .title(let text): md += "# \(e(text))\n\n"
      case .banner(let text): md += "> **\(e(text))**\n\n"
      case .facts(let facts):
        md += facts.map { "- \(e($0.label)): \(e($0.value))\n" }.joined() + "\n"
      case .section(let text): md += "## \(e(text))\n\n"
      case .subject(let text): md += "### \(e(text))\n\n"
      case .paragraph(let text): md += "\(e(text))\n\n"
      case .list(let title, let items):
        if !items.isEmpty { md += "\(e(title)):\n\n" + items.map { "- \(e($0))\n" }.joined() + "\n" }
      case .question(let q):
        md += "#### \(e(q.number)) \(e(q.title))\n\n"
        if !q.text.isEmpty { md += "*\(e(q.text))*\n\n" }
        guard !q.answer.isEmpty else {
          md += "\(e(w["notAnswered"]))\n\n"
          continue
        }
        md += "- \(e(w["formAnswer"])): \(q.answer.map(e).joined(separator: "; "))\n"
        if let why = q.explanation { md += "- \(e(w["explanation"])): \(e(why))\n" }
        for line in q.evidence { md += "- \(e(w["evidence"])): \(e(line))\n" }
        for line in q.history { md += "- \(e(w["history"])): \(e(line))\n" }
        md += "\n"
      }
    }
    return md
  }

  /// Blocks as an HTML page: readable at 360 px, headings and lists a screen reader can follow.
  public static func html(_ blocks: [FormBlock], kind: String, language: Language) -> String {
    let e = HTMLReport.escape
    let w = ReportWords(language: language)
    var title = ""
    if case .title(let text)? = blocks.first { title = text }
    var h = "<!doctype html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
    h += "<meta name=\"generator\" content=\"\(MarkdownReport.renderer) \(kind)\">\n"
    h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>\(e(title))</title>\n"
    h += "<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:auto;padding:1rem;color:#111;"
    h += "background:#fff;overflow-wrap:anywhere}dt{font-weight:bold}dd{margin:0 0 .4rem 1rem}"
    h += ".banner{border:3px solid #8a1c1c;padding:.5rem;background:#fff4f4}.question{border-top:1px solid #555;"
    h += "padding-top:.3rem}.ask{font-style:italic}.open{color:#7a4b00;font-weight:bold}"
    h += "a:focus{outline:3px solid #111;outline-offset:2px}"
    h += "@media print{a{color:#000}}</style>\n</head>\n<body>\n<main>\n"
    // A question's heading sits one level under the section or the commitment it belongs to.
    var depth = 2
    for block in blocks {
      switch block {
      case .title(let text): h += "<h1>\(e(text))</h1>\n"
      case .banner(let text): h += "<p class=\"banner\" role=\"note\"><strong>\(e(text))</strong></p>\n"
      case .facts(let facts):
        h += "<dl>\n" + facts.map { "<dt>\(e($0.label))</dt><dd>\(e($0.value))</dd>\n" }.joined() + "</dl>\n"
      case .section(let text):
        h += "<h2>\(e(text))</h2>\n"
        depth = 2
      case .subject(let text):
        h += "<h3>\(e(text))</h3>\n"
        depth = 3
      case .paragraph(let text): h += "<p>\(e(text))</p>\n"
      case .list(let title, let items):
        if !items.isEmpty {
          h += "<p>\(e(title)):</p>\n<ul>\n" + items.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        }
      case .question(let q):
        h += "<section class=\"question\">\n<h\(depth + 1)>\(e(q.number)) \(e(q.title))</h\(depth + 1)>\n"
        if !q.text.isEmpty { h += "<p class=\"ask\">\(e(q.text))</p>\n" }
        guard !q.answer.isEmpty else {
          h += "<p class=\"open\">\(e(w["notAnswered"]))</p>\n</section>\n"
          continue
        }
        h += "<dl>\n<dt>\(e(w["formAnswer"]))</dt>" + q.answer.map { "<dd>\(e($0))</dd>" }.joined() + "\n"
        if let why = q.explanation { h += "<dt>\(e(w["explanation"]))</dt><dd>\(e(why))</dd>\n" }
        if !q.evidence.isEmpty {
          h += "<dt>\(e(w["evidence"]))</dt>" + q.evidence.map { "<dd>\(e($0))</dd>" }.joined() + "\n"
        }
        if !q.history.isEmpty {
          h += "<dt>\(e(w["history"]))</dt>" + q.history.map { "<dd>\(e($0))</dd>" }.joined() + "\n"
        }
        h += "</dl>\n</section>\n"
      }
    }
    return h + "</main>\n</body>\n</html>\n"
  }
}
