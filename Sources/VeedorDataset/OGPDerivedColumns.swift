import VeedorErrors

/// The columns of OGP's commitments sheet that OGP computes from a row's other columns, computed the
/// way OGP's sheet computes them. The rules, and how each was checked against all 558 rows of OGP's
/// sheet, are in docs/formats.md ("OGP's derived columns").
///
/// `veedor import` writes these for OGP's sheet rows (recomputed, never copied from the sheet, except
/// the cells ``OGPSheetExceptions`` lists) and for a report's rows alike.
public enum OGPDerivedColumns {
  /// A row: values by OGP header.
  public typealias Row = OGPRow
  /// A rule: the column's value for a row, or nil when the row's own cell is kept (carried).
  typealias Rule = @Sendable (Row, Int?) -> String?

  /// The rules in the order they run: each reads coding columns and the columns computed before it.
  static let rules: [(column: String, rule: Rule)] = {
    var rules: [(column: String, rule: Rule)] = [
      ("Commitment Dummy", { _, _ in "1" }),
      ("Action Plan Duration (Years)", { row, _ in duration(row) }),
    ]
    for coding in OGPCodings.all {
      rules.append((coding.column, { row, _ in OGPCodings.value(coding, row) }))
    }
    let completionFlags: [(column: String, rule: Rule)] = [
      ("_Relevant", { row, _ in relevant(row) }),
      ("Change In Completion", { row, _ in changeInCompletion(row) }),
      ("_ChangeCompletion", { row, _ in changeCode(row) }),
      ("Starred (2015 Only)", { row, _ in starred2015(row) }),
      ("Starred (Current Formula) Progress Report", { row, _ in starredProgressReport(row) }),
      ("Starred (Current Formula) End of Term", { row, _ in starredEndOfTerm(row) }),
      ("Max star", { row, _ in maxStar(row) }),
      ("Ambition Assessed", { row, _ in ambitionAssessed(row) }),
      ("Max Completion", { row, _ in completion(row, maxCompletion) }),
      ("Raw Completion", { row, _ in completion(row, OGPCodings.completion) }),
      ("Comp Assessed", { row, _ in flag(OGPDerived.highCompletion(row) != nil) }),
      ("High Completion", { row, _ in flag(OGPDerived.highCompletion(row) == true) }),
      ("High Ambition", { row, _ in highAmbition(row) }),
      ("DIOG Assessed", { row, _ in flag(OGPDerived.highDIOG(row) != nil) }),
      ("High DIOG", { row, _ in flag(OGPDerived.highDIOG(row) == true) }),
      ("Midterm Only", { row, _ in midtermOnly(row) }),
      ("Not reviewed", { row, _ in notReviewed(row) }),
    ]
    rules += completionFlags
    for quadrant in Quadrant.allCases {
      rules.append((quadrant.rawValue, { row, _ in flag(quadrant == Quadrant.of(row)) }))
    }
    let scores: [(column: String, rule: Rule)] = [
      ("CHECKSUM", { row, _ in checksum(row) }),
      ("IRM-Based Score", { row, _ in score(row) }),
      ("Binding constraint", { row, _ in bindingConstraint(row) }),
      ("Subnational in NAPs", { row, _ in subnationalInNAP(row) }),
      ("Latest IRM Report", { row, _ in latestIRMReport(row) }),
      ("Active Commitment", { row, asOf in asOf.map { activeCommitment(row, asOf: $0) } }),
    ]
    return rules + scores
  }()

  /// Every column Veedor computes, in the order it computes them.
  public static let columns: [String] = rules.map(\.column)

  /// Columns that look derived but are carried as imported, each with the reason no rule can fill it.
  public static let carried: [(column: String, reason: String)] = [
    (
      "Most Recently Assessed",
      "a plan-level flag (whether the plan is its member's latest assessed plan), computed over OGP's whole sheet: other plans of the member are not in the row"
    ),
    (
      "Star - Most Recently Assessed",
      "a plan-level flag, constant within each plan, computed over OGP's whole sheet; not a count of stars"
    ),
    (
      "IRM Assessed",
      "a plan-level flag about the plan's IRM assessment that no rule on the row reproduces (e.g. 78 rows with Specificity ND and a coded end-of-term completion have 1, 63 such rows have 0)"
    ),
    ("Updated? (Website)", "the date OGP updated the commitment's web page: bookkeeping, not in the row"),
    (
      "Active Commitment",
      "1 when the plan's end year is not before the year OGP exported the sheet (2024 for the July 2024 sheet, 0 mismatches); the sheet does not carry its export date, so a sheet's cell is kept, and a report's rows are computed with the year the report was generated"
    ),
  ]

  /// The row with every derived column recomputed, in order, each rule reading the values computed before
  /// it; the columns in `kept` keep the row's own cells. With `activeAsOf` (a year), `Active Commitment` is
  /// computed too; without it, the row's cell is kept.
  public static func fill(_ row: Row, keeping kept: Set<String> = [], activeAsOf: Int? = nil) -> Row {
    var row = row
    fill(&row, keeping: kept, activeAsOf: activeAsOf)
    return row
  }

  /// Each rule's column's position among OGP's columns, looked up once.
  private static let positions: [Int?] = rules.map { OGPRow.position[$0.column] }

  /// ``fill(_:keeping:activeAsOf:)`` in place.
  static func fill(_ row: inout Row, keeping kept: Set<String>, activeAsOf: Int?) {
    for (i, (column, rule)) in rules.enumerated() where kept.isEmpty || !kept.contains(column) {
      guard let value = rule(row, activeAsOf) else { continue }
      if let at = positions[i] { row.set(value, at: at) } else { row[column] = value }
    }
  }

  /// ``fill(_:keeping:activeAsOf:)`` of a dictionary of cells.
  public static func fill(
    _ row: [String: String], keeping kept: Set<String> = [], activeAsOf: Int? = nil
  ) -> [String: String] {
    fill(OGPRow(row), keeping: kept, activeAsOf: activeAsOf).dictionary
  }

  /// One column's value by its rule, reading the row as it is (not recomputing the columns before it), or
  /// nil when the column is not derived or the rule keeps the row's own cell.
  public static func value(of column: String, in row: Row, activeAsOf: Int? = nil) -> String? {
    rules.first { $0.column == column }?.rule(row, activeAsOf)
  }

  /// ``value(of:in:activeAsOf:)`` in a dictionary of cells.
  public static func value(of column: String, in row: [String: String], activeAsOf: Int? = nil) -> String? {
    value(of: column, in: OGPRow(row), activeAsOf: activeAsOf)
  }

  /// A cell, trimmed; `ND` when the row lacks the column (as the dataset's CSV writes it).
  static func cell(_ row: Row, _ column: String) -> String {
    row[column].map(PlainText.trimmingSpaces) ?? OGPColumns.notDetermined
  }

  /// Whether a cell holds a coding rather than a missing-value code.
  static func isCoded(_ row: Row, _ column: String) -> Bool { OGPDerived.isCoded(cell(row, column)) }

  /// A missing value's code: `NA`, `ND` or `NR` as written, anything else (empty, a word OGP does not
  /// code) `ND`.
  static func missingCode(_ value: String) -> String {
    [OGPColumns.notInPlan, OGPColumns.notDetermined, OGPColumns.notReviewed].contains(value)
      ? value : OGPColumns.notDetermined
  }

  /// OGP's 0/1 flag.
  static func flag(_ yes: Bool) -> String { yes ? "1" : "0" }

  /// A year or small count: one to four digits, else nil.
  static func smallNumber(_ value: String) -> Int? {
    guard (1...4).contains(value.count), value.allSatisfy(\.isASCII), value.allSatisfy(\.isNumber) else {
      return nil
    }
    return Int(value)
  }
}
