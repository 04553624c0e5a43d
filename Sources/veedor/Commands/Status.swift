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
    abstract: "Show scores, evidence, derived indicators, aggregates and what is still missing.",
    discussion: "Example: veedor status --lang es")

  @OptionGroup var options: WorkspaceOptions
  @Option(help: "Language: en or es.") var lang: Language = .en
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let workspace = try options.open()
    let state = try workspace.state()
    var report = StatusReport(workspace: workspace, state: state, language: lang)
    report.forms = Self.forms(workspace, state, lang)
    let board = workspace.milestoneBoard(state, today: Environment.today())
    report.milestones = board.commitments
    report.checkins =
      CheckinRhythm(plan: workspace.plan, board: board, cycle: state.cycle, today: Environment.today())
      .units
    if json { return try Output.json(report) }
    Output.line(
      "\(report.plan) — \(report.member) · rubric \(report.rubric) · \(report.ledgerEntries) ledger entries\n")
    for c in report.commitments {
      Output.line("\(c.id)  \(c.title)  (\(c.evidence) evidence)")
      for s in c.scales where s.levels != nil {
        let labels = (s.levels ?? []).map { id in
          workspace.rubric.scale(s.scale)?.levels.first { $0.id == id }?.label.text(lang) ?? id
        }
        let fix = s.corrections > 0 ? ", corrected \(s.corrections)×" : ""
        let rule = workspace.rubric.scale(s.scale).flatMap(\.requires).map(\.summary) ?? ""
        let lapsed =
          s.notApplicable ? "  — no longer applies (the rubric applies it only when \(rule)); not counted" : ""
        Output.line(
          "  ✓ \(s.scale): \(labels.joined(separator: ", "))  [\(s.score ?? ""), \(s.evidence) evidence\(fix)]\(lapsed)"
        )
      }
      let decided = c.indicators.sorted { $0.key < $1.key }.filter { $0.value != .unknown }
      if !decided.isEmpty {
        Output.line("  indicators: \(decided.map { "\($0.key)=\($0.value.rawValue)" }.joined(separator: " "))")
      }
      if !c.missing.isEmpty { Output.line("  missing: \(c.missing.joined(separator: ", "))") }
    }
    printCycle(report)
    printPlanQuestions(report, workspace.rubric)
    printForms(report.forms, workspace.rubric)
    Output.line("\nAggregates")
    for a in report.aggregates {
      let v = a.value
      Output.line("  \(a.title): \(v.figure)\(v.undecided > 0 ? ", \(v.undecided) undecided" : "")")
    }
    if let r = report.review {
      Output.line(
        "\nReview \(r.window): replies \(r.opens) to \(r.closes), \(r.open ? "open (draft at checkpoint \(r.draftSize))" : "closed by the final report"); \(r.replies) replies; \(report.parties) parties"
      )
      if !report.unansweredReplies.isEmpty {
        Output.line(
          "  unanswered: \(report.unansweredReplies.joined(separator: ", ")) — answer each with 'veedor reply answer ID --accept|--partly|--reject --rationale …' before the final report"
        )
      }
      if !report.unansweredLate.isEmpty {
        Output.line("  late and unanswered: \(report.unansweredLate.joined(separator: ", "))")
      }
    }
    Output.line(
      report.missing == 0
        ? "\nEvery scale is scored."
        : "\nStill missing: \(report.missing) scale score(s) before a complete report can be issued.")
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
          problem = error.message
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
    Output.line("\n\(report.plan): questions about the plan")
    for q in report.planQuestions where q.levels != nil {
      let labels = (q.levels ?? []).map { id in
        rubric.planScale(q.scale)?.levels.first { $0.id == id }?.label.text(lang) ?? id
      }
      let rule = rubric.planScale(q.scale).flatMap(\.requires).map(\.summary) ?? ""
      let lapsed =
        q.notApplicable ? "  — no longer applies (the rubric applies it only when \(rule)); not counted" : ""
      Output.line(
        "  ✓ \(q.scale): \(labels.joined(separator: ", "))  [\(q.score ?? ""), \(q.evidence) evidence]\(lapsed)")
    }
    let open = report.planQuestions.filter { $0.levels == nil && !$0.notApplicable }.map(\.scale)
    if !open.isEmpty {
      Output.line("  missing: \(open.joined(separator: ", ")) — veedor score \(report.plan) QUESTION LEVEL …")
    }
  }

  private func printForms(_ forms: [StatusReport.FormStatus], _ rubric: Rubric) {
    guard let defined = rubric.forms, !defined.isEmpty else { return }
    let today = PlanDate(iso: String(Act.timestamp(Environment.now()).prefix(10)))
    Output.line("\nForms")
    for f in forms {
      // A deadline known only to the month (`2024-05`) has not passed until that month is over.
      let passed = f.due.flatMap(PlanDate.init(iso:)).map { due in today.map(due.hasPassed(on:)) ?? false } ?? false
      let late = passed && !f.missing.isEmpty ? " (past due)" : ""
      let due =
        f.due
        ?? (f.countedFrom.map { "— (the plan gives only the year of its submission, \($0))" }
          ?? "— (no submission date in the plan)")
      let gaps =
        f.missing.isEmpty
        ? "every question answered"
        : "\(f.missing.count) unanswered: \(f.missing.prefix(6).joined(separator: ", "))\(f.missing.count > 6 ? ", …" : "")"
      Output.line(
        "  \(f.title)\(f.commitment.map { " \($0)" } ?? ""): due \(due)\(late); \(gaps)"
      )
      if let problem = f.problem { Output.line("    cannot be exported as it stands: \(problem)") }
      Output.line(
        "    export: veedor report export --form \(f.form)\(f.commitment.map { " --commitment \($0)" } ?? "")")
    }
    for form in defined where form.subject == .commitment {
      let due = forms.filter { $0.form == form.id }.count
      if due == 0 {
        Output.line(
          "  \(form.title.text(lang)): not due yet for any commitment (its deadline starts when \(form.due.scale ?? "") is recorded as \((form.due.levels ?? []).joined(separator: "/")))"
        )
      }
    }
  }

  private func printCycle(_ report: StatusReport) {
    let tracked = report.milestones.filter { !$0.milestones.isEmpty }
    if !tracked.isEmpty {
      Output.line("\nMilestones (progress rolled up from milestones, beside the completion score)")
      for c in tracked {
        let counted = c.milestones.filter { !$0.dropped }
        let done = counted.filter { $0.status == .complete }.count
        let late = c.overdue > 0 ? "; overdue: \(c.milestones.filter(\.overdue).map(\.id).joined(separator: ", "))" : ""
        Output.line(
          "  \(c.commitment): \(c.progress.map { "\($0)%" } ?? "–"), \(done)/\(counted.count) complete\(late)")
      }
    }
    guard report.checkins.contains(where: { $0.count > 0 || $0.overdue }) else { return }
    Output.line("\nCheck-ins with responsible units (monthly)")
    for unit in report.checkins where unit.count > 0 || unit.overdue {
      let last = unit.last.map { "last \($0) (\(unit.count))" } ?? "none yet"
      Output.line("  \(unit.name): \(last)\(unit.overdue ? " — OVERDUE" : "")")
    }
  }
}
