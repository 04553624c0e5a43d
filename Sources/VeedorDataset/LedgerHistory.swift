import Foundation
import VeedorLedger
import VeedorReports

/// Whether several reports of one ledger (same origin, same key) tell one history.
enum LedgerHistory {
  /// The first contradiction among one ledger's reports, smallest tree first: two heads of one size
  /// with different roots, or an older report whose entries are not the start of the newest's.
  static func equivocation(_ reports: [VerifiedReport]) -> (en: String, es: String)? {
    // One report alone contradicts nothing (and its lines need not be copied out).
    guard let newest = reports.last, reports.count > 1 else { return nil }
    let lines = newest.ledgerLines.map { Data($0.utf8) }
    for old in reports.dropLast() {
      let size = old.checkpoint.size
      if size == newest.checkpoint.size {
        if old.checkpoint.root != newest.checkpoint.root {
          return (
            "two checkpoints of size \(size) with different roots",
            "dos puntos de control de tamaño \(size) con raíces distintas"
          )
        }
        continue
      }
      let root = try? MerkleTree(entries: lines.prefix(size)).root()
      guard root?.base64EncodedString() == old.checkpoint.root else {
        return (
          "the checkpoint of size \(size) is not a prefix of the one of size \(newest.checkpoint.size)",
          "el punto de control de tamaño \(size) no es un prefijo del de tamaño \(newest.checkpoint.size)"
        )
      }
    }
    return nil
  }
}
