import Foundation
import Testing
import VeedorDataset
import VeedorPlan
import VeedorTestSupport

/// OGP's derived columns are recomputed by Veedor, column by column, and agree with OGP's own cells on
/// every row of OGP's sheet but the exceptions listed here (which the import keeps as OGP wrote them).
@Suite("OGP's derived columns, recomputed and checked cell by cell")
struct OGPDerivedColumnsTests {
  /// The cells where OGP's sheet departs from its own rule, by commitment id, and why (the product's
  /// list, OGPSheetExceptions, gives the reasons in full). Any other mismatch fails, and so does a listed
  /// cell that agrees.
  static let expectedExceptions: [String: Set<String>] = {
    var cells: [String: Set<String>] = [:]
    func add(_ ids: [String], _ columns: [String]) {
      for id in ids { cells[id, default: []].formUnion(columns) }
    }
    // A 2023–2027 plan given a duration of 2 years.
    add(["CR0073"], ["Action Plan Duration (Years)"])
    // _Relevant ND with three values 1; _Relevant 1 with all four values 0.
    add(["JO0062", "SK0116"], ["_Relevant"])
    // Change In Completion contradicts the two completions (or is NA where the rule gives ND).
    add(["BG0028", "FR0026", "GT0066", "BG0039"], ["Change In Completion"])
    // _ChangeCompletion NR although Change In Completion is No Change.
    add(["MN0020", "TN0001", "TN0004", "TN0007", "TN0008"], ["_ChangeCompletion"])
    // AP_JOR03: numbers that do not match their words.
    add(["JO0048", "JO0050"], ["_ChangeCompletion", "_DIOGCP"])
    add(["JO0050"], ["_DIOGATI"])
    // AP_LKA01: _DIOGPA NR on every row although the words are coded.
    add(["LK0007", "LK0008", "LK0009", "LK0012", "LK0013", "LK0019", "LK0020", "LK0021", "LK0022"], ["_DIOGPA"])
    // The 2015 star 0 where Specificity is ND; Slovakia's ND where every other member writes NA.
    add(["BUE0009"], ["Starred (2015 Only)"])
    add(
      ["SK0059", "SK0088", "SK0113", "SK0114", "SK0115", "SK0116", "SK0117", "SK0118", "SK0119", "SK0130"],
      ["Starred (2015 Only)"])
    // The end-of-term star: four 2021 reports coded 0 where all other post-2020 reports have no star.
    // (AR0045, starred with Specificity ND, is no exception: the 2017–2019 method's star reads Verifiable.)
    add(["EE0050", "GH0021", "GH0025", "NG0008"], ["Starred (Current Formula) End of Term"])
    // Quadrants that do not follow the row's own High Ambition and High Completion (some swapped with
    // the neighbouring row).
    let (ac, anc, cna, ncna) = (
      "Ambitious and complete, or DIOG", "Ambitious but not complete", "Complete but not ambitious",
      "Not complete or ambitious"
    )
    add(["MK0124", "MK0125", "MN0025", "MN0026", "MN0043", "MN0045", "NG0008", "PNG0001"], [anc, ncna])
    add(["MK0139", "MK0140", "NG0021", "NZ0015", "PT0006", "PY0038", "PY0056", "PY0068"], [ac, cna])
    add(["NG0030", "PY0052"], [anc])
    add(["MK0143"], [ncna])
    add(["PNG0007"], [cna])
    add(["PY0069"], [ac])
    return cells
  }()

  /// The columns issue 12 names as OGP's derived columns: each is recomputed, or carried with a reason.
  static let namedColumns = [
    "_Specificity", "_Relevant", "_Potential Impact", "_CompletionProgress", "_Potential for Results",
    "_CompletionEndTerm", "Change In Completion", "_ChangeCompletion", "_Early Results", "_OpenGovernment",
    "_DIOGATI", "_DIOGCP", "_DIOGPA", "Starred (2015 Only)", "Starred (Current Formula) Progress Report",
    "Starred (Current Formula) End of Term", "Most Recently Assessed", "IRM Assessed", "Max star",
    "Ambition Assessed", "Comp Assessed", "DIOG Assessed", "Midterm Only", "Max Completion", "Raw Completion",
    "High Completion", "High Ambition", "High DIOG", "Ambitious and complete, or DIOG", "Ambitious but not complete",
    "Complete but not ambitious", "Not complete or ambitious", "Not reviewed", "CHECKSUM", "IRM-Based Score",
    "Binding constraint", "Action Plan Duration (Years)", "Commitment Dummy", "Active Commitment",
  ]

  static let valueColumns = [
    "OGP Value Access To Information", "OGP Value Civic Participation", "OGP Value Public Accountability",
    "OGP Value Technology",
  ]

  /// Sheets to check: both excerpts always, the full sheet when ../shared is present.
  static var sheets: [URL] {
    [
      TestSupport.packageRoot.appendingPathComponent("Tests/VeedorWorkspaceTests/Fixtures/ogp-sheet-excerpt.csv"),
      OGPOracleTests.excerpt,
    ] + [OGPOracleTests.fullSheet].compactMap { $0 }
  }

  static func records(_ url: URL) throws -> [OGPSheet.Record] {
    try OGPSheet(rows: try CSV.parse(Data(contentsOf: url), file: url.path), file: url.path).records
  }

  static func id(_ row: [String: String]) -> String { row["Commitment Unique Identifier"] ?? "" }

  /// Whether the rule keeps the row's `_Relevant`: no value column coded (2021 method) and a 0/1 cell.
  static func carriesRelevant(_ row: [String: String]) -> Bool {
    valueColumns.allSatisfy { !OGPDerived.isCoded(row[$0]) } && ["0", "1"].contains(row["_Relevant"] ?? "")
  }

  @Test("every column the issue names is recomputed or carried with a reason, and the exception lists agree")
  func columnsAndExceptions() {
    let carried = Set(OGPDerivedColumns.carried.map(\.column))
    for column in Self.namedColumns {
      #expect(OGPDerivedColumns.columns.contains(column) || carried.contains(column), "\(column)")
      #expect(OGPColumns.all.contains(column), "\(column)")
    }
    for column in OGPDerivedColumns.columns + Array(carried) { #expect(OGPColumns.all.contains(column), "\(column)") }
    #expect(OGPDerivedColumns.carried.allSatisfy { !$0.reason.isEmpty })
    var product: [String: Set<String>] = [:]
    for exception in OGPSheetExceptions.all {
      #expect(!exception.reason.isEmpty && !exception.ids.isEmpty && !exception.columns.isEmpty)
      for id in exception.ids { product[id, default: []].formUnion(exception.columns) }
    }
    #expect(product == Self.expectedExceptions)
    for (id, columns) in Self.expectedExceptions {
      #expect(OGPSheetExceptions.kept(id) == columns && OGPSheetExceptions.kept(id.lowercased()) == columns)
      #expect(columns.isSubset(of: Set(OGPDerivedColumns.columns)), "\(id)")
    }
  }

  @Test("each derived column's rule, read on OGP's own other columns, gives OGP's cell on every row but the exceptions")
  func perColumnAgreement() throws {
    for url in Self.sheets {
      let rows = try Self.records(url).map(\.values)
      var mismatches: [String: Set<String>] = [:]
      for row in rows {
        for column in OGPDerivedColumns.columns {
          guard let value = OGPDerivedColumns.value(of: column, in: row) else {
            let expected = column == "Active Commitment" || (column == "_Relevant" && Self.carriesRelevant(row))
            #expect(expected, "\(Self.id(row)): \(column) kept without a reason")
            continue
          }
          if value != row[column] { mismatches[Self.id(row), default: []].insert(column) }
        }
        // Active Commitment needs the sheet's export year (July 2024), which the file does not carry.
        #expect(OGPDerivedColumns.value(of: "Active Commitment", in: row, activeAsOf: 2024) == row["Active Commitment"])
      }
      let ids = Set(rows.map(Self.id))
      #expect(mismatches == Self.expectedExceptions.filter { ids.contains($0.key) }, "\(url.lastPathComponent)")
    }
  }

  @Test("filling a row keeps OGP's values on every row; a garbled or blank derived cell is recomputed")
  func fillRestoresGarbledRows() throws {
    for url in Self.sheets {
      let records = try Self.records(url)
      let header = try #require(try CSV.parse(Data(contentsOf: url), file: url.path).first?.fields)
      var garbledRows: [[String]] = []
      var garbled = 0
      var keptCells: [(row: Int, column: String)] = []
      for (n, record) in records.enumerated() {
        let row = record.values
        let kept = OGPSheetExceptions.kept(Self.id(row))
        #expect(OGPDerivedColumns.fill(row, keeping: kept) == row, "\(Self.id(row))")
        var changed = row
        for column in OGPDerivedColumns.columns where column != "Active Commitment" {
          if column == "_Relevant" && Self.carriesRelevant(row) { continue }
          if kept.contains(column) {
            keptCells.append((n, column))
            continue
          }
          changed[column] = n % 2 == 0 ? "" : "=garbled \(column)"
          garbled += 1
        }
        garbledRows.append(header.map { changed[$0] ?? "" })
      }
      let expectedGarbled =
        records.count * (OGPDerivedColumns.columns.count - 1) - keptCells.count
        - records.map(\.values).filter(Self.carriesRelevant).count
      #expect(garbled == expectedGarbled && garbled > records.count * 30)
      let file = TestSupport.temporaryFolder().appendingPathComponent("garbled.csv")
      try Data(CSV.encode([header] + garbledRows).utf8).write(to: file)
      let imported = try DatasetImporter(inputs: [file], trust: nil)
      #expect(imported.dataset.rows.count == records.count)
      let differences = zip(imported.dataset.rows, records).flatMap { row, record in
        header.filter { row[$0] != record.values[$0] }.map { "\(Self.id(record.values)) \($0)" }
      }
      #expect(differences.isEmpty, "\(differences.count) cells differ from OGP's: \(differences.prefix(10))")
      #expect(imported.notices.contains { $0.contains("\(garbled) derived cell(s) did not follow OGP's rules") })
      // An exception's cell is OGP's own: garbled in the input, it stays as given.
      if let (n, column) = keptCells.first {
        var rows = garbledRows
        let index = try #require(header.firstIndex(of: column))
        rows[n][index] = "kept as given"
        try Data(CSV.encode([header] + rows).utf8).write(to: file)
        let again = try DatasetImporter(inputs: [file], trust: nil)
        #expect(again.dataset.rows[n][column] == "kept as given")
      }
    }
  }
}
