import Foundation
import VeedorLedger
import VeedorSigning
import VeedorTiles
import VeedorWorkspace

/// Asks a workspace's witnesses (the `witnesses` file, a C2SP tlog-policy with submission URLs) to
/// cosign a stored checkpoint, and stores the note with the cosignatures that verify.
public enum CheckpointWitnessing {
  /// The workspace's witness policy file.
  public static func policyURL(_ workspace: Workspace) -> URL { workspace.root.appendingPathComponent("witnesses") }

  /// Where the size each witness last cosigned is remembered.
  static func stateURL(_ workspace: Workspace) -> URL {
    workspace.checkpointsFolder.appendingPathComponent("witness-sizes.json")
  }

  /// The workspace's witness policy, if it has one.
  public static func policy(_ workspace: Workspace) throws -> WitnessPolicy? {
    let url = policyURL(workspace)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
    return try WitnessPolicy(text: text, file: url.path)
  }

  /// Sends the checkpoint to each witness with a URL (or only those whose URL or name is in `only`),
  /// adds the cosignatures that verify to the stored note, and returns every witness's outcome.
  public static func run(
    workspace: Workspace, entry: CheckpointStore.Entry, policy: WitnessPolicy, only: [String]
  ) throws -> (CheckpointStore.Entry, [WitnessClient.Outcome]) {
    let chosen = policy.witnesses.filter { w in
      w.url != nil && (only.isEmpty || only.contains(w.name) || only.contains(w.url ?? ""))
    }
    for name in only where !policy.witnesses.contains(where: { $0.name == name || $0.url == name }) {
      throw WorkspaceError(
        .unknownName, "'\(name)' is not a witness in \(policyURL(workspace).path) (add 'witness NAME VKEY URL')",
        es: "'\(name)' no es un testigo en \(policyURL(workspace).path) (agregue 'witness NAME VKEY URL')",
        field: "--witness")
    }
    let lines = Array(try workspace.readLedger().lines.prefix(entry.checkpoint.size))
    let tree = MerkleTree(entries: lines)
    var sizes = (try? JSONDecoder().decode([String: Int].self, from: Data(contentsOf: stateURL(workspace)))) ?? [:]
    var outcomes: [WitnessClient.Outcome] = []
    var cosignatures: [SignedNote.Signature] = []
    for witness in chosen {
      // A witness whose cosignature the stored note already carries is not asked again.
      if witness.key.verify(entry.note) != nil {
        outcomes.append(WitnessClient.Outcome(witness: witness.name, alreadyCosigned: true))
        continue
      }
      let outcome = WitnessClient.cosign(
        note: entry.note, checkpoint: entry.checkpoint, witness: witness, knownSize: sizes[witness.key.description] ?? 0
      ) { old in try tree.consistencyProof(oldSize: old, newSize: entry.checkpoint.size) }
      if let signature = outcome.cosignature {
        cosignatures.append(signature)
        sizes[witness.key.description] = entry.checkpoint.size
      }
      outcomes.append(outcome)
    }
    var updated = entry
    if !cosignatures.isEmpty {
      updated.note = entry.note.adding(cosignatures)
      try POSIXFile.writeAtomically(Data(updated.note.serialized.utf8), to: entry.url)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
      try POSIXFile.writeAtomically(try encoder.encode(sizes), to: stateURL(workspace))
    }
    return (updated, outcomes)
  }
}
