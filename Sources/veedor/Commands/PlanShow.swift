import ArgumentParser
import Foundation
import VeedorPlan
import VeedorRecords
import VeedorRubric
import VeedorWorkspace

/// `veedor plan show`: the action plan of a workspace.
struct PlanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan", abstract: "Show the action plan.", subcommands: [Show.self], defaultSubcommand: Show.self)

  /// `veedor plan show`.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show", abstract: "Show the plan and its commitments.",
      discussion: "Example: veedor plan show --lang es")

    @OptionGroup var options: WorkspaceOptions
    /// The language of titles and labels; nil for the run's (`LC_ALL`/`LANG`).
    @Option(
      name: .customLong("lang"),
      help: "Language of titles and labels: en or es (default: from LC_ALL/LANG, else en).")
    var language: VeedorRubric.Language?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
      let lang = Environment.language(language)
      let es = lang == .es
      let plan = try options.open().plan
      if json { return try Output.json(plan) }
      Output.line("\(plan.id) — \(plan.member)")
      if let title = plan.title { Output.line("\(title.best(lang.rawValue))") }
      let period = [plan.start?.description, plan.end?.description].compactMap { $0 }.joined(separator: " – ")
      if !period.isEmpty { Output.line(es ? "Período: \(period)" : "Period: \(period)") }
      let lead = plan.leadInstitutions.joined(separator: "; ")
      if !plan.leadInstitutions.isEmpty { Output.line(es ? "Institución responsable: \(lead)" : "Lead: \(lead)") }
      if let note = plan.noteText(es ? "es" : "en") { Output.line(es ? "Nota: \(note)" : "Note: \(note)") }
      Output.line("")
      for c in plan.commitments {
        let dates = [c.start?.description, c.end?.description].compactMap { $0 }.joined(separator: " – ")
        Output.line("\(c.id)  \(c.title.best(lang.rawValue))\(dates.isEmpty ? "" : "  [\(dates)]")")
      }
    }
  }
}
