/// What a `score.reconciled` entry records: after a second reviewer scored the same item, which reading
/// stands and why.
public struct ReconciliationRecord: Codable, Sendable, Hashable {
  /// Whose reading stands.
  public enum Outcome: String, Codable, Sendable, Hashable, CaseIterable {
    /// The monitor's score stands.
    case monitor
    /// The reviewer's reading is adopted through the correction named in `score`.
    case reviewer
  }

  /// Commitment id.
  public var commitment: String
  /// Scale id.
  public var scale: String
  /// The reviewer, a party with the role `reviewer`.
  public var reviewer: String
  /// The level ids the reviewer chose.
  public var reviewerLevels: [String]
  /// Whose reading stands.
  public var stands: Outcome
  /// Why.
  public var rationale: String
  /// When the reviewer's reading stands: the correction that records it.
  public var score: String?
  /// The reviewer's own signed record of their reading, when the monitor has it.
  public var reviewerProof: ReviewerProof?

  /// Creates a record.
  public init(
    commitment: String, scale: String, reviewer: String, reviewerLevels: [String], stands: Outcome, rationale: String,
    score: String?
  ) {
    self.commitment = commitment
    self.scale = scale
    self.reviewer = reviewer
    self.reviewerLevels = reviewerLevels
    self.stands = stands
    self.rationale = rationale
    self.score = score
  }

  /// The reviewer's signed checkpoint and the ledger entry, proved included in it, where they
  /// recorded their score: it makes the reviewer's reading verifiable, not only the monitor's word.
  public struct ReviewerProof: Codable, Sendable, Hashable {
    /// The reviewer's signed checkpoint note, as their report carries it.
    public var checkpoint: String
    /// Position of the score entry in the reviewer's ledger.
    public var index: Int
    /// That ledger line, exactly.
    public var entry: String
    /// Its RFC 6962 inclusion proof in the checkpoint's tree (base64 hashes).
    public var proof: [String]

    /// Creates a proof.
    public init(checkpoint: String, index: Int, entry: String, proof: [String]) {
      self.checkpoint = checkpoint
      self.index = index
      self.entry = entry
      self.proof = proof
    }
  }
}
