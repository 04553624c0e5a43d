import ArgumentParser
import Foundation
import VeedorPlan
import VeedorPublish
import VeedorRecords
import VeedorWorkspace

/// `veedor publish`: the static site for civil society.
struct Publish: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "publish",
    abstract: "Write a static bilingual site (Spanish first) of the signed report, ready for any web host.",
    discussion: """
      The report is verified first (against the exported allowed_signers) and never published when it
      fails. The site has an index with the plan, monitor, checkpoint, aggregates and a table of
      commitments × scales; one page per commitment with level definitions, rationale, evidence
      (with SHA-256, stored copy and source) and history; and a "verify this" page with the exact
      commands and every file to download. No JavaScript and no server are needed.
      The ledger the report carries is served under log/ as C2SP tlog-tiles (checkpoint, hash tiles,
      entry bundles); publishing again writes only new or grown tiles. Readers check a report
      against it with 'veedor verify REPORT --log https://SITE/log' and rebuild the ledger with
      'veedor ledger fetch https://SITE/log --out ledger.jsonl --verifier-key data/keys/verifier.vkey'.
      The site is built beside --out and swapped into place whole. A non-empty --out that
      'veedor publish' did not make is refused unless --force (its other files are then kept).

      Example: veedor publish --out site   (after 'veedor report export' and 'veedor key export --out public')
               veedor publish --out site --progress progreso-2024-Q1 --progress progreso-2024-Q2
      """)

  @OptionGroup var options: WorkspaceOptions
  @Option(help: "Output folder for the site.") var out: String
  @Option(help: "Folder with report.json and its signatures (default: report/ in the workspace).") var report: String?
  @Option(help: "Folder written by 'veedor key export' (default: public/ in the workspace).") var keys: String?
  @Option(help: "Folder with the evidence files (default: objects/ in the workspace).") var evidenceDir: String?
  @Option(
    help: ArgumentHelp(
      "A folder written by 'veedor report progress' to publish too (repeat for each period).",
      discussion:
        "Each is verified like the report, must come from the same ledger, and is listed on progress.html; those already on the site stay.",
      valueName: "folder"))
  var progress: [String] = []
  @Flag(
    help: "Publish into a non-empty folder 'veedor publish' did not make, or replace a log this report does not extend."
  )
  var force = false
  /// The language of messages: `--lang en|es`.
  @OptionGroup var messages: MessageLanguageOption

  func run() throws {
    let root = URL(fileURLWithPath: options.workspace)
    let reportFolder = report.map { URL(fileURLWithPath: $0) } ?? root.appendingPathComponent("report")
    let keyFolder = keys.map { URL(fileURLWithPath: $0) } ?? root.appendingPathComponent("public")
    guard FileManager.default.fileExists(atPath: reportFolder.appendingPathComponent("report.json").path) else {
      throw WorkspaceError(
        .badInput, "no report.json here; export one first with 'veedor report export'",
        es: "aquí no hay report.json; exporte uno primero con 'veedor report export'", file: reportFolder.path)
    }
    guard FileManager.default.fileExists(atPath: keyFolder.appendingPathComponent("allowed_signers").path) else {
      throw WorkspaceError(
        .badInput, "no public keys here; write them first with 'veedor key export --out \(keyFolder.path)'",
        es: "aquí no hay claves públicas; escríbalas primero con 'veedor key export --out \(keyFolder.path)'",
        file: keyFolder.path)
    }
    let (pages, published, tiles, kept, dropped) = try SitePublisher.publish(
      report: reportFolder,
      keys: keyFolder,
      evidence: URL(fileURLWithPath: evidenceDir ?? root.appendingPathComponent("objects").path),
      to: URL(fileURLWithPath: out), progress: progress.map { URL(fileURLWithPath: $0) }, force: force)
    if let ledger = try? Workspace.open(root).readLedger(), ledger.lines.count > published.checkpoint.size {
      let after = ledger.lines.count - published.checkpoint.size
      Output.note(
        "note: the ledger has \(after) entries after this report's checkpoint; run 'veedor report export' to publish them",
        es:
          "nota: el registro tiene \(after) entradas posteriores al punto de control de este informe; ejecute 'veedor report export' para publicarlas"
      )
    }
    if !kept.isEmpty {
      let list = kept.joined(separator: ", ")
      Output.note(
        "kept the progress reports already on the site: \(list)",
        es: "se conservaron los informes de avance que ya estaban en el sitio: \(list)")
    }
    if !dropped.isEmpty {
      let list = dropped.joined(separator: ", ")
      Output.note(
        "dropped progress reports of the previous site that do not verify against this report: \(list)",
        es: "se descartaron informes de avance del sitio anterior que no se verifican con este informe: \(list)")
    }
    let rewritten = tiles.rewritten
    let droppedTiles = tiles.dropped.count
    Output.note(
      "log/: \(tiles.written) tiles and bundles written, \(tiles.kept) kept from the previous site\(rewritten == 0 ? "" : ", \(rewritten) rewritten")\(droppedTiles == 0 ? "" : ", \(droppedTiles) dropped (not right for this ledger)")",
      es:
        "log/: \(tiles.written) teselas y paquetes escritos, \(tiles.kept) conservados del sitio anterior\(rewritten == 0 ? "" : ", \(rewritten) reescritos")\(droppedTiles == 0 ? "" : ", \(droppedTiles) descartados (no corresponden a este registro)")"
    )
    let index = URL(fileURLWithPath: out).appendingPathComponent("index.html").path
    Output.line(
      "wrote \(pages.count) files; open \(index)", es: "se escribieron \(pages.count) archivos; abra \(index)")
  }
}
