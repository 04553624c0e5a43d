import ArgumentParser
import Foundation
import VeedorLedger
import VeedorPlan
import VeedorRecords
import VeedorSigning
import VeedorWorkspace

/// `veedor ledger`: verify, repair, and produce or check Merkle proofs.
struct LedgerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ledger",
    abstract: "Verify and repair the ledger; make and check RFC 6962 proofs.",
    discussion: """
      Entries are numbered from 0 (the '#N' in 'veedor log'). Leaf hash = SHA-256(0x00 || line bytes).
      """,
    subcommands: [
      Verify.self, Repair.self, Proof.self, Consistency.self, CheckInclusion.self, CheckConsistency.self,
      Tiles.self, Fetch.self,
    ])

  /// `veedor ledger verify`.
  struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "verify", abstract: "Re-check every entry, hash link, the Merkle root and every checkpoint.",
      discussion: "Exit 0 when all holds; 1 naming the first bad line otherwise.\nExample: veedor ledger verify -w work"
    )
    @OptionGroup var options: WorkspaceOptions
    @Option(help: "Trusted verifier key NAME+KEYID+BASE64 (default: checkpoints/verifier.vkey).") var verifierKey:
      String?
    @Flag(help: "Print JSON.") var json = false
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    func run() throws {
      let workspace = try options.open()
      let trusted = try verifierKey.map { try NoteKey(text: $0) }
      let showProgress = isatty(2) == 1
      let result = try LedgerVerification(workspace: workspace, trusted: trusted) { done, total in
        if showProgress && total > 200_000 {
          Output.note("checked \(done)/\(total) entries", es: "revisadas \(done)/\(total) entradas")
        }
      }
      if json {
        try Output.json(result)
      } else if result.ok {
        Output.line(
          "ledger OK: \(result.entries) entries, root \(result.root), \(result.checkpoints) checkpoint(s) verified",
          es:
            "registro OK: \(result.entries) entradas, raíz \(result.root), \(result.checkpoints) punto(s) de control verificado(s)"
        )
        if result.uncovered > 0 {
          Output.line(
            "\(result.uncovered) \(result.uncovered == 1 ? "entry is" : "entries are") not yet covered by a signed checkpoint (run 'veedor checkpoint')",
            es:
              "\(result.uncovered) \(result.uncovered == 1 ? "entrada aún no está cubierta" : "entradas aún no están cubiertas") por un punto de control firmado (ejecute 'veedor checkpoint')"
          )
        }
        if trusted == nil && result.checkpoints > 0 {
          Output.note(
            "note: checked against the workspace's own verifier key; pass --verifier-key to check identity",
            es:
              "nota: se comprobó con la clave verificadora del propio espacio de trabajo; indique --verifier-key para comprobar la identidad"
          )
        }
      } else {
        Output.note(
          "veedor: ledger verification FAILED: \(workspace.ledgerPath):\(result.line ?? 0): \(result.problem ?? "")",
          es:
            "veedor: la verificación del registro FALLÓ: \(workspace.ledgerPath):\(result.line ?? 0): \(result.spanishProblem ?? "")"
        )
      }
      if !result.ok { throw ExitCode(1) }
    }
  }

  /// `veedor ledger repair`.
  struct Repair: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "repair",
      abstract: "Move an incomplete last line (from an interrupted write) aside into ledger.jsonl.torn.",
      discussion: """
        Nothing is deleted: the bytes are appended to the side file. On a full disk, where even the side
        file cannot be written, the line is removed from the ledger and its bytes are printed (base64) on
        standard output instead, so they can be kept elsewhere.
        Example: veedor ledger repair -w work
        """)
    @OptionGroup var options: WorkspaceOptions
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    func run() throws {
      let ledger = LedgerFile(url: URL(fileURLWithPath: options.workspace).appendingPathComponent("ledger.jsonl"))
      guard let repair = try ledger.repair() else {
        return Output.line("nothing to repair", es: "no hay nada que reparar")
      }
      if let unsaved = repair.unsaved {
        Output.note(
          "veedor: no space for \(repair.sideFile.path): removed line \(repair.line) (\(repair.bytes) bytes) from the ledger; its bytes in base64 follow",
          es:
            "veedor: no hay espacio para \(repair.sideFile.path): se quitó del registro la línea \(repair.line) (\(repair.bytes) bytes); sus bytes en base64 van a continuación"
        )
        Output.line("\(unsaved.base64EncodedString())")
        return
      }
      Output.line(
        "moved line \(repair.line) (\(repair.bytes) bytes) to \(repair.sideFile.path)",
        es: "la línea \(repair.line) (\(repair.bytes) bytes) se movió a \(repair.sideFile.path)")
    }
  }
}

/// Parsing of hashes given as hex or base64 on the command line.
enum HashArgument {
  /// 32 bytes from 64 hex digits or base64.
  static func parse(_ text: String, name: String) throws -> Data {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.count == 64, let bytes = Data(hex: trimmed) { return bytes }
    if let bytes = Data(base64Encoded: trimmed), bytes.count == 32 { return bytes }
    throw UsageError(
      "\(name): '\(text)' is not a 32-byte hash in hex (64 digits) or base64",
      es: "\(name): '\(text)' no es un hash de 32 bytes en hexadecimal (64 dígitos) ni en base64")
  }

  /// A comma-separated list of hashes.
  static func list(_ text: String?, name: String) throws -> [Data] {
    try (text ?? "").split(separator: ",").map { try parse(String($0), name: name) }
  }
}
