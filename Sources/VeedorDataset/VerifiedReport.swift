import Foundation
import VeedorReports

/// A report that verified, with the exact bytes that were verified.
struct VerifiedReport {
  /// A ledger's identity: its origin and the key that signs its checkpoints.
  struct Ledger: Hashable {
    var origin: String
    var monitor: String
  }

  let url: URL
  let report: Report
  /// SHA-256 of the exact bytes that were verified.
  let sha256: String
  /// Its OGP rows (``ReportRows``), made on the core that verified it.
  let rows: [[String: String]]
  /// Every column of those rows.
  let columns: Set<String>
  var ledger: Ledger { Ledger(origin: report.checkpoint.origin, monitor: report.monitor.sshFingerprint) }
}
