import ArgumentParser
import Foundation
import VeedorLedger
import VeedorPlan
import VeedorRecords
import VeedorRubric
import VeedorWorkspace

/// The `veedor` command: independent monitoring of OGP action plans.
@main
struct Veedor: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "veedor",
    abstract: "Score OGP action-plan commitments on IRM rubrics, with evidence in a tamper-evident ledger.",
    discussion: """
      A workspace is a folder holding the plan, the rubric and ledger.jsonl, the append-only
      record of every act (plan imported, evidence added, score recorded or corrected, note).

      Example:
        veedor demo                                   # try it on the bundled Peñalolén plan
        veedor init work --plan plan.json --rubric ogp-local-2021
        cd work
        veedor evidence add CLPLN0001 --url https://example.org/page --title "Commitment page"
        veedor score CLPLN0001 verifiable yes --rationale "Milestones are dated" --evidence E1
        veedor status

      Exit status: 0 success, 1 a check failed, 2 bad usage or input.
      """,
    version: "0.1.0",
    subcommands: [
      Init.self, PlanCommand.self, RubricCommand.self, EvidenceCommand.self, Score.self, Status.self,
      Log.self, Note.self, LedgerCommand.self, KeyCommand.self, CheckpointCommand.self, ReportCommand.self,
      Verify.self, ExportCommand.self, ImportCommand.self, TrustCommand.self, Publish.self, PartyCommand.self,
      ReplyCommand.self, AgreementCommand.self, Reconcile.self, MilestoneCommand.self, CheckinCommand.self,
      Demo.self,
    ])

  /// Runs a command and turns every error into a one-line message and an exit status.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      Output.fail(error)
    }
  }
}
