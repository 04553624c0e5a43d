import ArgumentParser
import Foundation
import VeedorPlan
import VeedorRecords
import VeedorWorkspace

/// `veedor init`: creates a workspace from a plan file and a rubric.
struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init", abstract: "Create a workspace for an action plan.",
    discussion: """
      The plan may be Veedor's plan.json, a simple CSV (columns: \(PlanImporter.simpleColumns.joined(separator: ", "))),
      or OGP's own commitments sheet exported as CSV (pick the plan with --action-plan).

      Examples:
        veedor init work --plan plan.json --rubric ogp-local-2021
        veedor init chile5 --plan ogp-commitments.csv --action-plan AP_CHL05 --rubric irm-2021
      """)

  @Argument(help: "New (or empty) folder for the workspace.")
  var directory: String

  @Option(help: "Plan file: .json, simple .csv, or OGP's commitments sheet .csv.")
  var plan: String

  @Option(help: "Rubric id (see 'veedor rubric list') or path to a rubric file.")
  var rubric: String

  @Option(help: "For OGP's sheet: the Action Plan ID to import, e.g. AP_CHL05.")
  var actionPlan: String?

  @Option(help: "For a simple CSV: the action plan id (default AP_<code>01).")
  var planId: String?

  @Option(help: "For a simple CSV: the member's name.")
  var member: String?

  @Option(help: "Ledger origin for checkpoints (default veedor.local/<plan id>/<random>, unique to this workspace).")
  var origin: String?

  /// The language of messages: `--lang en|es`.
  @OptionGroup var messages: MessageLanguageOption

  func run() throws {
    let details = PlanImporter.Details(planID: planId, member: member, actionPlan: actionPlan)
    let plan = try PlanImporter.load(URL(fileURLWithPath: self.plan), details: details)
    let rubric = try Environment.rubricLibrary.load(self.rubric)
    let workspace = try Workspace.create(
      at: URL(fileURLWithPath: directory), plan: plan, rubricData: rubric.data, origin: origin,
      now: Environment.now())
    Output.line(
      "Created workspace \(directory): \(plan.id) (\(plan.member)), \(plan.commitments.count) commitments, rubric \(workspace.rubric.id) \(workspace.rubric.version)",
      es:
        "Espacio de trabajo creado en \(directory): \(plan.id) (\(plan.member)), \(plan.commitments.count) compromisos, rúbrica \(workspace.rubric.id) \(workspace.rubric.version)"
    )
    Output.note(
      "Next: veedor evidence add COMMITMENT FILE --title T -w \(directory)",
      es: "Siguiente paso: veedor evidence add COMMITMENT FILE --title T -w \(directory)")
  }
}
