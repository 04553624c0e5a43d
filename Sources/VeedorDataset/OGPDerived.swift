/// OGP's derived columns, computed from a row's IRM codings the way OGP's commitments sheet computes
/// them (rules and their check against the sheet: ../shared/docs/ogp-derived-columns.md).
///
/// Each function returns nil when the row is not assessed for that figure (the figure's denominator
/// leaves it out), else whether it counts.
public enum OGPDerived {
  /// Whether a cell holds a coding rather than a missing-value code (empty, `NA`, `ND`, `NR`).
  public static func isCoded(_ value: String?) -> Bool {
    guard let value else { return false }
    return !["", "NA", "ND", "NR"].contains(value.trimmingCharacters(in: .whitespaces))
  }

  static func value(_ row: [String: String], _ column: String) -> String? {
    row[column].map { $0.trimmingCharacters(in: .whitespaces) }
  }

  /// The three core values; technology alone does not make a commitment relevant for a star.
  static let coreValues = [
    "OGP Value Access To Information", "OGP Value Civic Participation", "OGP Value Public Accountability",
  ]

  /// `_Relevant`: relevant to at least one OGP value — OGP's column where the row has it (the sheet),
  /// else any value column (a Veedor report's row).
  public static func relevant(_ row: [String: String]) -> Bool? {
    if let sheet = value(row, "_Relevant") { return isCoded(sheet) ? sheet == "1" : nil }
    let values = (coreValues + ["OGP Value Technology"]).compactMap { value(row, $0) }.filter(isCoded)
    return values.isEmpty ? nil : values.contains("1")
  }

  /// `High Ambition`: Potential Impact Moderate or Transformative **and** relevant; assessed when
  /// Potential Impact is coded (the pre-2021 method).
  public static func highAmbition(_ row: [String: String]) -> Bool? {
    guard let impact = value(row, "Potential Impact"), isCoded(impact) else { return nil }
    return ["Moderate", "Transformative"].contains(impact) && relevant(row) == true
  }

  /// The latest completion: end of term where coded, else the progress report (mid-term).
  public static func latestCompletion(_ row: [String: String]) -> String? {
    let end = value(row, "Completion (End Of Term)")
    return isCoded(end) ? end : value(row, "Completion (Progress Report)")
  }

  /// `High Completion` among `Comp Assessed` rows: latest completion Substantial or Complete; a
  /// completion of `Unclear` or `Withdrawn` is not assessed.
  public static func highCompletion(_ row: [String: String]) -> Bool? {
    guard let latest = latestCompletion(row), isCoded(latest), !["Unclear", "Withdrawn"].contains(latest) else {
      return nil
    }
    return ["Substantial", "Complete"].contains(latest)
  }

  /// `High DIOG` among `DIOG Assessed` rows: did it open government Major or Outstanding, or early
  /// results Significant.
  public static func highDIOG(_ row: [String: String]) -> Bool? {
    let diog = value(row, "Did It Open Government (Overall)")
    let early = value(row, "Early Results")
    guard isCoded(diog) || isCoded(early) else { return nil }
    return ["Major", "Outstanding"].contains(diog ?? "") || early == "Significant"
  }

  /// Which report a star is computed at.
  public enum Report: Sendable {
    /// The end-of-term report.
    case endOfTerm
    /// The progress (mid-term) report.
    case progressReport
  }

  /// A star at one report: specificity Medium or High, relevant to a core value, Potential Impact
  /// Transformative (or, with `only2015`, Moderate too), and that report's completion Substantial or
  /// Complete; assessed when that report's completion is coded.
  public static func starred(_ row: [String: String], at report: Report, only2015: Bool = false) -> Bool? {
    let completion = value(row, report == .endOfTerm ? "Completion (End Of Term)" : "Completion (Progress Report)")
    guard isCoded(completion) else { return nil }
    let impacts = only2015 ? ["Moderate", "Transformative"] : ["Transformative"]
    return ["Medium", "High"].contains(value(row, "Specificity") ?? "")
      && coreValues.contains { value(row, $0) == "1" } && impacts.contains(value(row, "Potential Impact") ?? "")
      && ["Substantial", "Complete"].contains(completion ?? "")
  }

  /// `Max star`: the star at the end of term where that report is coded, else at the progress report.
  public static func maxStar(_ row: [String: String]) -> Bool? {
    starred(row, at: .endOfTerm) ?? starred(row, at: .progressReport)
  }
}
