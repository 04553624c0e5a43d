/// A declarative condition over a commitment's scores, used by derived indicators and aggregates.
///
/// JSON forms: `{"all": [...]}`, `{"any": [...]}`, `{"not": {...}}`,
/// `{"scale": "completion", "in": ["substantial", "complete"]}`, `{"scored": "completion"}` and
/// `{"indicator": "starred"}`. A scale condition holds when the recorded level (or any of the recorded
/// levels) is in the set, and is unknown while the scale has no score; `scored` is never unknown.
public indirect enum Rule: Codable, Sendable, Hashable {
  /// Every rule holds.
  case all([Rule])
  /// At least one rule holds.
  case any([Rule])
  /// The rule does not hold.
  case not(Rule)
  /// The score on a scale is one of the given levels.
  case scale(String, levels: [String])
  /// Another derived indicator holds.
  case indicator(String)
  /// The scale has a score (that applies): yes or no, never unknown (e.g. "the latest completion").
  case scored(String)

  private enum CodingKeys: String, CodingKey {
    case all, any, not, scale, `in`, indicator, scored
  }

  /// Decodes a rule from one of its JSON forms.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    if let rules = try c.decodeIfPresent([Rule].self, forKey: .all) {
      self = .all(rules)
    } else if let rules = try c.decodeIfPresent([Rule].self, forKey: .any) {
      self = .any(rules)
    } else if let rule = try c.decodeIfPresent(Rule.self, forKey: .not) {
      self = .not(rule)
    } else if let scale = try c.decodeIfPresent(String.self, forKey: .scale) {
      self = .scale(scale, levels: try c.decode([String].self, forKey: .in))
    } else if let indicator = try c.decodeIfPresent(String.self, forKey: .indicator) {
      self = .indicator(indicator)
    } else if let scale = try c.decodeIfPresent(String.self, forKey: .scored) {
      self = .scored(scale)
    } else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription: "a rule needs one of all, any, not, scale+in, scored or indicator"))
    }
  }

  /// Encodes the rule in its JSON form.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .all(let rules): try c.encode(rules, forKey: .all)
    case .any(let rules): try c.encode(rules, forKey: .any)
    case .not(let rule): try c.encode(rule, forKey: .not)
    case .scale(let scale, let levels):
      try c.encode(scale, forKey: .scale)
      try c.encode(levels, forKey: .in)
    case .indicator(let id): try c.encode(id, forKey: .indicator)
    case .scored(let scale): try c.encode(scale, forKey: .scored)
    }
  }

  /// The rule in words, e.g. `verifiable in [yes] and not scored diog-overall`.
  public var summary: String {
    switch self {
    case .all(let rules): return rules.map(\.nested).joined(separator: " and ")
    case .any(let rules): return rules.map(\.nested).joined(separator: " or ")
    case .not(let rule): return "not " + rule.nested
    case .scale(let scale, let levels): return "\(scale) in [\(levels.joined(separator: ", "))]"
    case .indicator(let id): return "indicator \(id)"
    case .scored(let scale): return "scored \(scale)"
    }
  }

  /// The summary, in parentheses when it combines several rules.
  private var nested: String {
    switch self {
    case .all(let rules) where rules.count > 1, .any(let rules) where rules.count > 1: return "(\(summary))"
    default: return summary
    }
  }
}
