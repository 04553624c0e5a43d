import ArgumentParser
import Foundation
import VeedorPlan
import VeedorPublish
import VeedorRecords
import VeedorSigning
import VeedorWorkspace

/// `veedor demo`: the main flow on the bundled Peñalolén example.
struct Demo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo", abstract: "Run the main flow on the bundled Peñalolén 2021–2024 example (example data).",
    discussion: """
      Copies the bundled workspace (evidence/) to a fresh folder, shows its status, creates an
      unencrypted demo key in that folder, signs a checkpoint, verifies the ledger, runs a review
      round (two example parties, a signed draft, a government reply and a civil-society comment,
      and the monitor's answers), exports the final signed report with the public keys, verifies
      the report, and publishes the static site.

      Example: veedor demo /tmp/penalolen
      """)

  @Argument(help: "Fresh folder for the copy (default: a new temporary folder).") var directory: String?
  @Option(help: "Example workspace to copy (default: the bundled evidence/ folder).") var from: String?
  /// The language of messages: `--lang en|es`.
  @OptionGroup var messages: MessageLanguageOption

  func run() throws {
    let fm = FileManager.default
    let source = from.map { URL(fileURLWithPath: $0) } ?? Environment.packageRoot.appendingPathComponent("evidence")
    guard fm.fileExists(atPath: source.appendingPathComponent("veedor.json").path) else {
      throw WorkspaceError(
        .badInput, "no example workspace here; pass --from DIR",
        es: "aquí no hay un espacio de trabajo de ejemplo; indique --from DIR", file: source.path)
    }
    let target =
      directory.map { URL(fileURLWithPath: $0) }
      ?? fm.temporaryDirectory.appendingPathComponent("veedor-demo-\(UUID().uuidString.prefix(8))")
    if let existing = try? fm.contentsOfDirectory(atPath: target.path), !existing.isEmpty {
      throw WorkspaceError(
        .conflict, "folder is not empty; give a new folder", es: "la carpeta no está vacía; indique una carpeta nueva",
        file: target.path)
    }
    try? fm.removeItem(at: target)
    try fm.copyItem(at: source, to: target)
    let ws = target.path
    Output.line(
      "== Example workspace (example data, not an official assessment): \(ws)\n",
      es: "== Espacio de trabajo de ejemplo (datos de ejemplo, no es una evaluación oficial): \(ws)\n")
    try Status.parse(["-w", ws]).run()
    let keyPath = target.appendingPathComponent("demo-keys/monitor.key").path
    Output.line(
      "\n== Monitor key (unencrypted demo key)", es: "\n== Clave del evaluador (clave de demostración sin cifrar)")
    try KeyCommand.Generate.parse(["--key", keyPath, "--name", "Demo Monitor", "--unencrypted"]).run()
    Output.line("\n== Signed checkpoint", es: "\n== Punto de control firmado")
    try CheckpointCommand.parse(["-w", ws, "--key", keyPath]).run()
    Output.line("\n== Ledger verification", es: "\n== Verificación del registro")
    try LedgerCommand.Verify.parse(["-w", ws]).run()
    try DemoReplies.run(workspace: ws, target: target, monitorKey: keyPath)
    Output.line("\n== Final signed assessment report", es: "\n== Informe de evaluación final firmado")
    let report = target.appendingPathComponent("report").path
    let keys = target.appendingPathComponent("public").path
    // The demo closes its review window at once; the report says it was closed early.
    try ReportCommand.Export.parse(["-w", ws, "--key", keyPath, "--out", report, "--close-early"]).run()
    try KeyCommand.Export.parse(["--key", keyPath, "--out", keys, "-w", ws]).run()
    Output.line(
      "\n== Verification, as civil society would do it", es: "\n== Verificación, como la haría la sociedad civil")
    try Verify.parse(["\(report)/report.json", "--trust", "\(keys)/allowed_signers", "--ledger", "\(ws)/ledger.jsonl"])
      .run()
    Output.line(
      "\n== OGP Local forms: Inception Assessment and End-of-Commitment Assessment (signed, verified)",
      es: "\n== Formularios de OGP Local: Informe Inicial e Informe de fin de compromiso (firmados, verificados)")
    let inception = target.appendingPathComponent("form-inception").path
    let ending = target.appendingPathComponent("form-end-of-commitment-CLPLN0001").path
    try ReportCommand.Export.parse(["-w", ws, "--key", keyPath, "--out", inception, "--form", "inception"]).run()
    try ReportCommand.Export.parse(
      ["-w", ws, "--key", keyPath, "--out", ending, "--form", "end-of-commitment", "--commitment", "CLPLN0001"]
    ).run()
    try Verify.parse(["\(inception)/report.json", "--trust", "\(keys)/allowed_signers"]).run()
    Output.line(
      "\n== Quarterly progress report (example milestones and check-ins), signed and verified",
      es: "\n== Informe trimestral de avance (hitos y reuniones de ejemplo), firmado y verificado")
    let progress = target.appendingPathComponent("progress-2023-Q3").path
    try ReportCommand.Progress.parse(["-w", ws, "--key", keyPath, "--out", progress, "--period", "2023-Q3"]).run()
    try Verify.parse(["\(progress)/report.json", "--trust", "\(keys)/allowed_signers"]).run()
    Output.line(
      "\n== Static site for civil society (Spanish and English)",
      es: "\n== Sitio estático para la sociedad civil (en español e inglés)")
    let site = target.appendingPathComponent("site").path
    try Publish.parse(["-w", ws, "--out", site, "--report", report, "--keys", keys, "--progress", progress]).run()
    let q = ShellQuoting.quote
    let sshsig = q("\(report)/report.json.sshsig")
    let json = q("\(report)/report.json")
    Output.line(
      """

      Check the same report with tools already on your machine:
        ssh-keygen -Y verify -f \(q("\(keys)/allowed_signers")) -I \(q("Demo-Monitor")) -n \(SSHSignature.reportNamespace) -s \(sshsig) < \(json)
        openssl pkeyutl -verify -pubin -inkey \(q("\(keys)/monitor.pub.pem")) -rawin -in \(json) -sigfile \(q("\(report)/report.json.sig"))
        gpgv --keyring \(q("\(keys)/monitor.pgp")) \(q("\(report)/report.json.asc")) \(json)

      Check a reply on the site with OpenSSH alone:
        ssh-keygen -Y verify -f \(q("\(site)/data/parties")) -I unidad-ejemplo -n \(ReplyText.namespace) -s \(q("\(site)/data/replies/R1.txt.sig")) < \(q("\(site)/data/replies/R1.txt"))

      Open the site: \(site)/index.html (English: index.en.html) · replies: \(site)/reply.html · the report alone: \(report)/report.es.html
      OGP Local forms: \(inception)/form.es.html (Informe Inicial) · \(ending)/form.es.html (Informe de fin de compromiso)
      Progress report: \(progress)/progress.es.html · on the site: \(site)/progress.html · milestones: \(site)/commitment-CLPLN0001.html
      Next: veedor log -w \(q(ws))   ·   veedor score CLPLN0003 -w \(q(ws))   ·   veedor ledger proof 1 -w \(q(ws))
      """,
      es: """

        Compruebe el mismo informe con herramientas que ya tiene en su equipo:
          ssh-keygen -Y verify -f \(q("\(keys)/allowed_signers")) -I \(q("Demo-Monitor")) -n \(SSHSignature.reportNamespace) -s \(sshsig) < \(json)
          openssl pkeyutl -verify -pubin -inkey \(q("\(keys)/monitor.pub.pem")) -rawin -in \(json) -sigfile \(q("\(report)/report.json.sig"))
          gpgv --keyring \(q("\(keys)/monitor.pgp")) \(q("\(report)/report.json.asc")) \(json)

        Compruebe una respuesta del sitio solo con OpenSSH:
          ssh-keygen -Y verify -f \(q("\(site)/data/parties")) -I unidad-ejemplo -n \(ReplyText.namespace) -s \(q("\(site)/data/replies/R1.txt.sig")) < \(q("\(site)/data/replies/R1.txt"))

        Abra el sitio: \(site)/index.html (en inglés: index.en.html) · respuestas: \(site)/reply.html · solo el informe: \(report)/report.es.html
        Formularios de OGP Local: \(inception)/form.es.html (Informe Inicial) · \(ending)/form.es.html (Informe de fin de compromiso)
        Informe de avance: \(progress)/progress.es.html · en el sitio: \(site)/progress.html · hitos: \(site)/commitment-CLPLN0001.html
        Siguiente paso: veedor log -w \(q(ws))   ·   veedor score CLPLN0003 -w \(q(ws))   ·   veedor ledger proof 1 -w \(q(ws))
        """)
  }
}
