import ArgumentParser
import Foundation
import VeedorLedger
import VeedorSigning
import VeedorTiles
import VeedorWorkspace

extension LedgerCommand {
  /// `veedor ledger tiles`.
  struct Tiles: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "tiles", abstract: "Write the ledger as C2SP tlog-tiles, up to its latest signed checkpoint.",
      discussion: """
        Writes DIR/checkpoint (the latest signed, possibly cosigned, checkpoint), hash tiles
        DIR/tile/<L>/<N> (full tiles of 256 hashes, N as x001/x234/067), partial tiles
        DIR/tile/<L>/<N>.p/<W> for every signed checkpoint size, and entry bundles
        DIR/tile/entries/<N> holding the exact ledger lines, each after a 2-byte big-endian length.
        Writing again links the files that are already right and writes only new or grown tiles.
        Any static web host can serve DIR (short cache for checkpoint, long for tile/).

        Example: veedor ledger tiles --out site-log -w work
        """)
    @OptionGroup var options: WorkspaceOptions
    @Option(help: "Folder to write the log into (built beside it and swapped in).") var out: String
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    func run() throws {
      let workspace = try options.open()
      let store = CheckpointStore(workspace: workspace)
      let stored = try store.all()
      guard let latest = stored.last else {
        throw WorkspaceError(
          .conflict, "no signed checkpoint yet; sign one with 'veedor checkpoint'",
          es: "aún no hay un punto de control firmado; firme uno con 'veedor checkpoint'")
      }
      let lines = Array(try workspace.readLedger().lines.prefix(latest.checkpoint.size))
      guard (try? MerkleTree(entries: lines).root()) == latest.checkpoint.root else {
        throw WorkspaceError(
          .integrity, "the ledger does not reproduce its latest checkpoint; run 'veedor ledger verify'",
          es: "el registro no reproduce su último punto de control; ejecute 'veedor ledger verify'",
          file: workspace.ledgerPath)
      }
      let result = try TileWriter.write(
        lines: lines, checkpoint: latest.note.serialized, sizes: stored.map(\.checkpoint.size),
        to: URL(fileURLWithPath: out))
      Output.line(
        "\(out): \(latest.checkpoint.size) entries; \(result.written) tiles and bundles written, \(result.kept) kept",
        es:
          "\(out): \(latest.checkpoint.size) entradas; \(result.written) teselas y paquetes escritos, \(result.kept) conservados"
      )
    }
  }

  /// `veedor ledger fetch`.
  struct Fetch: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "fetch",
      abstract: "Rebuild ledger.jsonl from a tiled log's entry bundles and check it against its checkpoint.",
      discussion: """
        LOG is an http(s) URL prefix, a file:// URL or a folder. Every entry bundle is fetched, the
        entries hash to the checkpoint's root (a bundle or tile that does not is named), and the
        ledger is written atomically. With --verifier-key the checkpoint must be signed by it.

        Example: veedor ledger fetch https://example.org/monitoreo/log --out ledger.jsonl --verifier-key verifier.vkey
        """)
    @Argument(help: "The log: URL prefix or folder.") var log: String
    @Option(help: "Where to write ledger.jsonl.") var out: String
    @Option(help: "The monitor's verifier key (text NAME+KEYID+BASE64 or a file holding it).") var verifierKey: String?
    @Option(help: "Refuse a log that claims more entries than this.") var maxEntries = 10_000_000
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    func run() throws {
      let key = try verifierKey.map { text in
        let value = (try? String(contentsOfFile: text, encoding: .utf8)) ?? text
        return try NoteKey(text: value)
      }
      let (lines, note) = try LedgerFetch.entries(source: try TileSource(log), key: key, maxEntries: maxEntries)
      var bytes = Data()
      for line in lines {
        bytes.append(line)
        bytes.append(0x0A)
      }
      try POSIXFile.writeAtomically(bytes, to: URL(fileURLWithPath: out))
      let origin = note.text.split(separator: "\n").first.map(String.init) ?? ""
      Output.line(
        "\(out): \(lines.count) entries of \(origin), matching the log's signed checkpoint",
        es:
          "\(out): \(lines.count) entradas de \(origin), que coinciden con el punto de control firmado del registro publicado"
      )
      if key == nil {
        Output.note(
          "the checkpoint's signer was not checked; pass --verifier-key to check it",
          es: "no se comprobó quién firmó el punto de control; indique --verifier-key para comprobarlo")
      }
    }
  }
}
