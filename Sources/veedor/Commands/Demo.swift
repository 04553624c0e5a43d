import ArgumentParser
import Foundation
import VeedorSigning
import VeedorWorkspace

/// `veedor demo`: the main flow on the bundled Peñalolén example.
struct Demo: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run the main flow on the bundled Peñalolén 2021–2024 example (example data).",
    discussion: """
      Copies the bundled workspace (evidence/) to a fresh folder, shows its status, creates an
      unencrypted demo key in that folder, signs a checkpoint and verifies the ledger.

      Example: veedor demo /tmp/penalolen
      """)

  @Argument(help: "Fresh folder for the copy (default: a new temporary folder).") var directory: String?
  @Option(help: "Example workspace to copy (default: the bundled evidence/ folder).") var from: String?

  func run() throws {
    let fm = FileManager.default
    let source = from.map { URL(fileURLWithPath: $0) } ?? Environment.packageRoot.appendingPathComponent("evidence")
    guard fm.fileExists(atPath: source.appendingPathComponent("veedor.json").path) else {
      throw WorkspaceError(.badInput, "no example workspace here; pass --from DIR", file: source.path)
    }
    let target =
      directory.map { URL(fileURLWithPath: $0) }
      ?? fm.temporaryDirectory.appendingPathComponent("veedor-demo-\(UUID().uuidString.prefix(8))")
    if let existing = try? fm.contentsOfDirectory(atPath: target.path), !existing.isEmpty {
      throw WorkspaceError(.conflict, "folder is not empty; give a new folder", file: target.path)
    }
    try? fm.removeItem(at: target)
    try fm.copyItem(at: source, to: target)
    let ws = target.path
    print("== Example workspace (example data, not an official assessment): \(ws)\n")
    try Status.parse(["-w", ws]).run()
    let keyPath = target.appendingPathComponent("demo-keys/monitor.key").path
    print("\n== Monitor key (unencrypted demo key)")
    try KeyCommand.Generate.parse(["--key", keyPath, "--name", "Demo Monitor", "--unencrypted"]).run()
    print("\n== Signed checkpoint")
    try CheckpointCommand.parse(["-w", ws, "--key", keyPath]).run()
    print("\n== Ledger verification")
    try LedgerCommand.Verify.parse(["-w", ws]).run()
    print("\nNext: veedor log -w \(ws)   ·   veedor score CLPLN0003 -w \(ws)   ·   veedor ledger proof 1 -w \(ws)")
  }
}
