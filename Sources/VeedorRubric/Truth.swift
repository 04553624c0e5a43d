/// A three-valued answer: a rule can be undecided while scores are missing.
public enum Truth: String, Codable, Sendable, Hashable {
  case yes
  case no
  case unknown

  /// Kleene conjunction.
  public static func all(_ values: [Truth]) -> Truth {
    if values.contains(.no) { return .no }
    return values.allSatisfy { $0 == .yes } ? .yes : .unknown
  }

  /// Kleene disjunction.
  public static func any(_ values: [Truth]) -> Truth {
    if values.contains(.yes) { return .yes }
    return values.allSatisfy { $0 == .no } ? .no : .unknown
  }

  /// Kleene negation.
  public var negated: Truth {
    switch self {
    case .yes: return .no
    case .no: return .yes
    case .unknown: return .unknown
    }
  }
}
