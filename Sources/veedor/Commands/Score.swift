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
      With only COMMITMENT, on a terminal (or with --guided, reading the answers line by line from
      standard input), asks for each unscored scale in turn (level, rationale, evidence) and records
      each answer as it is given; an answer that cannot be recorded is explained and asked again.
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
  /// The language of the guided prompts and messages; nil for the run's (`LC_ALL`/`LANG`).
  @Option(help: "Language of the guided prompts and of messages: en or es (default: from LC_ALL/LANG, else en).")
  var lang: Language?
  /// Whether to guide through each scale although standard input is not a terminal (answers piped in).
  @Flag(help: "Ask scale by scale even when standard input is not a terminal (answers read line by line).")
  var guided = false

  func validate() throws {
    if scale != nil && level == nil {
      throw UsageError("give a LEVEL after SCALE", es: "indique un LEVEL después de SCALE")
    }
  }

  func run() throws {
    let workspace = try options.open()
    guard let scale, let level else {
      guard Environment.interactive || guided else {
        throw UsageError(
          "give SCALE and LEVEL, or run on a terminal to be guided through each scale",
          es: "indique SCALE y LEVEL, o ejecute el comando en una terminal para que se le pregunte escala por escala")
      }
      let wizard = ScoreWizard(
        workspace: workspace, commitment: commitment, language: Environment.language(lang),
        workspaceArgument: options.workspace == "." ? nil : options.workspace)
      return try wizard.run()
    }
    let draft = ScoreDraft(
      commitment: commitment, scale: scale, levels: Self.list(level), rationale: rationale ?? "",
      evidence: Self.list(evidence ?? ""), inReplyTo: inReplyTo)
    let record = try workspace.recordScore(draft, correct: correct, now: Environment.now())
    let levels = record.levels.joined(separator: ",")
    if let old = record.supersedes {
      Output.line(
        "\(record.id) corrected (supersedes \(old)): \(record.commitment) \(record.scale) = \(levels)",
        es: "\(record.id) corregido (reemplaza a \(old)): \(record.commitment) \(record.scale) = \(levels)")
    } else {
      Output.line(
        "\(record.id) recorded: \(record.commitment) \(record.scale) = \(levels)",
        es: "\(record.id) registrado: \(record.commitment) \(record.scale) = \(levels)")
    }
  }

  /// The items of a comma-separated list, trimmed, empty ones dropped.
  static func list(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }
}
