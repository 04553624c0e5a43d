import ArgumentParser
import Foundation
import VeedorPlan
import VeedorRecords
import VeedorReports
import VeedorRubric
import VeedorWorkspace

/// `veedor rubric`: list, show and validate rubric files.
struct RubricCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rubric", abstract: "List, show and validate rubrics.",
    subcommands: [List.self, Show.self, Validate.self])

  /// `veedor rubric list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List the rubrics found (in $VEEDOR_RUBRICS, ./rubrics, the checkout's rubrics/, then built in).")
    @Flag(help: "Print JSON.") var json = false
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    func run() throws {
      let all = Environment.rubricLibrary.all()
      if json { return try Output.json(all.map(\.rubric)) }
      for entry in all {
        let rubric = entry.rubric
        Output.line(
          "\(rubric.id)  \(rubric.version)  \(rubric.title.en)  (\(rubric.scales.count) scales)  \(entry.source)",
          es:
            "\(rubric.id)  \(rubric.version)  \(rubric.title.text(.es))  (\(rubric.scales.count) escalas)  \(entry.source)"
        )
      }
    }
  }

  /// `veedor rubric show ID`.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show", abstract: "Show a rubric's scales, levels and indicators.",
      discussion: "Example: veedor rubric show irm-2021 --lang es")
    @Argument(help: "Rubric id or path.") var id: String
    /// The language of texts and labels; nil for the run's (`LC_ALL`/`LANG`).
    @Option(
      name: .customLong("lang"), help: "Language of texts and labels: en or es (default: from LC_ALL/LANG, else en).")
    var language: Language?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
      let rubric = try Environment.rubricLibrary.load(id).rubric
      if json { return try Output.json(rubric) }
      let lang = Environment.language(language)
      let es = lang == .es
      Output.line("\(rubric.id) \(rubric.version) — \(rubric.title.text(lang))")
      for scale in rubric.scales {
        let choice = scale.selection == .multiple ? (es ? ", una o más" : ", choose one or more") : ""
        let evidence = es ? "evidencias" : "evidence"
        Output.line(
          "\n\(scale.id) — \(scale.title.text(lang)) [\(ReportWords(language: lang).term(scale.phase.rawValue))\(choice); \(evidence) ≥ \(scale.minimumEvidence)]"
        )
        Output.line("  \(scale.question.text(lang))")
        if let rule = scale.requires {
          let source = scale.requiresSource ?? "–"
          Output.line(
            es
              ? "  solo aplica cuando \(rule.summary) (fuente: \(source))"
              : "  applies only when \(rule.summary) (source: \(source))")
        }
        for level in scale.levels {
          let mark = level.confirmed ? "" : es ? " (sin confirmar)" : " (unconfirmed)"
          let ogp = scale.ogpColumn == nil ? "" : " [OGP: \(level.ogpValue)]"
          Output.line("  \(level.id): \(level.label.text(lang))\(mark)\(ogp) — \(level.definition.text(lang))")
        }
      }
      if !rubric.indicators.isEmpty { Output.line("") }
      for indicator in rubric.indicators {
        Output.line("\(es ? "indicador" : "indicator") \(indicator.id): \(indicator.title.text(lang))")
      }
      if !rubric.aggregates.isEmpty { Output.line("") }
      for aggregate in rubric.aggregates {
        let among =
          es
          ? aggregate.among.map { " entre \($0.summary)" } ?? " entre todos los compromisos"
          : aggregate.among.map { " among \($0.summary)" } ?? " among every commitment"
        let ogp = aggregate.ogpColumn.map { es ? " (\($0) de OGP)" : " (OGP's \($0))" } ?? ""
        Output.line(
          "\(es ? "agregado" : "aggregate") \(aggregate.id): \(aggregate.title.text(lang))\(ogp) — \(aggregate.of.summary)\(among)"
        )
      }
    }
  }

  /// `veedor rubric validate FILE`.
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "validate", abstract: "Check a rubric file and report every problem with its JSON path.",
      discussion: "Example: veedor rubric validate my-rubric.json")
    @Argument(help: "Rubric file.") var file: String
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    func run() throws {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw WorkspaceError(.badInput, "cannot read", es: "no se puede leer", file: file)
      }
      let problems = RubricValidator.validate(data)
      guard problems.isEmpty else {
        for problem in problems { Output.note("\(file): \(problem)") }
        Output.note("\(problems.count) problem(s)", es: "\(problems.count) problema(s)")
        throw ExitCode(1)
      }
      Output.line("\(file): valid", es: "\(file): válida")
    }
  }
}
