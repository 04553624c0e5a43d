import ArgumentParser
import Foundation
import VeedorExport
import VeedorPlan
import VeedorRecords
import VeedorReports
import VeedorWorkspace

extension ReportCommand {
  /// `veedor report progress`.
  struct Progress: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "progress",
      abstract: "Sign a progress report for a quarter (or since a day): what changed, per commitment.",
      discussion: """
        A signed report like the assessment report (report.json, its three signatures, verified the
        same way), whose progress.LANG.md and .html say per commitment: its progress rolled up from
        its milestones now and at the previous report (the day before the period), beside the
        monitor's completion score; the milestones updated in the period with their status before
        and after; overdue and upcoming milestones; evidence added, check-ins held and scores
        recorded in the period; and whether the process website was seen updated within OGP Local's
        four-month rule (a 'webpage' evidence item about the plan, with --date). All of it is derived
        from the ledger, so 'veedor verify' recomputes it.

        Examples:
          veedor report progress --period 2024-Q1 --out progress-2024-Q1
          veedor report progress --since 2024-02-01
        """)
    @OptionGroup var options: WorkspaceOptions
    @OptionGroup var keyOptions: KeyOptions
    @Option(help: "A quarter: YYYY-Q1 to YYYY-Q4 (Spanish YYYY-T1 … T4 too).") var period: String?
    @Option(help: "Instead of --period: the first day, YYYY-MM-DD; the period runs to --until or today.")
    var since: String?
    @Option(help: "With --since: the last day, YYYY-MM-DD (default: today).") var until: String?
    @Option(help: "Output folder (default: progress-PERIOD in the workspace).") var out: String?
    @Option(
      help:
        "Human-readable versions: en, es or all (en or es also sets the language of messages; default: from LC_ALL/LANG, else en)."
    )
    var lang: LanguageChoice = .all

    func validate() throws {
      guard (period == nil) != (since == nil) else {
        throw UsageError(
          "give --period YYYY-Qn or --since YYYY-MM-DD", es: "indique --period YYYY-Qn o bien --since YYYY-MM-DD")
      }
      if let period, Report.ProgressRequest.quarter(period) == nil {
        throw UsageError(
          "--period '\(period)' is not a quarter such as 2024-Q1",
          es: "--period '\(period)' no es un trimestre como 2024-Q1 (o 2024-T1)")
      }
      for (name, day) in [("--since", since), ("--until", until)] {
        if let day, !MonitoringCycle.isDay(day) {
          throw UsageError("\(name) '\(day)' is not a day YYYY-MM-DD", es: "\(name) '\(day)' no es un día YYYY-MM-DD")
        }
      }
      if until != nil && since == nil { throw UsageError("--until goes with --since", es: "--until va con --since") }
    }

    func run() throws {
      let workspace = try options.open()
      let now = Environment.now()
      let request =
        period.flatMap(Report.ProgressRequest.quarter)
        ?? Report.ProgressRequest.days(from: since ?? "", to: until ?? Environment.today())
      let folder =
        out.map { URL(fileURLWithPath: $0) }
        ?? workspace.root.appendingPathComponent("progress-\(period == nil ? request.from : request.label)")
      let (report, files) = try ReportExporter.export(
        workspace: workspace, key: try keyOptions.load(), to: folder, languages: lang.languages, now: now,
        progress: request)
      for file in files { Output.line("\(file.path)") }
      let changes = report.progress?.commitments.reduce(0) { $0 + $1.changes.count } ?? 0
      Output.note(
        "progress report \(request.label) (\(request.from) to \(request.to)): \(changes) milestone update(s); check it with: veedor verify \(folder.path)/report.json",
        es:
          "informe de avance \(request.label) (del \(request.from) al \(request.to)): \(changes) actualización(es) de hitos; compruébelo con: veedor verify \(folder.path)/report.json"
      )
    }
  }
}
