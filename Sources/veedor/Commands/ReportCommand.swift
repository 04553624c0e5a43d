import ArgumentParser
import Foundation
import VeedorExport
import VeedorPlan
import VeedorRecords
import VeedorReports
import VeedorRubric
import VeedorSigning
import VeedorWorkspace

/// Which languages to render.
enum LanguageChoice: String, ExpressibleByArgument, CaseIterable {
  case en, es, all

  var languages: [Language] { self == .all ? Language.allCases : [Language(rawValue: rawValue) ?? .en] }
}

/// `veedor report`: the signed assessment report.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report", abstract: "Export the signed assessment report.", subcommands: [Export.self])

  /// `veedor report export`.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Sign the ledger head and write report.json, its signatures, and Markdown/HTML versions.",
      discussion: """
        Writes report.json (format veedor-report/1) with every score, its history, the evidence and
        the ledger entries behind them, each with an inclusion proof against the embedded signed
        checkpoint; then report.json.sshsig (SSHSIG, namespace \(SSHSignature.reportNamespace)),
        report.json.sig (raw Ed25519) and report.json.asc (OpenPGP), and report.LANG.md/.html.
        With the same ledger, key and clock (SOURCE_DATE_EPOCH) the bytes are identical.

        Example: veedor report export --out published --lang all
        """)
    @OptionGroup var options: WorkspaceOptions
    @OptionGroup var keyOptions: KeyOptions
    @Option(help: "Output folder (default: report/ in the workspace).") var out: String?
    @Option(help: "Human-readable versions: en, es or all.") var lang: LanguageChoice = .all

    func run() throws {
      let workspace = try options.open()
      let folder = out.map { URL(fileURLWithPath: $0) } ?? workspace.root.appendingPathComponent("report")
      let (report, files) = try ReportExporter.export(
        workspace: workspace, key: try keyOptions.load(), to: folder, languages: lang.languages, now: Environment.now())
      for file in files { Output.line("\(file.path)") }
      Output.note(
        "report of \(report.plan.id) at checkpoint \(report.checkpoint.size); check it with: veedor verify \(folder.path)/report.json"
      )
    }
  }
}

extension KeyCommand {
  /// `veedor key export`.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the public material others need to check your signatures.",
      discussion: """
        Writes allowed_signers (for ssh-keygen -Y verify, limited to the report namespace),
        monitor.pub, monitor.pub.pem (for openssl), monitor.pgp (binary, for gpgv) and monitor.asc,
        and with a workspace the checkpoint verifier key verifier.vkey.

        Example: veedor key export --out public -w work
        """)
    @OptionGroup var keyOptions: KeyOptions
    @Option(help: "Output folder.") var out: String = "public"
    @Option(name: [.short, .long], help: "Workspace whose ledger origin names the verifier key.") var workspace: String?

    func run() throws {
      let origin = try workspace.map { try Workspace.open(URL(fileURLWithPath: $0)).config.origin }
      let files = try PublicKeyExport.export(try keyOptions.load(), origin: origin, to: URL(fileURLWithPath: out))
      for file in files { Output.line("\(file.path)") }
    }
  }
}
