import Foundation

extension Rubric {
  /// The missing-value codes of OGP's commitments sheet: a cell holding one (or nothing) is not coded.
  public static let ogpMissingCodes: Set<String> = ["", "NA", "ND", "NR"]

  /// One row of OGP's commitments sheet (column → value) as this rubric's scores: each coded cell of a
  /// column a scale fills becomes the level whose `ogp` value (or an alias) is exactly that cell; a
  /// multiple-choice scale takes the levels whose 0/1 column is `1`, or its exclusive level when all
  /// of its coded columns are `0`.
  ///
  /// - Throws: ``RubricError/unknownLevel(_:scale:valid:)`` naming the column and value of a coded cell
  ///   that no level of the scale spells that way.
  public func scoreSheet(ogpRow row: [String: String]) throws(RubricError) -> ScoreSheet {
    var levels: [String: [String]] = [:]
    for scale in scales {
      if let column = scale.ogpColumn {
        guard let value = Self.coded(row[column]) else { continue }
        guard let level = scale.levels.first(where: { $0.ogpValue == value || $0.aliases.contains(value) }) else {
          throw .unknownLevel("\(column) = \(value)", scale: scale.id, valid: scale.levels.map(\.ogpValue))
        }
        levels[scale.id] = [level.id]
        continue
      }
      var chosen: [String] = []
      var coded = false
      for level in scale.levels {
        guard let column = level.ogpColumn, let value = Self.coded(row[column]) else { continue }
        coded = true
        switch value {
        case "1": chosen.append(level.id)
        case "0": break
        default: throw .unknownLevel("\(column) = \(value)", scale: scale.id, valid: ["1", "0"])
        }
      }
      if coded && chosen.isEmpty, let lone = scale.levels.first(where: \.exclusive) { chosen = [lone.id] }
      if !chosen.isEmpty { levels[scale.id] = chosen }
    }
    return ScoreSheet(levels)
  }

  /// The trimmed cell when it holds a coding.
  private static func coded(_ cell: String?) -> String? {
    guard let value = cell?.trimmingCharacters(in: .whitespaces), !ogpMissingCodes.contains(value) else {
      return nil
    }
    return value
  }

  /// Every column of OGP's sheet the rubric's scales and levels fill.
  public var ogpColumns: [String] {
    scales.flatMap { [$0.ogpColumn].compactMap { $0 } + $0.levels.compactMap(\.ogpColumn) }
  }
}
