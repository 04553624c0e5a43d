/// One level of a scale, such as "Substantial" on the completion scale.
public struct Level: Codable, Sendable, Hashable {
  /// Stable identifier used on the command line and in the ledger (e.g. `substantial`).
  public var id: String
  /// Position on the scale; higher means more of the measured quality.
  public var ordinal: Int
  /// Short label as the source spells it, in both languages.
  public var label: LocalizedText
  /// What the level means, paraphrased in our own words.
  public var definition: LocalizedText
  /// Where the level comes from.
  public var source: String?
  /// True exactly when a cited public source (OGP's commitments sheet counts, for labels) gives the label.
  public var confirmed: Bool
  /// Other spellings found in OGP data that mean this level (e.g. `Worsens`).
  public var aliases: [String]
  /// A level that cannot be combined with others on a multiple-choice scale (e.g. "none").
  public var exclusive: Bool
  /// The exact value OGP's commitments sheet writes for this level, when it differs from the English label.
  public var ogp: String?
  /// On a multiple-choice scale, the OGP sheet's 0/1 column this level sets (e.g. `OGP Value Technology`).
  public var ogpColumn: String?
  /// True when the definition is Veedor's inference rather than a paraphrase of the cited source.
  public var definitionInferred: Bool
  /// True when OGP's commitments sheet (July 2024 export) never shows this level's value in its column.
  public var unseenInSheet: Bool
  /// Where OGP's own Spanish for the label was found; absent when the Spanish is Veedor's translation.
  public var esSource: String?

  /// Creates a level.
  public init(
    id: String, ordinal: Int, label: LocalizedText, definition: LocalizedText,
    source: String? = nil, confirmed: Bool = true, aliases: [String] = [], exclusive: Bool = false
  ) {
    self.id = id
    self.ordinal = ordinal
    self.label = label
    self.definition = definition
    self.source = source
    self.confirmed = confirmed
    self.aliases = aliases
    self.exclusive = exclusive
    self.definitionInferred = false
    self.unseenInSheet = false
  }

  private enum CodingKeys: String, CodingKey {
    case id, ordinal, label, definition, source, confirmed, aliases, exclusive, ogp, ogpColumn, definitionInferred,
      unseenInSheet, esSource
  }

  /// Decodes a level; `confirmed` defaults to true, `aliases` to none, the other flags to false.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    ordinal = try c.decode(Int.self, forKey: .ordinal)
    label = try c.decode(LocalizedText.self, forKey: .label)
    definition = try c.decode(LocalizedText.self, forKey: .definition)
    source = try c.decodeIfPresent(String.self, forKey: .source)
    confirmed = try c.decodeIfPresent(Bool.self, forKey: .confirmed) ?? true
    aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
    exclusive = try c.decodeIfPresent(Bool.self, forKey: .exclusive) ?? false
    ogp = try c.decodeIfPresent(String.self, forKey: .ogp)
    ogpColumn = try c.decodeIfPresent(String.self, forKey: .ogpColumn)
    definitionInferred = try c.decodeIfPresent(Bool.self, forKey: .definitionInferred) ?? false
    unseenInSheet = try c.decodeIfPresent(Bool.self, forKey: .unseenInSheet) ?? false
    esSource = try c.decodeIfPresent(String.self, forKey: .esSource)
  }

  /// Encodes the level.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(ordinal, forKey: .ordinal)
    try c.encode(label, forKey: .label)
    try c.encode(definition, forKey: .definition)
    try c.encodeIfPresent(source, forKey: .source)
    if !confirmed { try c.encode(confirmed, forKey: .confirmed) }
    if !aliases.isEmpty { try c.encode(aliases, forKey: .aliases) }
    if exclusive { try c.encode(exclusive, forKey: .exclusive) }
    try c.encodeIfPresent(ogp, forKey: .ogp)
    try c.encodeIfPresent(ogpColumn, forKey: .ogpColumn)
    if definitionInferred { try c.encode(definitionInferred, forKey: .definitionInferred) }
    if unseenInSheet { try c.encode(unseenInSheet, forKey: .unseenInSheet) }
    try c.encodeIfPresent(esSource, forKey: .esSource)
  }

  /// The value written in OGP's sheet for this level.
  public var ogpValue: String { ogp ?? label.en }
}
