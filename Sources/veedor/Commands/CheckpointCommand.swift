import ArgumentParser
import Foundation
import VeedorExport
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

      Witnesses: when the workspace has a 'witnesses' file (C2SP tlog-policy: 'witness NAME VKEY URL'
      lines and a 'quorum' line), the new checkpoint is sent to each witness with a URL by the
      tlog-witness protocol (add-checkpoint, with a consistency proof from the size it last
      cosigned; a 409 is answered once from the size it reports). Cosignatures that verify are
      added to the stored checkpoint; each witness that fails is reported, and the command fails
      when the quorum is not met. --witness limits the round to the named witnesses (name or URL).

      Examples:
        veedor checkpoint -w work --key ~/.config/veedor/monitor.key
        veedor checkpoint --witness w1 --witness https://witness.example/w2
      """)

  @OptionGroup var options: WorkspaceOptions
  @OptionGroup var keyOptions: KeyOptions
  @Option(help: "Ask only this witness of the 'witnesses' file (name or URL); repeatable.") var witness: [String] = []
  @Flag(help: "Do not ask the witnesses.") var noWitnesses = false
  /// The language of messages: `--lang en|es`.
  @OptionGroup var messages: MessageLanguageOption

  func run() throws {
    let workspace = try options.open()
    var entry = try CheckpointStore(workspace: workspace).sign(workspace, key: try keyOptions.load())
    let policy = try CheckpointWitnessing.policy(workspace)
    if !witness.isEmpty && policy == nil {
      throw WorkspaceError(
        .badInput, "no witnesses file; write one (C2SP tlog-policy: 'witness NAME VKEY URL', 'quorum …')",
        es: "no hay archivo de testigos; escriba uno (C2SP tlog-policy: 'witness NAME VKEY URL', 'quorum …')",
        file: CheckpointWitnessing.policyURL(workspace).path)
    }
    if let policy, !noWitnesses {
      let (cosigned, outcomes) = try CheckpointWitnessing.run(
        workspace: workspace, entry: entry, policy: policy, only: witness)
      entry = cosigned
      for outcome in outcomes {
        if outcome.alreadyCosigned {
          Output.note(
            "witness \(outcome.witness): already cosigned this checkpoint",
            es: "testigo \(outcome.witness): ya había cofirmado este punto de control")
        } else if outcome.cosignature != nil {
          Output.note(
            "witness \(outcome.witness): cosigned (from size \(outcome.oldSize ?? 0))",
            es: "testigo \(outcome.witness): cofirmó (desde el tamaño \(outcome.oldSize ?? 0))")
        } else {
          Output.note(
            "witness \(outcome.witness): \(outcome.problem ?? "failed")",
            es: "testigo \(outcome.witness): \(outcome.problemES ?? outcome.problem ?? "falló")")
        }
      }
      Output.block(entry.note.serialized)
      Output.note("stored \(entry.url.path)", es: "guardado en \(entry.url.path)")
      guard policy.isSatisfied(by: entry.note) else {
        throw WorkspaceError(
          .integrity,
          "the witness quorum '\(policy.quorum)' is not met (\(policy.cosigned(entry.note).count) cosigned); the checkpoint is stored and can be sent again",
          es:
            "no se alcanza el quórum de testigos '\(policy.quorum)' (\(policy.cosigned(entry.note).count) cofirmaron); el punto de control quedó guardado y puede enviarse de nuevo"
        )
      }
      return
    }
    Output.block(entry.note.serialized)
    Output.note("stored \(entry.url.path)", es: "guardado en \(entry.url.path)")
  }
}
