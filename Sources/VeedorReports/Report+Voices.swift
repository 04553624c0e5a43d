import VeedorLedger
import VeedorRecords

extension Report {
  /// The review window of the last draft.
  public struct ReviewInfo: Codable, Sendable, Hashable {
    /// Window id, e.g. `W1`.
    public var window: String
    /// First day of the window.
    public var opens: String
    /// Last day replies count as on time.
    public var closes: String
    /// True when this report is the draft (the window is still open at its checkpoint).
    public var draft: Bool
    /// Size of the draft's checkpoint, which replies name.
    public var draftSize: Int
    /// Base64 root of the draft's checkpoint, which replies name.
    public var draftRoot: String
    /// For a final report: replies recorded in time that the monitor left unanswered.
    public var unanswered: [String]?
    /// For a final report: when the window was closed.
    public var closedAt: String?
  }

  /// A party as the ledger's roster records it.
  public struct PartyInfo: Codable, Sendable, Hashable {
    /// Short name (the allowed_signers principal).
    public var name: String
    /// Role: government, civil-society or reviewer.
    public var role: PartyRecord.Role
    /// Full name, if given.
    public var title: String?
    /// OpenSSH public key line.
    public var publicKey: String
    /// OpenSSH `SHA256:` fingerprint.
    public var sshFingerprint: String
  }

  /// The monitor's answer to a reply.
  public struct AnswerInfo: Codable, Sendable, Hashable {
    /// accept, partly or reject.
    public var decision: AnswerRecord.Decision
    /// Why.
    public var rationale: String
    /// Ledger entry (seq) of the answer.
    public var entry: Int
    /// When it was recorded.
    public var time: String
  }

  /// One reply, as signed and as answered.
  public struct ReplyItem: Codable, Sendable, Hashable {
    /// Reply id, e.g. `R1`.
    public var id: String
    /// Ledger entry (seq) that records it.
    public var entry: Int
    /// When it was recorded.
    public var time: String
    /// The window whose draft it answers.
    public var window: String
    /// Recorded after the window closed.
    public var late: Bool
    /// The signing party; nil for an unsigned public comment.
    public var party: PartyInfo?
    /// For an unsigned comment: the submitter's name, if given.
    public var submitter: String?
    /// SHA-256 (hex) of the reply file's exact bytes.
    public var sha256: String
    /// The commitment it is about; nil for the whole report.
    public var commitment: String?
    /// The scale it is about, if any.
    public var scale: String?
    /// The level the party proposes, as written.
    public var proposedLevel: String?
    /// Web addresses offered as evidence.
    public var evidence: [String]
    /// The reply itself.
    public var text: String
    /// The monitor's answer, once given.
    public var answer: AnswerInfo?
    /// Scores recorded in reply to it (`--in-reply-to`).
    public var scores: [String]
  }

  /// Which reading stands after a second reviewer scored the same item.
  public struct ReconciliationItem: Codable, Sendable, Hashable {
    /// Commitment id.
    public var commitment: String
    /// Scale id.
    public var scale: String
    /// The reviewer.
    public var reviewer: PartyInfo
    /// The reviewer's level ids.
    public var reviewerLevels: [String]
    /// monitor or reviewer.
    public var stands: ReconciliationRecord.Outcome
    /// Why.
    public var rationale: String
    /// The correction recording the reviewer's reading, when it stands.
    public var score: String?
    /// Size of the reviewer's signed checkpoint that proves their reading; nil when the reading is
    /// only the monitor's record.
    public var reviewerCheckpointSize: Int?
    /// Ledger entry (seq) that records it.
    public var entry: Int
    /// When it was recorded.
    public var time: String
  }
}

extension Report {
  /// The reviewer's signed proof of their current score on an item, taken from their report: the
  /// checkpoint, the score's ledger line and its inclusion proof.
  public func reviewerProof(commitment: String, scale: String) -> (ReconciliationRecord.ReviewerProof, [String])? {
    guard
      let current = commitments.first(where: { $0.id == commitment })?.scores.first(where: { $0.scale == scale })?
        .current, current.entry >= 0, current.entry < inputs.ledger.count,
      let proof = try? MerkleTree(entries: inputs.ledgerLines).inclusionProof(
        index: current.entry, size: inputs.ledger.count)
    else { return nil }
    return (
      ReconciliationRecord.ReviewerProof(
        checkpoint: inputs.checkpoint, index: current.entry, entry: inputs.ledger[current.entry],
        proof: proof.map { $0.base64EncodedString() }),
      current.levels.map(\.id)
    )
  }
}
