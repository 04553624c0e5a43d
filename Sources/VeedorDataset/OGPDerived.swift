import VeedorErrors

/// OGP's derived columns, computed from a row's IRM codings the way OGP's commitments sheet computes
/// them (rules and their check against the sheet: ../shared/docs/ogp-derived-columns.md).
///
/// Each function returns nil when the row is not assessed for that figure (the figure's denominator
/// leaves it out), else whether it counts.
public enum OGPDerived {
  /// Whether a cell holds a coding rather than a missing-value code (empty, `NA`, `ND`, `NR`).
  public static func isCoded(_ value: String?) -> Bool {
    guard let value else { return false }
    return !["", "NA", "ND", "NR"].contains(PlainText.trimmingSpaces(value))
  }

  static func value(_ row: OGPRow, _ column: String) -> String? {
    row[column].map(PlainText.trimmingSpaces)
  }

  /// The three core values; technology alone does not make a commitment relevant for a star.
  static let coreValues = [
    "OGP Value Access To Information", "OGP Value Civic Participation", "OGP Value Public Accountability",
  ]

  /// `_Relevant`: relevant to at least one core OGP value — OGP's column where the row has it, else the
  /// value columns (technology alone does not make a commitment relevant).
  public static func relevant(_ row: OGPRow) -> Bool? {
    if let sheet = value(row, "_Relevant") { return isCoded(sheet) ? sheet == "1" : nil }
    let values = (coreValues + ["OGP Value Technology"]).compactMap { value(row, $0) }.filter(isCoded)
    return values.isEmpty ? nil : coreValues.contains { value(row, $0) == "1" }
  }

  /// `High Ambition`: Potential Impact Moderate or Transformative **and** relevant; assessed when
  /// Potential Impact is coded (the pre-2021 method).
  public static func highAmbition(_ row: OGPRow) -> Bool? {
    guard let impact = value(row, "Potential Impact"), isCoded(impact) else { return nil }
    return ["Moderate", "Transformative"].contains(impact) && relevant(row) == true
  }

  /// The latest completion: end of term where coded, else the progress report (mid-term).
  public static func latestCompletion(_ row: OGPRow) -> String? {
    let end = value(row, "Completion (End Of Term)")
    return isCoded(end) ? end : value(row, "Completion (Progress Report)")
  }

  /// `High Completion` among `Comp Assessed` rows: latest completion Substantial or Complete; a
  /// completion of `Unclear` or `Withdrawn` is not assessed.
  public static func highCompletion(_ row: OGPRow) -> Bool? {
    guard let latest = latestCompletion(row), isCoded(latest), !["Unclear", "Withdrawn"].contains(latest) else {
      return nil
    }
    return ["Substantial", "Complete"].contains(latest)
  }

  /// `High DIOG` among `DIOG Assessed` rows: did it open government Major or Outstanding, or early
  /// results Significant.
  public static func highDIOG(_ row: OGPRow) -> Bool? {
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

  /// Whether the commitment is specific enough to verify, as the star needs it: Specificity Medium or
  /// High; where Specificity is not coded (the 2017–2019 method assessed verifiability instead),
  /// `Verifiable` Yes. OGP's sheet stars AR0045 (Specificity `ND`, Verifiable Yes, Transformative,
  /// Substantial) by this rule, and no other row of the 2017–2019 cohort meets it.
  static func verifiableForStar(_ row: OGPRow) -> Bool {
    let specificity = value(row, "Specificity")
    if isCoded(specificity) { return ["Medium", "High"].contains(specificity ?? "") }
    return ["Yes", "1"].contains(value(row, "Verifiable") ?? "")
  }

  /// A star at one report: verifiable (``verifiableForStar(_:)``), relevant to a core value, Potential
  /// Impact Transformative (or, with `only2015`, Moderate too), and that report's completion Substantial
  /// or Complete. Assessed when that report's completion and Potential Impact are coded (a plan assessed
  /// by the 2020 or 2021 method, which has no potential impact, has no star, as in OGP's sheet), and, at
  /// the end of term, when that report was not published after 2020 (OGP's later reports carry no star;
  /// a row without the report's year, such as a Veedor report's, is assessed).
  public static func starred(_ row: OGPRow, at report: Report, only2015: Bool = false) -> Bool? {
    let completion = value(row, report == .endOfTerm ? "Completion (End Of Term)" : "Completion (Progress Report)")
    let impact = value(row, "Potential Impact")
    guard isCoded(completion), isCoded(impact) else { return nil }
    if report == .endOfTerm, let year = value(row, "Report Publication Year (End Of Term)").flatMap({ Int($0) }),
      year > 2020
    {
      return nil
    }
    let impacts = only2015 ? ["Moderate", "Transformative"] : ["Transformative"]
    return verifiableForStar(row) && coreValues.contains { value(row, $0) == "1" } && impacts.contains(impact ?? "")
      && ["Substantial", "Complete"].contains(completion ?? "")
  }

  /// `Max star`: the star at the end of term where that report is coded, else at the progress report.
  public static func maxStar(_ row: OGPRow) -> Bool? {
    starred(row, at: .endOfTerm) ?? starred(row, at: .progressReport)
  }
}
