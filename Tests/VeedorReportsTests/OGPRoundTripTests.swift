import Foundation
import Testing
import VeedorDataset
import VeedorPlan
import VeedorReports
import VeedorTestSupport

/// Issue 12: importing OGP's sheet and exporting the dataset gives back OGP's 171 columns, in OGP's
/// order, identical on every row; a report's rows use the same columns and OGP's own words.
@Suite("OGP's sheet round trip and OGP's words in a report's rows")
struct OGPRoundTripTests {
  /// Whether a cell gets the spreadsheet-formula guard, decided here without SpreadsheetCell.
  static func formulaLike(_ cell: String) -> Bool {
    guard let first = cell.first else { return false }
    if first == "'" { return true }
    let number = cell.range(of: #"^[+-]?[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil
    return ["=", "+", "-", "@", "\t", "\r"].contains(first) && !number
  }

  @Test("import then export: 171 columns in OGP's order, every JSON value byte-identical, the CSV apart from the guard")
  func sheetRoundTrip() throws {
    for url in OGPDerivedColumnsTests.sheets {
      let raw = try CSV.parse(Data(contentsOf: url), file: url.path)
      let header = try #require(raw.first?.fields)
      #expect(header == OGPColumns.all && header.count == 171)
      let records = try OGPDerivedColumnsTests.records(url)
      let imported = try DatasetImporter(inputs: [url], trust: nil)
      #expect(imported.refused.isEmpty && imported.notices.isEmpty, "\(imported.refused) \(imported.notices)")
      #expect(imported.dataset.headers == OGPColumns.all + ["x_source"])

      let document = try #require(
        try JSONSerialization.jsonObject(with: imported.dataset.json()) as? [String: Any])
      #expect(document["columns"] as? [String] == OGPColumns.all + ["x_source"])
      let rows = try #require(document["rows"] as? [[String: String]])
      #expect(rows.count == records.count)
      let changed = zip(rows, records).flatMap { row, record in
        header.filter { Array((row[$0] ?? "").utf8) != Array((record.values[$0] ?? "-").utf8) }
          .map { "\(OGPDerivedColumnsTests.id(record.values)) \($0)" }
      }
      #expect(changed.isEmpty, "JSON: \(changed.count) cells changed: \(changed.prefix(10))")
      #expect(rows.allSatisfy { Set($0.keys) == Set(header + ["x_source"]) })

      let csv = try CSV.parse(Data(imported.dataset.csv().utf8), file: "commitments.csv")
      #expect(csv.first?.fields == header + ["x_source"])
      #expect(csv.count == raw.count)
      var guarded: [(id: String, column: String, cell: String)] = []
      var csvChanged: [String] = []
      for (written, original) in zip(csv.dropFirst(), raw.dropFirst()) {
        #expect(written.fields.count == 172 && written.fields.last == url.lastPathComponent)
        for (i, cell) in original.fields.enumerated() where written.fields[i] != cell {
          if written.fields[i] == "'" + cell {
            guarded.append((original.fields[0], header[i], cell))
          } else {
            csvChanged.append("\(original.fields[0]) \(header[i])")
          }
        }
      }
      #expect(csvChanged.isEmpty, "CSV: \(csvChanged.count) cells changed: \(csvChanged.prefix(10))")
      let formulaLike = raw.dropFirst().flatMap(\.fields).filter(Self.formulaLike)
      #expect(guarded.count == formulaLike.count)
      #expect(guarded.allSatisfy { Self.formulaLike($0.cell) })
      if records.count == 558 {
        // The issue's count: six institution cells that start with "-".
        #expect(guarded.count == 6, "\(guarded.map(\.id))")
        #expect(
          guarded.allSatisfy {
            $0.cell.hasPrefix("-") && ["Lead Institution", "Supporting Institution(s)"].contains($0.column)
          })
      }
      let back = try Dataset.parse(csv: Data(imported.dataset.csv().utf8), file: "back")
      #expect(back.rows == imported.dataset.rows)
    }
  }

  @Test("a report's rows: OGP's 171 columns then x_ columns, OGP's words, derived columns computed")
  func reportRows() throws {
    let f = try ReportFixture()
    let (dataset, _) = try ReportDataset.load(report: f.report, trust: nil)
    #expect(Array(dataset.headers.prefix(171)) == OGPColumns.all)
    #expect(dataset.headers.dropFirst(171).allSatisfy { $0.hasPrefix("x_") })
    let missing: Set<String> = ["NA", "ND", "NR"]
    let report = try JSONDecoder().decode(Report.self, from: Data(contentsOf: f.report))
    let generated = try #require(Int(report.generated.prefix(4)))
    for row in dataset.rows {
      #expect(OGPColumns.all.allSatisfy { row[$0] != nil })
      for (column, words) in OGPVocabulary.words {
        let cell = row[column] ?? ""
        #expect(words.contains(cell) || missing.contains(cell), "\(column): \(cell)")
      }
      // Local is not a word of OGP's National Or Local column; the plan's own word is kept beside it.
      #expect(row["National Or Local"] == "ND" && row["x_national_or_local"] == "Local")
      #expect(row["Full Text"] == "NA")
      #expect(row["Commitment Dummy"] == "1" && row["Action Plan Duration (Years)"] == "3")
      let end = try #require(Int(row["Action Plan End Year"] ?? ""))
      #expect(row["Active Commitment"] == (end >= generated ? "1" : "0"))
      #expect(OGPDerivedColumns.fill(row, activeAsOf: generated) == row)
    }
    let row = try #require(dataset.rows.first { $0["Commitment Unique Identifier"] == "CLPLN0002" })
    let plan = try PlanImporter.load(URL(fileURLWithPath: f.ws + "/plan.json"))
    #expect(row["x_description"] == plan.commitment("CLPLN0002")?.description?.en)
    #expect(row["Completion (End Of Term)"] == "Substantial" && row["_CompletionEndTerm"] == "4")
    #expect(row["Max Completion"] == "2" && row["Comp Assessed"] == "1" && row["High Completion"] == "1")
    #expect(row["_Relevant"] == "1" && row["Not reviewed"] == "0" && row["Midterm Only"] == "0")
  }

  @Test("a level whose word OGP spells otherwise is written OGP's way; one OGP's column has no word for is ND")
  func levelWords() throws {
    let f = try ReportFixture()
    var report = try JSONDecoder().decode(Report.self, from: Data(contentsOf: f.report))
    let i = try #require(report.commitments.firstIndex { $0.id == "CLPLN0002" })
    let j = try #require(report.commitments[i].scores.firstIndex { $0.ogpColumn == "Completion (End Of Term)" })
    func withWord(_ word: String) throws -> [String: String] {
      let score = report.commitments[i].scores[j]
      var entry = score.current
      entry.levels[0].ogp = word
      report.commitments[i].scores[j] = try #require(
        Report.ScaleScore(
          scale: score.scale, ogpColumn: score.ogpColumn, ogpValueColumns: score.ogpValueColumns, title: score.title,
          phase: score.phase, history: [entry]))
      return try #require(
        ReportRows.rows(report, reportSHA256: "").first { $0["Commitment Unique Identifier"] == "CLPLN0002" })
    }
    let notStarted = try withWord("not started")
    #expect(notStarted["Completion (End Of Term)"] == "Not Started" && notStarted["_CompletionEndTerm"] == "2")
    let withdrawn = try withWord("Withdrawn")
    #expect(withdrawn["Completion (End Of Term)"] == "ND")
    #expect(
      withdrawn["x_" + report.commitments[i].scores[j].scale] == report.commitments[i].scores[j].current.levels[0].id)
    #expect(withdrawn["Comp Assessed"] == "0" && withdrawn["Max Completion"] == "ND")
  }

  @Test("import takes OGP sheets without --trust; a report without --trust is bad input naming the file")
  func trustOnlyForReports() throws {
    let out = TestSupport.temporaryFolder().appendingPathComponent("dataset")
    let sheet = OGPOracleTests.excerpt.path
    let alone = try TestSupport.veedor(["import", sheet, "--out", out.path])
    #expect(alone.status == 0, "\(alone.stderr)")
    #expect(alone.stdout.contains("merged 1 input(s), 28 commitments"), "\(alone.stdout)")
    let inbox = TestSupport.temporaryFolder()
    let report = inbox.appendingPathComponent("report.json")
    try Data("{}".utf8).write(to: report)
    let refused = try TestSupport.veedor(["import", sheet, inbox.path, "--out", out.path])
    #expect(refused.status == 2)
    let lines = refused.stderr.split(separator: "\n")
    #expect(lines.count == 1 && lines[0].contains(report.path) && lines[0].contains("--trust"), "\(refused.stderr)")
  }
}
