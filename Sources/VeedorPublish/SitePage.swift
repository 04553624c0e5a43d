import VeedorReports
import VeedorRubric

/// The frame shared by every page: language, title, navigation with the language switch.
struct SitePage {
  let language: Language
  let report: Report
  /// Whether the site lists progress reports (`progress.html`), linked from the navigation.
  var progressPage = false

  /// The file name of a page in a language: Spanish pages have no suffix, English ones `.en`.
  static func file(_ base: String, _ language: Language) -> String {
    language == .es ? "\(base).html" : "\(base).en.html"
  }

  /// A commitment page's base name, safe as a file name whatever the id holds.
  ///
  /// Injective: ASCII letters, digits and `-` stay; every other byte (`_` included) becomes `_XX`, so
  /// `CLPLN.1` and `CLPLN_1` get different pages.
  static func commitmentBase(_ id: String) -> String {
    "commitment-" + safeName(id)
  }

  /// `text` safe as part of a file name, injectively: ASCII letters, digits and `-` as they are, every
  /// other byte as `_` and two hexadecimal digits (also a progress report's folder, `SiteProgress`).
  static func safeName(_ text: String) -> String {
    var name = ""
    for byte in text.utf8 {
      let c = Character(Unicode.Scalar(byte))
      if byte < 0x80 && (c.isLetter || c.isNumber || c == "-") {
        name.append(c)
      } else {
        name += "_" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      }
    }
    return name
  }

  /// A whole HTML document for a page whose base name is `base`; `heading`, when given, is the
  /// title as HTML for the `h1` (a part in the other language marked with its `lang`).
  func render(base: String, title: String, heading: String? = nil, body: String) -> String {
    let e = HTMLReport.escape
    let w = SiteWords(language: language)
    let other: Language = language == .es ? .en : .es
    let plan = report.plan.title?.best(language.rawValue) ?? report.plan.id
    let draftMark = report.isDraft ? ReportWords(language: language)["draft"] + " — " : ""
    let banner =
      VoiceText.banner(report, language).map { text in
        let link = report.isDraft ? " <a href=\"\(Self.file("reply", language))\">\(e(w["howToReply"]))</a>" : ""
        return "<p class=\"banner\" role=\"note\"><strong>\(e(text))</strong>\(link)</p>\n"
      } ?? ""
    let words = ReportWords(language: language)
    let recorded = report.commitments.reduce(0) { $0 + $1.scores.count }
    let missing = report.commitments.reduce(0) { $0 + $1.missing.count }
    let partial =
      missing == 0
      ? ""
      : "<p class=\"partial\" role=\"note\">\(e(words.format("partial", String(recorded), String(recorded + missing))))</p>\n"
    let about = words.format(
      "aboutBox", report.monitor.name, report.monitor.sshFingerprint, String(report.generated.prefix(10)),
      String(report.checkpoint.size))
    return """
      <!doctype html>
      <html lang="\(language.rawValue)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(e(draftMark))\(e(title)) — \(e(plan))</title>
      <link rel="stylesheet" href="style.css">
      <link rel="alternate" hreflang="\(other.rawValue)" href="\(Self.file(base, other))">
      <link rel="alternate" type="application/atom+xml" href="\(SiteFeed.file(forPage: base, language))">
      </head>
      <body>
      <header>
      <p class="site">\(e(w["site"])) · \(e(report.plan.member))</p>
      <nav aria-label="\(e(w["site"]))">
      <a href="\(Self.file("index", language))">\(e(w["home"]))</a> ·
      <a href="\(Self.file("verify", language))">\(e(w["verifyNav"]))</a> ·\(report.review == nil ? "" : "\n<a href=\"\(Self.file("reply", language))\">\(e(w["replyNav"]))</a> ·")\(progressPage ? "\n<a href=\"\(Self.file("progress", language))\">\(e(w["progressNav"]))</a> ·" : "")
      <a href="\(Self.file(base, other))" hreflang="\(other.rawValue)" lang="\(other.rawValue)">\(e(w["switch"]))</a>
      </nav>
      </header>
      <main>
      <h1>\(e(draftMark))\(heading ?? e(title))</h1>
      \(banner)\(partial)\(body)
      </main>
      <footer>\(banner)<aside class="about" aria-label="\(e(w["verifyNav"]))"><p>\(e(about)) <a href="\(Self.file("verify", language))">\(e(w["verifyNav"]))</a></p></aside>
      <p>\(e(report.monitor.name)) · \(e(report.monitor.sshFingerprint)) · \(e(report.generated))</p></footer>
      </body>
      </html>

      """
  }

  /// The stylesheet: readable, high contrast, and a print layout.
  static let css = """
    body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;line-height:1.5;max-width:72rem;margin:0 auto;padding:1rem;color:#111;background:#fff}
    a{color:#0645ad;overflow-wrap:anywhere}a:focus{outline:3px solid #111}
    table{border-collapse:collapse;margin:1rem 0;width:100%}caption{text-align:left;font-weight:bold;padding:.3rem 0}
    th,td{border:1px solid #444;padding:.35rem .5rem;text-align:left;vertical-align:top}thead th{background:#e8e8e8}
    .site{font-weight:bold}.unconfirmed{color:#6b3e00}.note{border-left:4px solid #6b3e00;padding-left:.75rem}
    pre{background:#f3f3f3;padding:.75rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
    dd,footer,p code{overflow-wrap:anywhere}
    .banner{border:3px solid #8a1c1c;background:#fff4f4;padding:.5rem .75rem;overflow-wrap:anywhere}
    .reply{border-left:4px solid #444;margin:1rem 0;padding:.25rem .75rem;background:#f7f7f7}.reply figcaption{font-weight:bold;overflow-wrap:anywhere}
    blockquote{margin:.5rem 0;padding:0 .75rem;border-left:2px solid #888;overflow-wrap:anywhere}
    .partial{border-left:4px solid #7a4b00;padding:.3rem .6rem;background:#fff8e6}.about{border:1px solid #555;padding:.3rem .8rem;margin:1rem 0;background:#f6f6f6}.overdue{color:#8a1c1c}progress{width:12rem;max-width:60%;vertical-align:middle}.wide{overflow-x:auto;max-width:100%}.wide:focus{outline:3px solid #111}.wide table{min-width:40rem}
    @media print{nav,footer{display:none}a{color:#000;text-decoration:none}body{max-width:none;font-size:11pt}table{page-break-inside:auto}tr{page-break-inside:avoid}}

    """
}

extension String {
  /// The string with leading zeros up to `width` characters.
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
