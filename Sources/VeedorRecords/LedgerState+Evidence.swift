import Foundation

/// Evidence look-ups that need no copy of every record: Veedor numbers evidence `E1`, `E2`, … in
/// ledger order, so an id of that form is found from the count alone; any other id is indexed.
extension LedgerState {
  /// The position of the evidence with an id, ignoring case, or nil when there is none.
  public func evidencePosition(_ id: String) -> Int? {
    let lower = id.lowercased()
    if let position = irregularEvidence[lower] { return position }
    guard lower.hasPrefix("e"), let k = Int(lower.dropFirst()), k >= 1, k <= evidenceCount, "e\(k)" == lower,
      irregularIDs[k - 1] == nil
    else { return nil }
    return k - 1
  }

  /// The evidence id as the ledger wrote it, for an id given in any case; nil when there is none.
  public func evidenceID(_ id: String) -> String? {
    evidencePosition(id).map { irregularIDs[$0] ?? "E\($0 + 1)" }
  }

  /// The evidence record with an id, ignoring case (only in a state that keeps records).
  public func evidence(_ id: String) -> EvidenceRecord? {
    guard keepsRecords, let position = evidencePosition(id), position < evidence.count else { return nil }
    return evidence[position]
  }

  /// The record of a stored file (evidence with a SHA-256) by id, ignoring case, in any state.
  public func storedFile(_ id: String) -> EvidenceRecord? {
    evidencePosition(id).flatMap { storedFiles[$0] }
  }

  /// Indexes one more evidence item (its id is known not to be taken).
  mutating func addEvidence(_ record: EvidenceRecord) {
    let position = evidenceCount
    if record.id != "E\(position + 1)" {
      irregularEvidence[record.id.lowercased()] = position
      irregularIDs[position] = record.id
    }
    if record.sha256 != nil { storedFiles[position] = record }
    evidenceCount += 1
    evidencePerCommitment[record.commitment, default: 0] += 1
  }
}
