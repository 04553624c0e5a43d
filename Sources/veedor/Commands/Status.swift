import ArgumentParser
import Foundation
import VeedorPlan
import VeedorRecords
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
    let report = StatusReport(workspace: workspace, state: try workspace.state(), language: lang)
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
}
