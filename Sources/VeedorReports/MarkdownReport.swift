import VeedorPlan
import VeedorRecords
import VeedorRubric

/// The Markdown version of a report in one language; every piece of data is escaped.
public enum MarkdownReport {
  /// Backslash-escapes Markdown syntax and folds newlines, so data shows as plain text.
  public static func escape(_ text: String) -> String {
    // Most text has nothing to escape: check the bytes first.
    guard text.utf8.contains(where: { special[Int($0)] }) else { return text }
    var out = [UInt8]()
    out.reserveCapacity(text.utf8.count + 16)
    for byte in text.utf8 {
      if byte == 0x0A || byte == 0x0D {
        out.append(0x20)
      } else if special[Int(byte)] {
        out.append(0x5C)
        out.append(byte)
      } else {
        out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// For each byte value: whether it is escaped with a backslash (or, for line breaks, folded to a space).
  private static let special: [Bool] = {
    var table = [Bool](repeating: false, count: 256)
    for byte in "\\`*_{}[]()#+-.!|<>&~\n\r".utf8 { table[Int(byte)] = true }
    return table
  }()

  /// Names the templates of the Markdown and HTML renderings; written into each, and changed
  /// whenever their output changes, so `verify` compares a rendering only with the same templates.
  public static let renderer = "veedor-render/3"

  /// Renders the report.
  public static func render(_ report: Report, language: Language) -> String {
    let w = ReportWords(language: language)
    let lang = language.rawValue
    let e = escape
    let draft = report.isDraft ? "\(w["draft"]) — " : ""
    var md = "<!-- \(renderer) -->\n# \(draft)\(w["title"]): \(e(report.plan.title?.best(lang) ?? report.plan.id))\n\n"
    let banner = VoiceText.banner(report, language).map { "> **\(e($0))**\n\n" } ?? ""
    md += banner
    md += "- \(w["plan"]): \(e(report.plan.id))\n- \(w["member"]): \(e(report.plan.member))\n"
    md +=
      "- \(w["rubric"]): \(e(report.rubric.title.text(language))) (\(e(report.rubric.id)) \(e(report.rubric.version)))\n"
    md += "- \(w["monitor"]): \(e(report.monitor.name)) (\(e(report.monitor.sshFingerprint)))\n"
    md += "- \(w["generated"]): \(e(report.generated))\n"
    md +=
      "- \(w["checkpoint"]): \(e(report.checkpoint.origin)), \(report.checkpoint.size) \(w["entries"]), \(w["root"]) \(e(report.checkpoint.root))\n"
    if let note = report.plan.noteText(language.rawValue) { md += "\n> \(e(note))\n" }
    md += "\n## \(w["aggregates"])\n\n| \(w["figure"]) | \(w["value"]) |\n|---|---|\n"
    for a in report.aggregates { md += "| \(e(a.title.text(language))) | \(e(w.figure(a.value))) |\n" }
    if let process = report.process {
      md += "\n## \(w["processAnswers"])\n\n"
      for s in process.scores {
        let labels = s.current.levels.map { $0.label.text(language) }.joined(separator: ", ")
        md += "- \(e(s.title.text(language))): **\(e(labels))** — \(e(s.current.rationale))"
        md += " (\(w["evidence"]): \(e(s.current.evidence.joined(separator: ", "))))\n"
      }
      if !process.missing.isEmpty { md += "\n\(w["missing"]): \(e(report.missingPlanQuestions(language)))\n" }
    }
    md += "\n## \(w["commitments"])\n"
    for c in report.commitments {
      md += "\n### \(e(c.id)) — \(e(c.title.best(lang)))\n\n"
      for s in c.scores {
        md += "#### \(e(draft))\(e(s.title.text(language)))\n\n"
        for level in s.current.levels {
          let mark = level.confirmed ? "" : " (\(w["unconfirmed"]))"
          md += "- **\(e(level.label.text(language)))**\(e(mark)): \(e(level.definition.text(language)))\n"
        }
        if s.notApplicable == true { md += "- *\(e(w["notApplicable"]))*\n" }
        md += "- \(w["rationale"]): \(e(s.current.rationale))\n"
        md +=
          "- \(w["evidence"]): \(e(s.current.evidence.isEmpty ? w["none"] : s.current.evidence.joined(separator: ", ")))\n"
        if s.history.count > 1 {
          md += "- \(w["history"]):\n"
          for h in s.history { md += "  - \(e(h.historyLine(language, corrects: w["corrects"])))\n" }
        }
        for item in VoiceText.reconciliations(report, commitment: c.id, scale: s.scale) {
          md += "- \(e(VoiceText.reconciliation(item, language)))\n"
        }
        md += "\n" + replies(VoiceText.replies(report, commitment: c.id, scale: s.scale), language)
      }
      for item in VoiceText.otherReconciliations(report, c) {
        md += "- \(e(item.scale)): \(e(VoiceText.reconciliation(item, language)))\n"
      }
      md += replies(VoiceText.otherReplies(report, c), language)
      let decided = c.indicators.sorted { $0.key < $1.key }
      if !decided.isEmpty {
        md +=
          "\(w["indicators"]): " + decided.map { "\(e($0.key)) = \(w[$0.value.rawValue])" }.joined(separator: "; ")
          + "\n\n"
      }
      if !c.missing.isEmpty { md += "\(w["missing"]): \(e(c.missing.joined(separator: ", ")))\n" }
    }
    md += "\n## \(w["evidence"])\n\n"
    for item in report.evidence {
      let r = item.record
      let source = r.url ?? "\(r.fileName ?? "") sha256:\(r.sha256 ?? "")"
      md +=
        "- \(e(r.id)) (\(e(r.commitment)), \(e(w["kind.\(r.kind.rawValue)"]))\(r.date.map { ", \($0)" } ?? "")): \(e(r.title)) — \(e(source))\n"
    }
    let general = VoiceText.replies(report, commitment: nil, scale: nil)
    if !general.isEmpty { md += "\n## \(w["repliesReport"])\n\n" + replies(general, language) }
    md += "\n\(e(w["verify"]))\n"
    return md + banner
  }

  /// Replies as quoted blocks with their answers.
  static func replies(_ replies: [Report.ReplyItem], _ language: Language) -> String {
    let e = escape
    var md = ""
    for reply in replies {
      md += "> **\(e(VoiceText.heading(reply, language)))**\n>\n"
      if let facts = VoiceText.facts(reply, language) { md += "> \(e(facts))\n>\n" }
      for line in reply.text.split(separator: "\n", omittingEmptySubsequences: false) { md += "> \(e(String(line)))\n" }
      md += ">\n> *\(e(VoiceText.answer(reply, language)))*\n\n"
    }
    return md
  }
}
