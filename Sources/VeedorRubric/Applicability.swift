extension Rubric {
  /// The scores that apply: a score on a scale whose `requires` does not hold on the scores before it
  /// (e.g. potential for results after verifiability was corrected to "no") is left out. It stays in
  /// the ledger and in the score's history; it just no longer counts.
  public func applicable(_ sheet: ScoreSheet) -> ScoreSheet {
    var kept = sheet
    // By index: a scale is read in place, not copied with all its levels for each look.
    for i in scales.indices {
      guard let rule = scales[i].requires, kept.levels[scales[i].id] != nil else { continue }
      // `requires` names only earlier scales, which this loop has already settled.
      if evaluate(rule, on: kept) != .yes { kept.levels[scales[i].id] = nil }
    }
    return kept
  }

  /// Whether a scale applies to a commitment with these scores: yes when it has no rule, no when its
  /// rule fails, unknown while the scores its rule names are missing.
  public func requirement(of scale: Scale, on sheet: ScoreSheet) -> Truth {
    requirement(of: scale, onApplicable: applicable(sheet))
  }

  /// ``requirement(of:on:)`` with the scores that apply already worked out (``applicable(_:)``), for a
  /// caller asking about every scale of one commitment.
  public func requirement(of scale: Scale, onApplicable kept: ScoreSheet) -> Truth {
    guard let rule = scale.requires else { return .yes }
    return evaluate(rule, on: kept)
  }

  /// Why a score on the scale cannot be recorded now, naming the rule and its source; nil when it can.
  public func refusal(toScore scale: Scale, on sheet: ScoreSheet) -> String? {
    guard let rule = scale.requires, requirement(of: scale, on: sheet) != .yes else { return nil }
    return
      "scale '\(scale.id)' applies only when \(rule.summary) (the rubric's rule, source: \(scale.requiresSource ?? "none given"))"
  }
}
