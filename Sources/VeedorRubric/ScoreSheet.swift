import VeedorErrors

/// The current levels recorded for one commitment, by scale id.
public struct ScoreSheet: Sendable, Hashable {
  /// Level ids per scale id; a single-choice scale holds one.
  public var levels: [String: [String]]

  /// Creates a sheet from levels per scale.
  public init(_ levels: [String: [String]] = [:]) {
    self.levels = levels
  }
}

extension Rubric {
  /// Checks and normalises a selection of levels for a scale, resolving aliases and labels to ids;
  /// with `onPlan`, for one of the plan questions instead of a commitment scale.
  ///
  /// - Throws: ``RubricError`` naming the valid scales or levels.
  public func resolve(scale scaleID: String, levels texts: [String], onPlan: Bool = false) throws(RubricError) -> (
    Scale, [Level]
  ) {
    guard let scale = onPlan ? planScale(scaleID) : scale(scaleID) else {
      throw .unknownScale(scaleID, valid: onPlan ? (planScales ?? []).map(\.id) : scales.map(\.id))
    }
    var chosen: [Level] = []
    for text in texts {
      guard let level = scale.level(matching: text) else {
        throw .unknownLevel(text, scale: scale.id, valid: scale.levels.map(\.id))
      }
      if !chosen.contains(level) { chosen.append(level) }
    }
    if chosen.isEmpty {
      throw .badSelection(scale: scale.id, reason: Phrase("no level given", es: "no se indicó ningún nivel"))
    }
    if scale.selection == .single && chosen.count > 1 {
      throw .badSelection(scale: scale.id, reason: Phrase("takes exactly one level", es: "admite exactamente un nivel"))
    }
    if chosen.count > 1, let lone = chosen.first(where: \.exclusive) {
      throw .badSelection(
        scale: scale.id,
        reason: Phrase("level '\(lone.id)' cannot be combined", es: "el nivel '\(lone.id)' no se puede combinar"))
    }
    return (scale, chosen.sorted { $0.ordinal < $1.ordinal })
  }

  /// Evaluates a rule against one commitment's scores.
  public func evaluate(_ rule: Rule, on sheet: ScoreSheet) -> Truth {
    evaluate(rule, on: sheet, depth: 0)
  }

  private func evaluate(_ rule: Rule, on sheet: ScoreSheet, depth: Int) -> Truth {
    guard depth < 64 else { return .unknown }
    switch rule {
    case .all(let rules): return .all(rules.map { evaluate($0, on: sheet, depth: depth + 1) })
    case .any(let rules): return .any(rules.map { evaluate($0, on: sheet, depth: depth + 1) })
    case .not(let inner): return evaluate(inner, on: sheet, depth: depth + 1).negated
    case .scale(let scale, let wanted):
      guard let recorded = sheet.levels[scale], !recorded.isEmpty else { return .unknown }
      return recorded.contains(where: wanted.contains) ? .yes : .no
    case .indicator(let id):
      guard let indicator = indicators.first(where: { $0.id == id }) else { return .unknown }
      return evaluate(indicator.rule, on: sheet, depth: depth + 1)
    case .scored(let scale):
      return sheet.levels[scale]?.isEmpty == false ? .yes : .no
    }
  }

  /// Every derived indicator of the rubric for one commitment, over the scores that apply.
  public func indicatorValues(for sheet: ScoreSheet) -> [(Indicator, Truth)] {
    let sheet = applicable(sheet)
    return indicators.map { ($0, evaluate($0.rule, on: sheet)) }
  }
}
