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
}
