import ArgumentParser
import Foundation
import VeedorPlan
import VeedorRecords
import VeedorWorkspace

/// `veedor checkpoint`: signs the ledger's current tree head.
struct CheckpointCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "checkpoint",
    abstract: "Sign the ledger's current tree head as a C2SP checkpoint in checkpoints/.",
    discussion: """
      Refuses to sign when the ledger fails its audit or contradicts an earlier checkpoint.
      The verifier key (NAME+KEYID+BASE64) is published in checkpoints/verifier.vkey.

      Example: veedor checkpoint -w work --key ~/.config/veedor/monitor.key
      """)

  @OptionGroup var options: WorkspaceOptions
  @OptionGroup var keyOptions: KeyOptions

  func run() throws {
    let workspace = try options.open()
    let entry = try CheckpointStore(workspace: workspace).sign(workspace, key: try keyOptions.load())
    Output.block(entry.note.serialized)
    Output.note("stored \(entry.url.path)")
  }
}
