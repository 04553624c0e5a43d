import ArgumentParser
import Foundation
import VeedorTiles
import VeedorVerify

/// `veedor verify`: civil society's check of a signed report.
struct Verify: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check a signed report: signature, checkpoint, every ledger entry, and that it shows what they prove.",
    discussion: """
      Steps: (1) the report file is no larger than --max-report-size; (2) its signature over the raw
      bytes (report.json.sshsig, and report.json.sig and .asc when present, all by one key) against --trust, else integrity
      only; (3) the report format; (4) the embedded checkpoint is signed by the same key; (5) the
      report carries every ledger entry the checkpoint covers and they hash to its root; (6) the report
      content matches the ledger: everything shown is re-derived from those entries, the plan and
      rubric bytes the first entry pins and the checkpoint, and must be byte-for-byte what the file
      holds (the first difference is named by its JSON path); (7) with --evidence-dir, every evidence
      file's SHA-256 and size; (8) with --ledger, that the monitor's full ledger reproduces the checkpoint;
      (9) with --since, that the report extends an older checkpoint you kept; (10) when
      report.json.tlog-proof is beside it, that the offline proof holds; (11) with --witness-policy
      (a C2SP tlog-policy file), that the checkpoint's witness cosignatures meet its quorum; (12) with
      --log, that the monitor's published log (tlog-tiles) is signed by the same key and extends
      the report's checkpoint (and --since's), proved from the few tiles fetched; (13) the
      report.LANG.md and .html beside it are exactly what the verified report renders.
      Exit 0 only when every requested step passes, 1 when one fails, 2 for an unusable trust file.

      Example: veedor verify published/report.json --trust published/keys/allowed_signers --ledger ledger.jsonl
      """)

  @Argument(help: "The report.json to check.") var report: String
  @Option(help: "Trusted keys: an allowed_signers file or a checkpoint verifier key.") var trust: String?
  @Option(help: "Folder with the evidence files.") var evidenceDir: String?
  @Option(help: "The monitor's full ledger.jsonl.") var ledger: String?
  @Option(help: "An older signed checkpoint the report must extend.") var since: String?
  @Option(help: "The monitor's published log (tlog-tiles URL prefix or folder) the report must be a prefix of.")
  var log: String?
  @Option(help: "A tlog-policy file: the witnesses and quorum the checkpoint must be cosigned by.") var witnessPolicy:
    String?
  @Option(help: "Refuse, unread, a report.json larger than this many MiB.") var maxReportSize: Int64 = 64
  @Flag(help: "Print JSON.") var json = false
  /// The language of messages: `--lang en|es`.
  @OptionGroup var messages: MessageLanguageOption

  func run() throws {
    let url = { (path: String?) in path.map { URL(fileURLWithPath: $0) } }
    guard FileManager.default.fileExists(atPath: report) else {
      throw VerifyError(
        .badInput, "no such file; give the report.json to check",
        es: "no existe el archivo; indique el report.json que quiere comprobar", file: report)
    }
    let trustFile = try url(trust).map { try ReportVerifier.loadTrust($0) }
    let policy = try witnessPolicy.map { path in
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        throw TilesError(
          .badInput, "cannot read the witness policy", es: "no se puede leer la política de testigos", file: path)
      }
      return try WitnessPolicy(text: text, file: path)
    }
    let result = ReportVerifier.verify(
      URL(fileURLWithPath: report),
      options: .init(
        trust: url(trust), evidenceDir: url(evidenceDir), ledger: url(ledger), since: url(since),
        maxBytes: maxReportSize << 20, log: log, witnessPolicy: policy),
      trust: trustFile)
    if json {
      try Output.json(result)
    } else {
      for (i, step) in result.steps.enumerated() {
        let mark = step.ok.map { $0 ? "✓" : "✗" } ?? "–"
        Output.line(
          "\(mark) \(i + 1). \(step.name): \(step.detail)",
          es: "\(mark) \(i + 1). \(step.spanishName): \(step.spanishDetail)")
      }
      Output.line(
        result.verified
          ? "VERIFIED\(result.identityChecked ? "" : " (integrity only: the signer's identity was not checked)")"
          : "NOT VERIFIED: \(result.firstFailure?.name ?? "report") failed",
        es: result.verified
          ? "VERIFICADO\(result.identityChecked ? "" : " (solo integridad: no se comprobó la identidad de quien firmó)")"
          : "NO VERIFICADO: falló el paso \(result.firstFailure?.spanishName ?? "informe")")
    }
    if !result.verified { throw ExitCode(1) }
  }
}
