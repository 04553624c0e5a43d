import ArgumentParser
import Foundation
import VeedorVerify

/// `veedor verify`: civil society's check of a signed report.
struct Verify: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check a signed report: signature, checkpoint, inclusion proofs, evidence, ledger, history.",
    discussion: """
      Steps: (1) the report signature (report.json.sshsig beside it) against --trust, else against the
      key the report names (integrity only); (2) the embedded checkpoint's signature; (3) every cited
      ledger entry's inclusion proof, and that the scores and evidence match those entries;
      (4) with --evidence-dir, every evidence file's SHA-256; (5) with --ledger, that the full ledger
      reproduces the checkpoint root; (6) with --since, that the report extends an older checkpoint.
      Exit 0 only when every requested step passes.

      Example: veedor verify report/report.json --trust allowed_signers --ledger ledger.jsonl
      """)

  @Argument(help: "The report.json to check.") var report: String
  @Option(help: "Trusted keys: an allowed_signers file or a checkpoint verifier key.") var trust: String?
  @Option(help: "Folder with the evidence files.") var evidenceDir: String?
  @Option(help: "The monitor's full ledger.jsonl.") var ledger: String?
  @Option(help: "An older signed checkpoint the report must extend.") var since: String?
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let url = { (path: String?) in path.map { URL(fileURLWithPath: $0) } }
    let result = ReportVerifier.verify(
      URL(fileURLWithPath: report),
      options: .init(trust: url(trust), evidenceDir: url(evidenceDir), ledger: url(ledger), since: url(since)))
    if json {
      try Output.json(result)
    } else {
      for (i, step) in result.steps.enumerated() {
        let mark = step.ok.map { $0 ? "✓" : "✗" } ?? "–"
        print("\(mark) \(i + 1). \(step.name): \(step.detail)")
      }
      print(
        result.verified
          ? "VERIFIED\(result.identityChecked ? "" : " (integrity only: the signer's identity was not checked)")"
          : "NOT VERIFIED: \(result.firstFailure?.name ?? "report") failed")
    }
    if !result.verified { throw ExitCode(1) }
  }
}
