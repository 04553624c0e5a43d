import ArgumentParser
import Foundation
import VeedorPlan
import VeedorRecords
import VeedorReports
import VeedorRubric
import VeedorWorkspace

/// `veedor status`: what is scored, what is missing, and the plan aggregates.
struct Status: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status", abstract: "Show scores, evidence, derived indicators, aggregates and what is still missing.",
    discussion: """
      In Spanish with --lang es, or when LC_ALL or LANG starts with es (es_CL.UTF-8); --json keeps English keys.
      Example: veedor status --lang es
      """)

  @OptionGroup var options: WorkspaceOptions
  @Option(name: .customLong("lang"), help: "Language: en or es (default: from LC_ALL/LANG, else en).")
  var language: Language?
  private var lang: Language { Environment.language(language) }

  /// An indicator and its value: `id=yes` in English (as scripts read it), its title and `sí`/`no` in Spanish.
  private func indicator(_ id: String, _ value: Truth, _ rubric: Rubric) -> String {
    guard lang == .es else { return "\(id)=\(value.rawValue)" }
    let title = rubric.indicators.first { $0.id == id }?.title.es ?? id
    return "\(title): \(w[value.rawValue])"
  }
  private var w: ReportWords { ReportWords(language: lang) }
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let workspace = try options.open()
    let state = try workspace.currentState()
    var report = StatusReport(workspace: workspace, state: state, language: lang)
    report.forms = Self.forms(workspace, state, lang)
    let board = workspace.milestoneBoard(state, today: Environment.today())
    report.milestones = board.commitments
    report.checkins =
      CheckinRhythm(plan: workspace.plan, board: board, cycle: state.cycle, today: Environment.today())
      .units
    if json { return try Output.json(report) }
    Output.line("\(w.format("cli.header", report.plan, report.member, report.rubric, String(report.ledgerEntries)))\n")
    for c in report.commitments {
      Output.line("\(c.id)  \(c.title)  (\(w.count("cli.evidenceCount", c.evidence)))")
      for s in c.scales where s.levels != nil {
        let labels = (s.levels ?? []).map { id in
          workspace.rubric.scale(s.scale)?.levels.first { $0.id == id }?.label.text(lang) ?? id
        }
        let fix = s.corrections > 0 ? w.format("cli.corrected", String(s.corrections)) : ""
        let rule = workspace.rubric.scale(s.scale).flatMap(\.requires).map(\.summary) ?? ""
        let lapsed = s.notApplicable ? w.format("cli.lapsed", rule) : ""
        let name = lang == .es ? workspace.rubric.scale(s.scale)?.title.es ?? s.scale : s.scale
        Output.line(
          "  ✓ \(name): \(labels.joined(separator: ", "))  [\(s.score ?? ""), \(w.count("cli.evidenceCount", s.evidence))\(fix)]\(lapsed)"
        )
      }
      let decided = c.indicators.sorted { $0.key < $1.key }.filter { $0.value != .unknown }
      if !decided.isEmpty {
        Output.line(
          "  \(w["cli.indicators"]): \(decided.map { indicator($0.key, $0.value, workspace.rubric) }.joined(separator: lang == .es ? "; " : " "))"
        )
      }
      let missing = c.missing.map { id in lang == .es ? workspace.rubric.scale(id)?.title.es ?? id : id }
      if !missing.isEmpty { Output.line("  \(w["cli.missing"]): \(missing.joined(separator: ", "))") }
    }
    printCycle(report)
    printPlanQuestions(report, workspace.rubric)
    printForms(report.forms, workspace.rubric)
    Output.line("\n\(w["cli.aggregates"])")
    for a in report.aggregates { Output.line("  \(a.title): \(w.figure(a.value))") }
    if let r = report.review {
      let state = r.open ? w.format("cli.reviewOpen", String(r.draftSize)) : w["cli.reviewClosed"]
      Output.line(
        "\n\(w.format("cli.review", r.window, r.opens, r.closes, state, String(r.replies), String(report.parties)))")
      if !report.unansweredReplies.isEmpty {
        Output.line("\(w.format("cli.unanswered", report.unansweredReplies.joined(separator: ", ")))")
      }
      if !report.unansweredLate.isEmpty {
        Output.line("\(w.format("cli.lateUnanswered", report.unansweredLate.joined(separator: ", ")))")
      }
    }
    Output.line(
      "\n\(report.missing == 0 ? w["cli.allScored"] : w.format("cli.stillMissing", String(report.missing)))")
  }

  /// The rubric's forms: the plan's, and each commitment's once its deadline has started.
  static func forms(_ workspace: Workspace, _ state: LedgerState, _ lang: Language) -> [StatusReport.FormStatus] {
    var found: [StatusReport.FormStatus] = []
    for form in workspace.rubric.forms ?? [] {
      let subjects: [String?] = form.subject == .plan ? [nil] : workspace.plan.commitments.map(\.id)
      for commitment in subjects {
        let request = Report.FormRequest(id: form.id, commitment: commitment)
        // A form whose answers break its limits is still due: shown with what stops its export.
        var problem: String?
        let info: Report.FormInfo
        do {
          info = try ReportDerivation.form(request, plan: workspace.plan, rubric: workspace.rubric, state: state)
        } catch {
          problem = lang == .es ? error.messageES : error.message
          guard
            let lax = try? ReportDerivation.form(
              request, plan: workspace.plan, rubric: workspace.rubric, state: state, enforcingLimits: false)
          else { continue }
          info = lax
        }
        guard form.subject == .plan || info.due != nil else { continue }
        found.append(
          .init(
            form: form.id, title: form.title.text(lang), commitment: commitment, countedFrom: info.countedFrom,
            due: info.due,
            missing: info.missing.map { [$0.commitment, $0.scale].compactMap { $0 }.joined(separator: " ") },
            problem: problem))
      }
    }
    return found
  }

  private func printPlanQuestions(_ report: StatusReport, _ rubric: Rubric) {
    guard !report.planQuestions.isEmpty else { return }
    Output.line("\n\(w.format("cli.planQuestions", report.plan))")
    for q in report.planQuestions where q.levels != nil {
      let labels = (q.levels ?? []).map { id in
        rubric.planScale(q.scale)?.levels.first { $0.id == id }?.label.text(lang) ?? id
      }
      let rule = rubric.planScale(q.scale).flatMap(\.requires).map(\.summary) ?? ""
      let lapsed = q.notApplicable ? w.format("cli.lapsed", rule) : ""
      let name = lang == .es ? rubric.planScale(q.scale)?.title.es ?? q.scale : q.scale
      Output.line(
        "  ✓ \(name): \(labels.joined(separator: ", "))  [\(q.score ?? ""), \(w.count("cli.evidenceCount", q.evidence))]\(lapsed)"
      )
    }
    let open = report.planQuestions.filter { $0.levels == nil && !$0.notApplicable }.map(\.scale)
    if !open.isEmpty {
      let names = open.map { id in lang == .es ? rubric.planScale(id)?.title.es ?? id : id }
      Output.line(
        "  \(w["cli.missing"]): \(names.joined(separator: ", ")) — veedor score \(report.plan) QUESTION LEVEL …")
    }
  }

  private func printForms(_ forms: [StatusReport.FormStatus], _ rubric: Rubric) {
    guard let defined = rubric.forms, !defined.isEmpty else { return }
    let today = PlanDate(iso: String(Act.timestamp(Environment.now()).prefix(10)))
    Output.line("\n\(w["cli.forms"])")
    for f in forms {
      // A deadline known only to the month (`2024-05`) has not passed until that month is over.
      let passed = f.due.flatMap(PlanDate.init(iso:)).map { due in today.map(due.hasPassed(on:)) ?? false } ?? false
      let late = passed && !f.missing.isEmpty ? w["cli.pastDue"] : ""
      let due = f.due ?? (f.countedFrom.map { w.format("cli.yearOnly", $0) } ?? w["cli.noSubmission"])
      let listed = f.missing.prefix(6).joined(separator: ", ") + (f.missing.count > 6 ? ", …" : "")
      let gaps =
        f.missing.isEmpty ? w["cli.allAnswered"] : w.format("cli.unansweredQuestions", String(f.missing.count), listed)
      Output.line(
        "  \(f.title)\(f.commitment.map { " \($0)" } ?? ""): \(w.format("cli.formLine", due))\(late); \(gaps)")
      if let problem = f.problem { Output.line("\(w.format("cli.cannotExport", problem))") }
      Output.line(
        "    \(lang == .es ? "exportar" : "export"): veedor report export --form \(f.form)\(f.commitment.map { " --commitment \($0)" } ?? "")"
      )
    }
    for form in defined where form.subject == .commitment {
      let due = forms.filter { $0.form == form.id }.count
      if due == 0 {
        let scale = form.due.scale.flatMap { rubric.scale($0) }
        let levels = (form.due.levels ?? []).map { id in scale?.levels.first { $0.id == id }?.label.text(lang) ?? id }
        Output.line(
          "  \(form.title.text(lang)): \(w.format("cli.notDueAny", scale?.title.text(lang) ?? form.due.scale ?? "", levels.joined(separator: "/")))"
        )
      }
    }
  }

  private func printCycle(_ report: StatusReport) {
    let tracked = report.milestones.filter { !$0.milestones.isEmpty }
    if !tracked.isEmpty {
      Output.line("\n\(w["cli.milestones"])")
      for c in tracked {
        let counted = c.milestones.filter { !$0.dropped }
        let done = counted.filter { $0.status == .complete }.count
        let late =
          c.overdue > 0
          ? w.format("cli.overdueList", c.milestones.filter(\.overdue).map(\.id).joined(separator: ", ")) : ""
        Output.line(
          "  \(c.commitment): \(c.progress.map { "\($0)%" } ?? "–"), \(w.format("cli.completeCount", String(done), String(counted.count)))\(late)"
        )
      }
    }
    guard report.checkins.contains(where: { $0.count > 0 || $0.overdue }) else { return }
    Output.line("\n\(w["cli.checkins"])")
    for unit in report.checkins where unit.count > 0 || unit.overdue {
      let last = unit.last.map { w.format("cli.lastCheckin", $0, String(unit.count)) } ?? w["cli.noneYet"]
      Output.line("  \(unit.name): \(last)\(unit.overdue ? w["cli.overdueCaps"] : "")")
    }
  }
}
