import ArgumentParser
import Crypto
import Foundation
import VeedorDataset
import VeedorLedger
import VeedorPlan
import VeedorRecords
import VeedorReports
import VeedorWorkspace

/// `veedor export`: the signed report as rows under OGP's own column headers.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write the plan's results as OGP-shaped CSV or JSON, one row per commitment.",
    discussion: """
      Columns use OGP's commitments-sheet headers verbatim (Commitment Unique Identifier,
      Country/Locality, Code, Action Plan ID, Commitment Title, Start Date, End Date, Lead Institution,
      OGP Value …, Verifiable, Potential for Results, Completion (End Of Term), Early Results,
      Did It Open Government …, URL), OGP's missing-value codes (NR not reviewed, NA not in the plan,
      ND not determined), and x_ columns for what OGP does not publish (evidence, checkpoint, report
      SHA-256, monitor key fingerprint). Reads the signed report (default report/report.json in the
      workspace) and verifies it first, exactly as 'veedor verify' does: against --trust when given,
      else integrity only (said on standard error). A report that does not verify exports nothing.

      Example: veedor export --format ogp-csv --out clpln.csv
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case ogpCSV = "ogp-csv"
    case ogpJSON = "ogp-json"
  }

  @OptionGroup var options: WorkspaceOptions
  @Option(help: "ogp-csv or ogp-json.") var format: Format = .ogpCSV
  @Option(help: "Output file (default: standard output).") var out: String?
  @Option(help: "The signed report.json (default: report/report.json in the workspace).") var report: String?
  @Option(help: "Trusted keys (allowed_signers) to check the signer's identity against.") var trust: String?
  /// The language of messages: `--lang en|es`.
  @OptionGroup var messages: MessageLanguageOption

  func run() throws {
    let url = URL(fileURLWithPath: report ?? "\(options.workspace)/report/report.json")
    let (dataset, _) = try ReportDataset.load(report: url, trust: trust.map { URL(fileURLWithPath: $0) })
    if trust == nil {
      Output.note(
        "verified the report's integrity only: the signer's identity was not checked (--trust FILE)",
        es: "se verificó solo la integridad del informe: no se comprobó la identidad de quien firmó (--trust FILE)")
    }
    let data = format == .ogpCSV ? Data(dataset.csv().utf8) : try dataset.json()
    if let out {
      try POSIXFile.writeAtomically(data, to: URL(fileURLWithPath: out))
      Output.note(
        "wrote \(dataset.count) rows to \(out)", es: "se escribieron \(dataset.count) filas en \(out)")
    } else {
      FileHandle.standardOutput.write(data)
    }
  }
}

/// `veedor import`: the OGP team's verified merge of many reports.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Verify many monitors' reports and merge the accepted ones (and OGP sheets) into one dataset.",
    discussion: """
      Every report is verified as 'veedor verify' does, against a trust file in allowed_signers form
      whose principals are the member codes each key may report on (or * for any), e.g.
        CLPLN namespaces="assessment-report@veedor" ssh-ed25519 AAAAC3Nza… Monitor Name
      Tampered, unsigned, untrusted or out-of-scope reports are refused with one line each; the others
      still merge. The latest checkpoint per ledger wins; two checkpoints of one ledger that do not
      agree are reported as EQUIVOCATION. OGP's own sheet CSVs are merged with the columns OGP derives
      from a row's codings (stars, High Ambition, the quadrants, the _ numeric codings…) recomputed by
      Veedor, not copied; a sheet alone needs no --trust.
      Writes commitments.csv, commitments.json, summary.json, summary.md and import-log.json.
      Exit 1 when any file was refused or a ledger equivocated.

      Example: veedor import reports/ ogp-sheet.csv --trust monitors.allowed_signers --out dataset
               veedor import ogp-sheet.csv --out dataset
      """)

  @Argument(help: "report.json files, folders holding them (searched for report.json only), or OGP sheet CSV files.")
  var inputs: [String]
  @Option(help: "Trust file mapping monitors' keys to member codes (needed when reports are given).") var trust: String?
  @Option(help: "Output folder for the dataset.") var out: String
  @Option(help: "Refuse, unread, any report.json larger than this many MiB.") var maxReportSize: Int64 = 64
  /// The language of messages: `--lang en|es`.
  @OptionGroup var messages: MessageLanguageOption

  func run() throws {
    let showProgress = isatty(2) == 1
    BatchMemory.reserve()
    let result = try DatasetImporter(
      inputs: inputs.map { URL(fileURLWithPath: $0) }, trust: trust.map { URL(fileURLWithPath: $0) },
      maxBytes: maxReportSize << 20
    ) {
      done, total in
      if showProgress && (done % 25 == 0 || done == total) {
        Output.note("verified \(done)/\(total)", es: "verificados \(done)/\(total)")
      }
    }
    let folder = URL(fileURLWithPath: out)
    try result.write(to: folder)
    for (notice, es) in zip(result.notices, result.noticesES) {
      Output.note("veedor: note: \(notice)", es: "veedor: nota: \(es)")
    }
    for (problem, es) in zip(result.equivocations, result.equivocationsES) {
      Output.note("veedor: EQUIVOCATION: \(problem)", es: "veedor: CONTRADICCIÓN: \(es)")
    }
    for refusal in result.refused {
      Output.note(
        "veedor: refused \(refusal.file): \(refusal.reason)",
        es: "veedor: rechazado \(refusal.file): \(refusal.spanishReason)")
    }
    Output.line(
      "merged \(result.accepted.count) input(s), \(result.dataset.count) commitments into \(folder.path); refused \(result.refused.count)",
      es:
        "se unieron \(result.accepted.count) archivo(s), \(result.dataset.count) compromisos en \(folder.path); rechazados: \(result.refused.count)"
    )
    // Everything is written and said: the process ends here, without first letting go of every row,
    // report and page of memory it holds one by one (the system takes them back at once).
    withExtendedLifetime(result) { Foundation.exit(result.clean ? 0 : 1) }
  }
}
