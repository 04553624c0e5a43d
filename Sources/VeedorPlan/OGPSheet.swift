import Foundation

/// OGP's commitments sheet as exported to CSV: one row per commitment, 171 named columns.
public struct OGPSheet: Sendable {
  /// One row, with its values by OGP column header.
  public struct Record: Sendable, Hashable {
    /// Line of the CSV file where the row starts.
    public var line: Int
    /// Values by exact OGP header.
    public var values: [String: String]

    /// The value of a column, or nil when empty or a missing-value code (NA, ND, NR).
    public func value(_ column: String) -> String? {
      guard let raw = values[column]?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty,
        !OGPSheet.missingCodes.contains(raw)
      else { return nil }
      return raw
    }
  }

  /// OGP's missing-value codes: NA not in plan, ND not determined, NR not reviewed.
  public static let missingCodes: Set<String> = ["NA", "ND", "NR"]
  /// The column that identifies a commitment.
  public static let idColumn = "Commitment Unique Identifier"

  /// Column headers in file order.
  public let headers: [String]
  /// Every row.
  public let records: [Record]

  /// Whether a CSV header row is OGP's sheet rather than Veedor's simple plan CSV.
  public static func recognizes(_ header: [String]) -> Bool {
    header.contains(idColumn)
  }

  /// Parses the sheet, checking every row has as many cells as the header. A cell Veedor's own
  /// `commitments.csv` guarded against spreadsheet formulas (a leading `'`) is read without the guard
  /// (``SpreadsheetCell/restored(_:)``); OGP's export has no cell that starts with `'`.
  public init(rows: [CSV.Row], file: String) throws(PlanError) {
    guard let header = rows.first else {
      throw PlanError(.badInput, "the file is empty", es: "el archivo está vacío", file: file, line: 1)
    }
    let rows = rows.map { CSV.Row(line: $0.line, fields: $0.fields.map(SpreadsheetCell.restored)) }
    let names = rows[0].fields.map { $0.trimmingCharacters(in: .whitespaces) }
    for required in [Self.idColumn, "Action Plan ID", "Commitment Title"] where !names.contains(required) {
      throw PlanError(
        .badInput, "missing column", es: "falta la columna", file: file, line: header.line, field: required)
    }
    var seen: [String: Int] = [:]
    var records: [Record] = []
    for row in rows.dropFirst() {
      guard row.fields.count == names.count else {
        throw PlanError(
          .badInput, "has \(row.fields.count) cells, the header has \(names.count)",
          es: "tiene \(row.fields.count) celdas, el encabezado tiene \(names.count)", file: file,
          line: row.line)
      }
      var values: [String: String] = [:]
      for (name, value) in zip(names, row.fields) where values[name] == nil { values[name] = value }
      let record = Record(line: row.line, values: values)
      guard let id = record.value(Self.idColumn)?.uppercased() else {
        throw PlanError(
          .badInput, "empty commitment id", es: "id de compromiso vacío", file: file, line: row.line,
          field: Self.idColumn)
      }
      if let first = seen[id] {
        throw PlanError(
          .badInput, "duplicate commitment id '\(id)' (first on line \(first))",
          es: "id de compromiso duplicado '\(id)' (primero en la línea \(first))", file: file, line: row.line,
          field: Self.idColumn)
      }
      seen[id] = row.line
      records.append(record)
    }
    self.headers = names
    self.records = records
  }

  /// The action-plan ids in the sheet, in order of first appearance.
  public var planIDs: [String] {
    var seen: Set<String> = []
    return records.compactMap { $0.value("Action Plan ID") }.filter { seen.insert($0).inserted }
  }

  /// Builds the action plan with the given id from its rows.
  public func plan(_ planID: String, file: String) throws(PlanError) -> ActionPlan {
    let rows = records.filter { $0.value("Action Plan ID") == planID }
    guard let first = rows.first else {
      throw PlanError(
        .badInput,
        "no rows for action plan '\(planID)' (plans in the file: \(planIDs.prefix(12).joined(separator: ", "))\(planIDs.count > 12 ? ", …" : ""))",
        es:
          "no hay filas para el plan de acción '\(planID)' (planes en el archivo: \(planIDs.prefix(12).joined(separator: ", "))\(planIDs.count > 12 ? ", …" : ""))",
        file: file)
    }
    var commitments: [Commitment] = []
    for row in rows {
      commitments.append(commitment(row, file: file))
    }
    let startYear = first.value("Year Of Submission").flatMap(Int.init)
    let endYear = first.value("Action Plan End Year").flatMap(Int.init)
    return ActionPlan(
      id: planID, member: first.value("Country/Locality") ?? planID, memberCode: first.value("Code"),
      level: first.value("National Or Local"),
      start: startYear.flatMap { PlanDate(year: $0) }, end: endYear.flatMap { PlanDate(year: $0) },
      note: "Imported from OGP's commitments sheet", commitments: commitments)
  }

  private func commitment(_ row: Record, file: String) -> Commitment {
    let supporting = row.value("Supporting Institution(s)").map { [$0] } ?? []
    let title = row.value("Commitment Title") ?? row.value("Short Title") ?? ""
    var commitment = Commitment(
      id: row.value(Self.idColumn)?.uppercased() ?? "", number: row.value("Commitment Number"),
      title: PlanText(en: title), description: row.value("Full Text").map { PlanText(en: $0) },
      leadInstitution: row.value("Lead Institution"), supportingInstitutions: supporting,
      start: row.value("Start Date").flatMap(PlanDate.init(ogp:)),
      end: row.value("End Date").flatMap(PlanDate.init(ogp:)),
      url: row.value("URL"))
    // Keep the source's wording whenever it is not already a plain ISO date.
    commitment.startText = row.value("Start Date").flatMap { PlanDate(iso: $0) == nil ? $0 : nil }
    commitment.endText = row.value("End Date").flatMap { PlanDate(iso: $0) == nil ? $0 : nil }
    if let start = commitment.start, let end = commitment.end, end < start {
      (commitment.start, commitment.end) = (nil, nil)
    }
    return commitment
  }
}
