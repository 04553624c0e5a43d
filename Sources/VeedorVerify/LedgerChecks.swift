import Foundation
import VeedorLedger
import VeedorReports
import VeedorSigning

/// Steps 7 and 8: the full ledger reproduces the checkpoint; the checkpoint extends an older one.
enum LedgerChecks {
  static func run(_ report: Report, _ checkpoint: Checkpoint, _ url: URL?, _ result: inout ReportVerification) {
    let name = StepName.fullLedger
    guard let url else {
      result.skip(name, "not requested (--ledger FILE)", es: "no se pidió (--ledger FILE)")
      return
    }
    guard let data = try? Data(contentsOf: url) else {
      result.fail(name, "cannot read \(url.path)", es: "no se puede leer \(url.path)")
      return
    }
    let lines = LedgerFile.split(data).lines
    guard lines.count >= checkpoint.size else {
      result.fail(
        name,
        "\(url.lastPathComponent) has \(lines.count) entries, fewer than the \(checkpoint.size) the checkpoint signed",
        es:
          "\(url.lastPathComponent) tiene \(lines.count) entradas, menos que las \(checkpoint.size) que firmó el punto de control"
      )
      return
    }
    let tree = MerkleTree(entries: lines.prefix(checkpoint.size))
    guard (try? tree.root()) == checkpoint.root else {
      result.fail(
        name,
        "the first \(checkpoint.size) entries of \(url.lastPathComponent) do not hash to the checkpoint root (rewritten)",
        es:
          "el hash de las primeras \(checkpoint.size) entradas de \(url.lastPathComponent) no da la raíz del punto de control (reescrito)"
      )
      return
    }
    result.pass(
      name, "\(url.lastPathComponent) reproduces the checkpoint root over \(checkpoint.size) entries",
      es: "\(url.lastPathComponent) reproduce la raíz del punto de control sobre \(checkpoint.size) entradas")
  }

  static func since(
    _ lines: [Data], _ checkpoint: Checkpoint, _ signer: Data, _ options: ReportVerifier.Options,
    _ result: inout ReportVerification
  ) {
    let name = StepName.since
    guard let url = options.since else {
      result.skip(name, "not requested (--since CHECKPOINT)", es: "no se pidió (--since CHECKPOINT)")
      return
    }
    guard let text = try? String(contentsOf: url, encoding: .utf8), let note = try? SignedNote(parsing: text),
      let old = try? Checkpoint(text: note.text)
    else {
      result.fail(
        name, "\(url.path) is not a signed checkpoint", es: "\(url.path) no es un punto de control firmado")
      return
    }
    guard let key = try? NoteKey(name: old.origin, publicKey: signer), note.isSigned(by: key),
      old.origin == checkpoint.origin
    else {
      result.fail(
        name, "\(url.lastPathComponent) is not a checkpoint of \(checkpoint.origin) signed by the same key",
        es: "\(url.lastPathComponent) no es un punto de control de \(checkpoint.origin) firmado por la misma clave")
      return
    }
    if old.size > checkpoint.size {
      result.fail(
        name, "rollback: the older checkpoint has \(old.size) entries, the report only \(checkpoint.size)",
        es:
          "retroceso: el punto de control anterior tiene \(old.size) entradas; el informe, solo \(checkpoint.size)")
      return
    }
    if old.size == checkpoint.size {
      if old.root == checkpoint.root {
        result.pass(
          name, "same tree head as \(url.lastPathComponent)",
          es: "la misma cabeza del árbol que \(url.lastPathComponent)")
      } else {
        result.fail(
          name, "fork: same size \(old.size) with a different root",
          es: "bifurcación: el mismo tamaño \(old.size) con otra raíz")
      }
      return
    }
    let prefix = lines.prefix(old.size)
    guard (try? MerkleTree(entries: prefix).root()) == old.root else {
      result.fail(
        name, "fork: the report's first \(old.size) entries do not hash to the older checkpoint's root",
        es:
          "bifurcación: el hash de las primeras \(old.size) entradas del informe no da la raíz del punto de control anterior"
      )
      return
    }
    result.pass(
      name, "extends \(url.lastPathComponent) (\(old.size) → \(checkpoint.size) entries)",
      es: "extiende \(url.lastPathComponent) (\(old.size) → \(checkpoint.size) entradas)")
  }
}
