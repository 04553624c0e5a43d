import VeedorReports
import VeedorRubric

/// The content of each kind of page.
struct SiteBodies {
  let report: Report
  let language: Language
  /// Evidence files copied into the site, by SHA-256.
  let storedEvidence: Set<String>

  private var w: SiteWords { SiteWords(language: language) }
  private var lang: String { language.rawValue }
  private let e = HTMLReport.escape

  /// The answers to the rubric's questions about the whole plan (OGP Local's co-creation checks),
  /// and a link to the assessment form this report is, if any.
  func processAnswers() -> String {
    let words = ReportWords(language: language)
    var h = ""
    if let process = report.process {
      h += "<h2>\(e(words["processAnswers"]))</h2>\n<dl>\n"
      for s in process.scores {
        let labels = s.current.levels.map { $0.label.text(language) }.joined(separator: ", ")
        h += "<dt>\(e(s.title.text(language)))</dt><dd><strong>\(e(labels))</strong> — \(e(s.current.rationale))</dd>\n"
      }
      h += "</dl>\n"
      if !process.missing.isEmpty {
        h += "<p>\(e(words["missing"])): \(e(report.missingPlanQuestions(language)))</p>\n"
      }
    }
    if let form = report.form {
      h += "<p><a href=\"\(e(SitePage.file("form", language)))\">\(e(form.title.text(language)))</a></p>\n"
    }
    return h
  }

  func index() -> String {
    var h = "<dl>\n"
    let facts: [(String, String)] = [
      (w["monitor"], "\(report.monitor.name) (\(report.monitor.sshFingerprint))"),
      (w["rubric"], "\(report.rubric.title.text(language)) — \(report.rubric.id) \(report.rubric.version)"),
      (
        w["checkpoint"],
        "\(report.checkpoint.origin) · \(report.checkpoint.size) \(w["entries"]) · \(report.checkpoint.root)"
      ),
    ]
    for (k, v) in facts { h += "<dt>\(e(k))</dt><dd>\(e(v))</dd>\n" }
    h += "</dl>\n"
    if let note = report.plan.noteText(language.rawValue) {
      h += "<p class=\"note\"><strong>\(e(w["example"])):</strong> \(e(note))</p>\n"
    }
    h += "<h2>\(e(w["aggregates"]))</h2>\n<table>\n<caption>\(e(w["aggregates"]))</caption>\n"
    h +=
      "<thead><tr><th scope=\"col\">\(e(w["figure"]))</th><th scope=\"col\">\(e(w["value"]))</th></tr></thead>\n<tbody>\n"
    for a in report.aggregates {
      h +=
        "<tr><th scope=\"row\">\(e(a.title.text(language)))</th><td>\(e(ReportWords(language: language).figure(a.value)))</td></tr>\n"
    }
    h += "</tbody>\n</table>\n"
    h += processAnswers()
    var scales: [(String, LocalizedText)] = []
    for c in report.commitments {
      for s in c.scores where !scales.contains(where: { $0.0 == s.scale }) { scales.append((s.scale, s.title)) }
    }
    h +=
      "<h2>\(e(w["table"]))</h2>\n<div class=\"wide\" tabindex=\"0\" role=\"region\" aria-label=\"\(e(w["table"]))\">\n<table>\n<caption>\(e(w["table"]))</caption>\n<thead><tr><th scope=\"col\">\(e(w["commitment"]))</th>"
    for (_, title) in scales { h += "<th scope=\"col\">\(e(title.text(language)))</th>" }
    h += "</tr></thead>\n<tbody>\n"
    for c in report.commitments {
      let page = SitePage.file(SitePage.commitmentBase(c.id), language)
      h += "<tr><th scope=\"row\"><a href=\"\(e(page))\">\(e(c.id))</a><br>\(c.title.html(lang))</th>"
      for (id, _) in scales {
        let levels = c.scores.first { $0.scale == id }?.current.levels.map { $0.label.text(language) }
        h += "<td>\(e(levels?.joined(separator: ", ") ?? w["notScored"]))</td>"
      }
      h += "</tr>\n"
    }
    h += "</tbody>\n</table>\n</div>\n"
    let general = VoiceText.replies(report, commitment: nil, scale: nil)
    if !general.isEmpty {
      h += "<h2>\(e(ReportWords(language: language)["repliesReport"]))</h2>\n"
      h += HTMLReport.replies(general, language, about: nil)
    }
    return h
  }

  func commitment(_ c: Report.CommitmentReport) -> String {
    var h = c.url.map { "<p>\(WebLink.html($0))</p>\n" } ?? ""
    h += progress(c.id)
    let evidence = Dictionary(
      report.evidence.map { ($0.record.id, $0.record) }, uniquingKeysWith: { first, _ in first })
    for s in c.scores {
      h += "<section>\n<h2>\(e(s.title.text(language)))</h2>\n<dl>\n"
      for level in s.current.levels {
        let mark = level.confirmed ? "" : " <span class=\"unconfirmed\">(\(e(w["unconfirmed"])))</span>"
        h += "<dt>\(e(w["level"]))</dt><dd><strong>\(e(level.label.text(language)))</strong>\(mark)</dd>\n"
        h += "<dt>\(e(w["meaning"]))</dt><dd>\(e(level.definition.text(language)))</dd>\n"
      }
      if s.notApplicable == true {
        h += "<dt>\(e(w["level"]))</dt><dd><span class=\"unconfirmed\">\(e(w["notApplicable"]))</span></dd>\n"
      }
      h += "<dt>\(e(w["rationale"]))</dt><dd>\(e(s.current.rationale))</dd>\n</dl>\n"
      h += "<h3>\(e(w["evidence"]))</h3>\n<ul>\n"
      for id in s.current.evidence {
        guard let r = evidence[id] else { continue }
        var links: [String] = []
        if let sha = r.sha256, storedEvidence.contains(sha) {
          links.append("<a href=\"evidence/\(e(sha))\">\(e(w["stored"]))</a>")
        }
        if let url = r.url { links.append(WebLink.html(url, text: WebLink.isLinkable(url) ? w["source"] : nil)) }
        let facts = [
          ReportWords(language: language)["kind.\(r.kind.rawValue)"], r.date?.description,
          r.sha256.map { "SHA-256 \($0)" },
        ].compactMap { $0 }
        h +=
          "<li>\(e(r.id)): \(e(r.title)) (\(e(facts.joined(separator: " · "))))\(links.isEmpty ? "" : " — " + links.joined(separator: " · "))</li>\n"
      }
      h += "</ul>\n"
      if s.history.count > 1 {
        h += "<h3>\(e(w["history"]))</h3>\n<ol>\n"
        for entry in s.history { h += "<li>\(e(entry.historyLine(language, corrects: w["corrects"])))</li>\n" }
        h += "</ol>\n"
      }
      for item in VoiceText.reconciliations(report, commitment: c.id, scale: s.scale) {
        h += "<p>\(e(VoiceText.reconciliation(item, language)))</p>\n"
      }
      h += HTMLReport.replies(VoiceText.replies(report, commitment: c.id, scale: s.scale), language, about: nil)
      h += "</section>\n"
    }
    for item in VoiceText.otherReconciliations(report, c) {
      h += "<p>\(e(item.scale)): \(e(VoiceText.reconciliation(item, language)))</p>\n"
    }
    h += HTMLReport.replies(VoiceText.otherReplies(report, c), language, about: nil)
    h += SiteReplies(report: report, language: language).template(for: c.id)
    if !c.missing.isEmpty { h += "<p>\(e(w["missing"])): \(e(c.missing.joined(separator: ", ")))</p>\n" }
    return h
  }

  func verify(principal: String) -> String {
    var h = "<p>\(e(w["verifyIntro"]))</p>\n<pre><code>"
    h += e(
      "ssh-keygen -Y verify -f data/keys/allowed_signers -I \(ShellQuoting.quote(principal)) -n assessment-report@veedor -s data/report.json.sshsig < data/report.json"
    )
    h +=
      "\n\n"
      + e(
        "openssl pkeyutl -verify -pubin -inkey data/keys/monitor.pub.pem -rawin -in data/report.json -sigfile data/report.json.sig"
      )
    h += "\n\n" + e("gpgv --keyring ./data/keys/monitor.pgp data/report.json.asc data/report.json") + "</code></pre>\n"
    h +=
      "<p>\(e(w["fingerprint"])) <code>\(e(report.monitor.sshFingerprint))</code> (OpenPGP <code>\(e(report.monitor.openpgpFingerprint))</code>)</p>\n"
    h += "<p>\(e(w["veedorVerify"]))</p>\n<pre><code>"
    h +=
      e("veedor verify data/report.json --trust data/keys/allowed_signers --evidence-dir evidence") + "</code></pre>\n"
    h += "<h2>\(e(w["downloads"]))</h2>\n<ul>\n"
    for file in SitePublisher.dataFiles + SitePublisher.keyFiles.map({ "keys/" + $0 }) {
      h += "<li><a href=\"data/\(e(file))\">\(e(file))</a></li>\n"
    }
    for item in report.evidence {
      guard let sha = item.record.sha256, storedEvidence.contains(sha) else { continue }
      h += "<li><a href=\"evidence/\(e(sha))\">\(e(item.record.id)): \(e(item.record.fileName ?? sha))</a></li>\n"
    }
    return h + "</ul>\n"
  }

  /// A commitment's progress from its milestones: a bar (no script), the milestone table with
  /// status, due date, unit and overdue marks, and the dated updates, newest first.
  func progress(_ commitment: String) -> String {
    guard let cycle = report.cycle, let c = cycle.commitments.first(where: { $0.commitment == commitment }),
      !c.milestones.isEmpty
    else { return "" }
    let words = ReportWords(language: language)
    var h = "<section>\n<h2>\(e(words["progress"]))</h2>\n"
    if let value = c.progress {
      h +=
        "<p><progress value=\"\(value)\" max=\"100\" aria-label=\"\(e(words["progress"]))\">\(value)%</progress> <strong>\(value)%</strong> — "
      h += "\(e(words["progressBeside"]))</p>\n"
    }
    h +=
      "<div class=\"wide\" tabindex=\"0\" role=\"region\" aria-label=\"\(e(words["milestones"])) — \(e(commitment))\">\n<table>\n"
    h += "<caption>\(e(words["milestones"])) — \(e(commitment))</caption>\n<thead><tr>"
    for head in ["milestone", "statusWord", "percentDone", "due", "unit"] {
      h += "<th scope=\"col\">\(e(words[head]))</th>"
    }
    h += "</tr></thead>\n<tbody>\n"
    for m in c.milestones {
      let mark =
        m.dropped
        ? " <span class=\"unconfirmed\">(\(e(words["dropped"])))</span>"
        : m.overdue ? " <strong class=\"overdue\">(\(e(words["overdue"])))</strong>" : ""
      h += "<tr><th scope=\"row\">\(e(m.id))<br>\(m.title.html(lang))</th>"
      h += "<td>\(e(words["status.\(m.status.rawValue)"]))\(mark)</td><td>\(m.progress)%</td>"
      h += "<td>\(e(m.due?.description ?? "–"))</td><td>\(e(m.responsible ?? "–"))</td></tr>\n"
    }
    h += "</tbody>\n</table>\n</div>\n"
    let ids = Set(c.milestones.map(\.id))
    let updates = cycle.updates.filter { ids.contains($0.milestone) }.reversed()
    if !updates.isEmpty {
      h += "<h3>\(e(words["timeline"]))</h3>\n<ol reversed>\n"
      for u in updates {
        let note = u.note.isEmpty ? "" : " — \(u.note)"
        h +=
          "<li><time datetime=\"\(e(u.date))\">\(e(u.date))</time>: \(e(u.milestone)) \(e(words["status.\(u.status.rawValue)"])), \(u.progress)%\(e(note))</li>\n"
      }
      h += "</ol>\n"
    }
    return h + "</section>\n"
  }
}
