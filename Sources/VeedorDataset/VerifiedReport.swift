import Foundation
import VeedorPlan
import VeedorReports
import VeedorVerify

/// What the merge needs of a report that verified, made on the core that verified it (the report
/// itself is let go there): its identity, its rows, the exact bytes' hash, and its ledger lines.
struct VerifiedReport: Sendable {
  /// A ledger's identity: its origin and the key that signs its checkpoints.
  struct Ledger: Hashable {
    var origin: String
    var monitor: String
  }

  let url: URL
  /// SHA-256 of the exact bytes that were verified.
  let sha256: String
  /// The report's checkpoint.
  let checkpoint: Report.CheckpointInfo
  /// The checkpoint key's OpenSSH fingerprint.
  let monitor: String
  /// The plan's id.
  let plan: String
  /// The commitments the report assesses, in its order.
  let commitments: [String]
  /// The ledger lines the checkpoint covers (as the report carries them).
  let ledgerLines: [String]
  /// Its OGP rows (``ReportRows``).
  let rows: [OGPRow]
  /// Every column of those rows.
  let columns: ReportRows.Columns
  /// The first commitment outside what the trust file grants the signing key, with its member.
  let outOfScope: (commitment: String, member: String)?

  /// The parts of `report`, verified from bytes hashing to `sha256`, that the merge reads.
  init(url: URL, report: Report, sha256: String, scope: MemberScope, grant: TrustFile.Grant) {
    self.url = url
    self.sha256 = sha256
    checkpoint = report.checkpoint
    monitor = report.monitor.sshFingerprint
    plan = report.plan.id
    commitments = report.commitments.map(\.id)
    ledgerLines = report.inputs.ledger
    rows = ReportRows.rows(report, reportSHA256: sha256)
    columns = ReportRows.columns(of: rows)
    outOfScope = scope.outOfScope(report, grant: grant)
  }

  var ledger: Ledger { Ledger(origin: checkpoint.origin, monitor: monitor) }
}
