import VeedorRubric

extension Report {
  /// A scale's wording, written once in the report's `scales` for every scale it scores: its title,
  /// phase and OGP columns, and the wording of each of its levels that a score chose.
  public struct ScaleWording: Codable, Sendable, Hashable {
    /// Scale title in English and Spanish.
    public var title: LocalizedText
    /// Phase of the scale (design, implementation, results).
    public var phase: Phase
    /// The OGP sheet column the scale fills, if OGP publishes it.
    public var ogpColumn: String?
    /// The OGP 0/1 columns the scale's levels set (multiple-choice scales such as relevance).
    public var ogpValueColumns: [String]
    /// The wording of each level some score chose, by level id.
    public var levels: [String: LevelWording]
  }

  /// A level's wording, as ``ScaleWording`` carries it.
  public struct LevelWording: Codable, Sendable, Hashable {
    /// Level label in English and Spanish.
    public var label: LocalizedText
    /// Level definition in English and Spanish.
    public var definition: LocalizedText
    /// Whether the wording is confirmed in a public source.
    public var confirmed: Bool
    /// The value OGP's sheet writes for the level, in the scale's column.
    public var ogp: String
    /// On a multiple-choice scale, the OGP 0/1 column the level sets.
    public var ogpColumn: String?
  }

  /// Every scored scale's wording, by scale id, from the scores of the commitments and of the process.
  /// A scale or level worded two ways cannot be written once, and is refused.
  func scaleWordings() throws -> [String: ScaleWording] {
    var table: [String: ScaleWording] = [:]
    for score in commitments.flatMap(\.scores) + (process?.scores ?? []) {
      var wording =
        table[score.scale]
        ?? ScaleWording(
          title: score.title, phase: score.phase, ogpColumn: score.ogpColumn,
          ogpValueColumns: score.ogpValueColumns, levels: [:])
      guard
        wording.title == score.title && wording.phase == score.phase && wording.ogpColumn == score.ogpColumn
          && wording.ogpValueColumns == score.ogpValueColumns
      else { throw Self.twoWordings(score.scale) }
      for level in score.history.flatMap(\.levels) {
        let said = LevelWording(
          label: level.label, definition: level.definition, confirmed: level.confirmed, ogp: level.ogp,
          ogpColumn: level.ogpColumn)
        if let known = wording.levels[level.id], known != said { throw Self.twoWordings(score.scale + "/" + level.id) }
        wording.levels[level.id] = said
      }
      table[score.scale] = wording
    }
    return table
  }

  /// Fills every score's wording in from `table`, refusing a scale or level the table lacks.
  mutating func fillWordings(_ table: [String: ScaleWording]) throws {
    for c in commitments.indices {
      for s in commitments[c].scores.indices { try commitments[c].scores[s].fill(table) }
    }
    for s in (process?.scores ?? []).indices { try process?.scores[s].fill(table) }
  }

  private static func twoWordings(_ what: String) -> EncodingError {
    EncodingError.invalidValue(
      what, .init(codingPath: [], debugDescription: "\(what) is worded two ways; a report words each once"))
  }
}

extension Report.ScaleScore {
  /// Takes the scale's and each chosen level's wording from `table`.
  mutating func fill(_ table: [String: Report.ScaleWording]) throws {
    guard let wording = table[scale] else { throw Self.unworded("scale '\(scale)'") }
    title = wording.title
    phase = wording.phase
    ogpColumn = wording.ogpColumn
    ogpValueColumns = wording.ogpValueColumns
    for h in history.indices {
      for l in history[h].levels.indices {
        let id = history[h].levels[l].id
        guard let level = wording.levels[id] else { throw Self.unworded("level '\(id)' of scale '\(scale)'") }
        history[h].levels[l] = Report.LevelInfo(
          id: id, label: level.label, definition: level.definition, confirmed: level.confirmed, ogp: level.ogp,
          ogpColumn: level.ogpColumn)
      }
    }
  }

  private static func unworded(_ what: String) -> DecodingError {
    DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "\(what) is not in scales"))
  }
}
