/// A value derived from a commitment's scores by a rule, such as "starred".
public struct Indicator: Codable, Sendable, Hashable {
  /// Stable identifier (e.g. `starred`).
  public var id: String
  /// Name of the indicator.
  public var title: LocalizedText
  /// What the indicator means and where its rule comes from.
  public var description: LocalizedText?
  /// The rule that decides the indicator.
  public var rule: Rule
  /// Where OGP's own Spanish for the title was found; absent when the Spanish is Veedor's translation.
  public var esSource: String?

  /// Creates an indicator.
  public init(id: String, title: LocalizedText, description: LocalizedText? = nil, rule: Rule) {
    self.id = id
    self.title = title
    self.description = description
    self.rule = rule
  }
}

/// A plan-level figure, such as "% verifiable" or "starred count".
public struct AggregateDefinition: Codable, Sendable, Hashable {
  /// How the figure is reported.
  public enum Kind: String, Codable, Sendable, Hashable {
    /// Share of the commitments counted, as a percentage.
    case percent
    /// Number of commitments for which the rule holds.
    case count
  }

  /// Stable identifier (e.g. `verifiable`).
  public var id: String
  /// Name of the figure.
  public var title: LocalizedText
  /// Percentage or plain count.
  public var kind: Kind
  /// The rule a commitment must meet to be counted.
  public var of: Rule
  /// Which commitments form the denominator (those assessed for the figure); all of them when absent.
  public var among: Rule?
  /// OGP's derived column of its commitments sheet that this figure reproduces (e.g. `High Completion`).
  public var ogpColumn: String?
  /// The public source of the figure's definition.
  public var source: String?
  /// Where OGP's own Spanish for the title was found; absent when the Spanish is Veedor's translation.
  public var esSource: String?

  /// Creates an aggregate definition.
  public init(id: String, title: LocalizedText, kind: Kind, of: Rule, among: Rule? = nil) {
    self.id = id
    self.title = title
    self.kind = kind
    self.of = of
    self.among = among
  }
}
