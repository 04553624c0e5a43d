/// What a `reply.answered` entry records: the monitor's decision on one reply.
public struct AnswerRecord: Codable, Sendable, Hashable {
  /// The monitor's decisions.
  public enum Decision: String, Codable, Sendable, Hashable, CaseIterable {
    /// The reply is right; a correction follows or none is needed.
    case accept
    /// The reply is partly right.
    case partly
    /// The assessment stands.
    case reject
  }

  /// The reply answered, e.g. `R3`.
  public var reply: String
  /// The decision.
  public var decision: Decision
  /// Why.
  public var rationale: String

  /// Creates a record.
  public init(reply: String, decision: Decision, rationale: String) {
    self.reply = reply
    self.decision = decision
    self.rationale = rationale
  }
}
