import VeedorPlan
import VeedorRecords
import VeedorRubric

/// Lays out a report that is a progress report (``Report/progress``) as ``FormBlock``s: per
/// commitment, its rolled-up progress beside the completion score, the milestones that changed,
/// overdue and upcoming ones, evidence, check-ins and scores of the period.
public enum ProgressLayout {
  /// The blocks in one language; empty when the report is not a progress report.
  public static func blocks(_ report: Report, language: Language) -> [FormBlock] {
    guard let p = report.progress else { return [] }
    let w = ReportWords(language: language)
    let lang = language.rawValue
    let planTitle = report.plan.title?.best(lang) ?? report.plan.id
    var blocks: [FormBlock] = [
      .title("\(report.isDraft ? "\(w["draft"]) — " : "")\(w["progressTitle"]) \(p.label): \(planTitle)")
    ]
    if let banner = VoiceText.banner(report, language) { blocks.append(.banner(banner)) }
    let website =
      p.websiteUpdated.map { w.format(p.websiteWithinFourMonths ? "websiteWithin" : "websiteLate", $0) }
      ?? w["websiteUnknown"]
    blocks.append(
      .facts([
        .init(label: w["plan"], value: "\(planTitle) (\(report.plan.id))"),
        .init(label: w["period"], value: w.format("periodDays", p.label, p.from, p.to)),
        .init(label: w["monitor"], value: "\(report.monitor.name) (\(report.monitor.sshFingerprint))"),
        .init(label: w["generated"], value: report.generated),
        .init(
          label: w["checkpoint"],
          value:
            "\(report.checkpoint.origin), \(report.checkpoint.size) \(w["entries"]), \(w["root"]) \(report.checkpoint.root)"
        ),
        .init(label: w["website"], value: website),
      ]))
    if let note = report.plan.noteText(language.rawValue) { blocks.append(.paragraph(note)) }
    let evidence = Dictionary(report.evidence.map { ($0.record.id, $0.record) }, uniquingKeysWith: { a, _ in a })
    var quiet: [String] = []
    for c in p.commitments {
      guard let shown = report.commitments.first(where: { $0.id == c.commitment }) else { continue }
      let active =
        c.progress != nil || !c.changes.isEmpty || !c.evidence.isEmpty || !c.checkins.isEmpty || !c.scores.isEmpty
      guard active else {
        quiet.append(c.commitment)
        continue
      }
      blocks.append(.section("\(c.commitment) — \(shown.title.best(lang))"))
      let percent = { (v: Double?) in v.map { "\($0)%" } ?? w["noMilestones"] }
      let completion = shown.scores.first { $0.phase == .implementation }?.current.levels
        .map { $0.label.text(language) }.joined(separator: ", ")
      blocks.append(
        .paragraph(
          w.format("progressLine", percent(c.progress), percent(c.progressBefore), completion ?? w["notScoredYet"])))
      blocks.append(
        .list(
          w["changedMilestones"],
          c.changes.map {
            "\($0.milestone) (\($0.title.best(lang))): \(w["status.\($0.before.rawValue)"]) → \(w["status.\($0.status.rawValue)"]), \($0.progress)%, \($0.date)\($0.note.isEmpty ? "" : " — \($0.note)")"
          }))
      let ref = { (m: Report.MilestoneRef) in
        "\(m.id) (\(m.title.best(lang))): \(w["status.\(m.status.rawValue)"])\(m.due.map { ", \(w["due"].lowercased()) \($0)" } ?? "")"
      }
      blocks.append(.list(w["overdueMilestones"], c.overdue.map(ref)))
      blocks.append(.list(w["upcomingMilestones"], c.upcoming.map(ref)))
      blocks.append(
        .list(w["evidenceAdded"], c.evidence.map { id in evidence[id].map { "\(id): \($0.title)" } ?? id }))
      blocks.append(
        .list(
          w["checkinsHeld"],
          p.checkins.filter { c.checkins.contains($0.id) }.map { "\($0.id) \($0.date): \($0.reported)" }))
      let scores = shown.scores.flatMap { s in s.history.map { (s, $0) } }.filter { c.scores.contains($0.1.score) }
      blocks.append(
        .list(
          w["scoresRecorded"],
          scores.map { s, entry in
            "\(entry.score) \(s.title.text(language)): \(entry.levels.map { $0.label.text(language) }.joined(separator: ", "))"
          }))
    }
    blocks.append(.list(w["quiet"], quiet))
    blocks.append(
      .list(w["allCheckins"], p.checkins.map { "\($0.id) \($0.date): \($0.units.joined(separator: ", "))" }))
    blocks.append(.paragraph(w["verifyProgress"]))
    return blocks
  }

  /// `progress.LANG.md`.
  public static func markdown(_ report: Report, _ language: Language) -> String {
    FormPages.markdown(blocks(report, language: language), kind: "progress", language: language)
  }

  /// `progress.LANG.html`.
  public static func html(_ report: Report, _ language: Language) -> String {
    FormPages.html(blocks(report, language: language), kind: "progress", language: language)
  }
}
