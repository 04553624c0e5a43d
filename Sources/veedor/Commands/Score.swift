import ArgumentParser
import Foundation
import VeedorPlan
import VeedorRecords
import VeedorRubric
import VeedorWorkspace

/// `veedor score`: records a score, or walks the monitor through every scale on a terminal.
struct Score: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "score", abstract: "Score a commitment on a rubric scale.",
    discussion: """
      With SCALE and LEVEL, records one score. A second score on the same scale needs --correct
      and supersedes the first; both stay in the ledger's history.
      With only COMMITMENT, on a terminal, asks for each unscored scale in turn (level, rationale,
      evidence) and records each answer as it is given.
      Several levels on a multiple-choice scale are separated by commas.

      Examples:
        veedor score CLPLN0001 verifiable yes --rationale "Dated milestones" --evidence E1
        veedor score CLPLN0001 relevance access-to-information,public-accountability --rationale "…" --evidence E1,E2
        veedor score CLPLN0001 completion substantial --correct --rationale "New report" --evidence E4
        veedor score CLPLN0003 completion complete --correct --in-reply-to R1 --rationale "…" --evidence E6
        veedor score CLPLN0001 --lang es
      """)

  @OptionGroup var options: WorkspaceOptions
  @Argument(help: "Commitment id.") var commitment: String
  @Argument(help: "Scale id (see 'veedor rubric show').") var scale: String?
  @Argument(help: "Level id or label; comma-separated for multiple-choice scales.") var level: String?
  @Option(help: "Why this level.") var rationale: String?
  @Option(help: "Evidence ids, comma-separated, e.g. E1,E2.") var evidence: String?
  @Flag(help: "Correct the current score on this scale (the old one stays in the history).") var correct = false
  @Option(help: "The reply that led to this score, e.g. R1 (see 'veedor reply').") var inReplyTo: String?
  @Option(help: "Language of the guided prompts: en or es.") var lang: Language = .en

  func validate() throws {
    if scale != nil && level == nil { throw ValidationError("give a LEVEL after SCALE") }
  }

  func run() throws {
    let workspace = try options.open()
    guard let scale, let level else {
      guard Environment.interactive else {
        throw ValidationError("give SCALE and LEVEL, or run on a terminal to be guided through each scale")
      }
      return try ScoreWizard(workspace: workspace, commitment: commitment, language: lang).run()
    }
    let draft = ScoreDraft(
      commitment: commitment, scale: scale, levels: Self.list(level), rationale: rationale ?? "",
      evidence: Self.list(evidence ?? ""), inReplyTo: inReplyTo)
    let record = try workspace.recordScore(draft, correct: correct, now: Environment.now())
    let verb = record.supersedes.map { "corrected (supersedes \($0))" } ?? "recorded"
    Output.line("\(record.id) \(verb): \(record.commitment) \(record.scale) = \(record.levels.joined(separator: ","))")
  }

  static func list(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }
}
