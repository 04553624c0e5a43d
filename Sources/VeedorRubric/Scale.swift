import Foundation
import VeedorErrors

/// The stage of the action-plan cycle at which a scale is assessed.
public enum Phase: String, Codable, Sendable, CaseIterable, Hashable {
  /// Assessed on the plan as written (e.g. verifiability, relevance, ambition).
  case design
  /// Assessed during or after implementation (e.g. completion).
  case implementation
  /// Assessed on what changed (e.g. early results, did it open government).
  case results
}

/// Whether a scale takes one level or a set of levels.
public enum Selection: String, Codable, Sendable, Hashable {
  /// Exactly one level.
  case single
  /// One or more levels (e.g. relevance to several OGP values).
  case multiple
}

/// One assessment scale of a rubric, such as completion or potential impact.
public struct Scale: Codable, Sendable, Hashable {
  /// Stable identifier (e.g. `completion`).
  public var id: String
  /// Name of the scale.
  public var title: LocalizedText
  /// The question the monitor answers.
  public var question: LocalizedText
  /// When in the cycle the scale is assessed.
  public var phase: Phase
  /// One level or several.
  public var selection: Selection
  /// Whether every score on this scale needs a written rationale.
  public var rationaleRequired: Bool
  /// How many evidence items a score on this scale must cite.
  public var minimumEvidence: Int
  /// The levels, in ascending ordinal order.
  public var levels: [Level]
  /// Where the scale comes from.
  public var source: String?
  /// The column of OGP's commitments sheet this scale fills, if OGP publishes it.
  public var ogpColumn: String?
  /// Where OGP's own Spanish for the title was found; absent when the Spanish is Veedor's translation.
  public var esSource: String?
  /// The method's rule for when the scale applies, over scales listed before it (e.g. potential for
  /// results only for a verifiable commitment); absent when it always applies.
  public var requires: Rule?
  /// The public source that states the rule in `requires`.
  public var requiresSource: String?

  /// Creates a scale.
  public init(
    id: String, title: LocalizedText, question: LocalizedText, phase: Phase,
    selection: Selection = .single, rationaleRequired: Bool = true, minimumEvidence: Int = 1,
    levels: [Level], source: String? = nil
  ) {
    self.id = id
    self.title = title
    self.question = question
    self.phase = phase
    self.selection = selection
    self.rationaleRequired = rationaleRequired
    self.minimumEvidence = minimumEvidence
    self.levels = levels
    self.source = source
  }

  /// The level with the given id or one of its aliases or labels, ignoring case.
  public func level(matching text: String) -> Level? {
    let key = PlainText.trimmingSpaces(text).lowercased()
    let asciiKey = PlainText.isASCII(key)
    // Two ASCII texts are compared byte by byte (String equality of ASCII text is byte equality).
    let same = { (value: String) in
      asciiKey && PlainText.isASCII(value) ? PlainText.equalIgnoringASCIICase(value, key) : value.lowercased() == key
    }
    return levels.first { level in
      same(level.id) || same(level.label.en) || same(level.label.es) || level.aliases.contains(where: same)
    }
  }
}
