import Foundation
import VeedorLedger
import VeedorReports
import VeedorSigning

/// Steps 7 and 8: the full ledger reproduces the checkpoint; the checkpoint extends an older one.
enum LedgerChecks {
  static func run(_ report: Report, _ checkpoint: Checkpoint, _ url: URL?, _ result: inout ReportVerification) {
    let name = "full ledger"
    guard let url else {
      result.skip(name, "not requested (--ledger FILE)")
      return
    }
    guard let data = try? Data(contentsOf: url) else {
      result.fail(name, "cannot read \(url.path)")
      return
    }
    let lines = LedgerFile.split(data).lines
    guard lines.count >= checkpoint.size else {
      result.fail(
        name,
        "\(url.lastPathComponent) has \(lines.count) entries, fewer than the \(checkpoint.size) the checkpoint signed")
      return
    }
    let tree = MerkleTree(entries: lines.prefix(checkpoint.size))
    guard (try? tree.root()) == checkpoint.root else {
      result.fail(
        name,
        "the first \(checkpoint.size) entries of \(url.lastPathComponent) do not hash to the checkpoint root (rewritten)"
      )
      return
    }
    result.pass(name, "\(url.lastPathComponent) reproduces the checkpoint root over \(checkpoint.size) entries")
  }

  static func since(
    _ lines: [Data], _ checkpoint: Checkpoint, _ signer: Data, _ options: ReportVerifier.Options,
    _ result: inout ReportVerification
  ) {
    let name = "consistency with an older checkpoint"
    guard let url = options.since else {
      result.skip(name, "not requested (--since CHECKPOINT)")
      return
    }
    guard let text = try? String(contentsOf: url, encoding: .utf8), let note = try? SignedNote(parsing: text),
      let old = try? Checkpoint(text: note.text)
    else {
      result.fail(name, "\(url.path) is not a signed checkpoint")
      return
    }
    guard let key = try? NoteKey(name: old.origin, publicKey: signer), note.isSigned(by: key),
      old.origin == checkpoint.origin
    else {
      result.fail(name, "\(url.lastPathComponent) is not a checkpoint of \(checkpoint.origin) signed by the same key")
      return
    }
    if old.size > checkpoint.size {
      result.fail(name, "rollback: the older checkpoint has \(old.size) entries, the report only \(checkpoint.size)")
      return
    }
    if old.size == checkpoint.size {
      if old.root == checkpoint.root {
        result.pass(name, "same tree head as \(url.lastPathComponent)")
      } else {
        result.fail(name, "fork: same size \(old.size) with a different root")
      }
      return
    }
    let prefix = lines.prefix(old.size)
    guard (try? MerkleTree(entries: prefix).root()) == old.root else {
      result.fail(name, "fork: the report's first \(old.size) entries do not hash to the older checkpoint's root")
      return
    }
    result.pass(name, "extends \(url.lastPathComponent) (\(old.size) → \(checkpoint.size) entries)")
  }
}
