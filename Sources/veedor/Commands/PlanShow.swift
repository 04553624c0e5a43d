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
      abstract: "Show the plan and its commitments.", discussion: "Example: veedor plan show --lang es")

    @OptionGroup var options: WorkspaceOptions
    @Option(help: "Language of titles: en or es.") var lang: VeedorRubric.Language = .en
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
      let plan = try options.open().plan
      if json { return try Output.json(plan) }
      print("\(plan.id) — \(plan.member)")
      if let title = plan.title { print(title.best(lang.rawValue)) }
      let period = [plan.start?.description, plan.end?.description].compactMap { $0 }.joined(separator: " – ")
      if !period.isEmpty { print("Period: \(period)") }
      if !plan.leadInstitutions.isEmpty { print("Lead: \(plan.leadInstitutions.joined(separator: "; "))") }
      if let note = plan.note { print("Note: \(note)") }
      print("")
      for c in plan.commitments {
        let dates = [c.start?.description, c.end?.description].compactMap { $0 }.joined(separator: " – ")
        print("\(c.id)  \(c.title.best(lang.rawValue))\(dates.isEmpty ? "" : "  [\(dates)]")")
      }
    }
  }
}
