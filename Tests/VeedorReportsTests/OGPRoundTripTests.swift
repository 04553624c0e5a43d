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
      let cells = try #require(document["rows"] as? [[String]])
      let rows = cells.map { Dictionary(uniqueKeysWithValues: zip(OGPColumns.all + ["x_source"], $0)) }
      #expect(cells.allSatisfy { $0.count == header.count + 1 })
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
    // The OGP Local method has no potential impact, so no star: OGP's sheet writes ND there, not 0.
    #expect(row["Starred (Current Formula) End of Term"] == "ND" && row["Max star"] == "ND", "\(row["Max star"] ?? "")")
    #expect(row["High Ambition"] == "ND" && row["Binding constraint"] == "FALSE")
  }

  @Test("the star of the 2017–2019 method reads Verifiable where Specificity is not coded; later methods have none")
  func starsByMethod() {
    var row = Dictionary(uniqueKeysWithValues: OGPColumns.all.map { ($0, OGPColumns.notDetermined) })
    row["Verifiable"] = "Yes"
    row["OGP Value Access To Information"] = "1"
    row["Completion (End Of Term)"] = "Substantial"
    // A 2017–2019 plan (as AR0045 in OGP's sheet): no Specificity, Verifiable Yes, Transformative.
    var irm2017 = row
    irm2017["Potential Impact"] = "Transformative"
    let starred = OGPDerivedColumns.fill(irm2017, activeAsOf: 2026)
    #expect(starred["Starred (Current Formula) End of Term"] == "1" && starred["Max star"] == "1")
    #expect(starred["Binding constraint"] == "STAR")
    irm2017["Verifiable"] = "No"
    #expect(OGPDerivedColumns.fill(irm2017, activeAsOf: 2026)["Max star"] == "0")
    // A 2021-method plan: Potential for Results, no Potential Impact; no star is computed.
    var irm2021 = row
    irm2021["Potential for Results"] = "Substantial"
    let unstarred = OGPDerivedColumns.fill(irm2021, activeAsOf: 2026)
    #expect(unstarred["Starred (Current Formula) End of Term"] == "ND" && unstarred["Max star"] == "ND")
    var dataset = Dataset()
    dataset.add(unstarred)
    #expect(Summary(dataset).overall.figures["max-star"]?.known == 0)
  }

  @Test("a level whose word OGP spells otherwise is written OGP's way; one OGP's column has no word for is ND")
  func levelWords() throws {
    let f = try ReportFixture()
    var report = try JSONDecoder().decode(Report.self, from: Data(contentsOf: f.report))
    let i = try #require(report.commitments.firstIndex { $0.id == "CLPLN0002" })
    let j = try #require(report.commitments[i].scores.firstIndex { $0.ogpColumn == "Completion (End Of Term)" })
    func withWord(_ word: String) throws -> OGPRow {
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

  @Test("Veedor's own commitments.csv imports back unchanged: the formula guard is taken off, not kept")
  func datasetCSVImportsBack() throws {
    let raw = try CSV.parse(Data(contentsOf: OGPOracleTests.excerpt), file: "excerpt")
    var rows = raw.map(\.fields)
    let lead = try #require(rows[0].firstIndex(of: "Lead Institution"))
    rows[1][lead] = "-Ministry of ICT"
    rows[2][lead] = "=HYPERLINK(\"http://example.org\")"
    rows[3][lead] = "'quoted"
    let folder = TestSupport.temporaryFolder()
    let sheet = folder.appendingPathComponent("sheet.csv")
    try Data(CSV.encode(rows).utf8).write(to: sheet)
    let first = try DatasetImporter(inputs: [sheet], trust: nil)
    try first.write(to: folder.appendingPathComponent("one"))
    let written = folder.appendingPathComponent("one/commitments.csv")
    #expect(try String(contentsOf: written, encoding: .utf8).contains(",'-Ministry of ICT,"))
    let second = try DatasetImporter(inputs: [written], trust: nil)
    #expect(second.refused.isEmpty)
    let leads = second.dataset.rows.prefix(3).map { $0["Lead Institution"] ?? "" }
    #expect(leads == ["-Ministry of ICT", "=HYPERLINK(\"http://example.org\")", "'quoted"])
    let differences = zip(first.dataset.rows, second.dataset.rows).flatMap { a, b in
      OGPColumns.all.filter { a[$0] != b[$0] }
    }
    #expect(differences.isEmpty, "\(differences.prefix(5))")
    // A workspace made from that file reads the same institutions.
    let planID = try #require(first.dataset.rows.first?["Action Plan ID"])
    let plan = try PlanImporter.load(written, details: .init(actionPlan: planID))
    let id = try #require(first.dataset.rows.first?["Commitment Unique Identifier"])
    #expect(plan.commitment(id)?.leadInstitution == "-Ministry of ICT")
  }

  @Test("a CSV among the reports is not read, and a sheet cannot claim a monitor: its own x_ cells are not taken")
  func sheetCannotClaimAMonitor() throws {
    let raw = try CSV.parse(Data(contentsOf: OGPOracleTests.excerpt), file: "excerpt")
    var rows = raw.map(\.fields)
    rows[0] += ["x_monitor", "x_report_sha256", "x_source"]
    for i in rows.indices.dropFirst() { rows[i] += ["SHA256:forged", "deadbeef", "official.csv"] }
    let inbox = TestSupport.temporaryFolder()
    let sheet = inbox.appendingPathComponent("notes.csv")
    try Data(CSV.encode(rows).utf8).write(to: sheet)
    // Dropped into a folder of reports, it is not even read: folders are searched for report.json only.
    #expect(try DatasetImporter(inputs: [inbox], trust: nil).dataset.rows.isEmpty)
    // Named as a sheet, it is imported without its x_ cells.
    let imported = try DatasetImporter(inputs: [sheet], trust: nil)
    #expect(imported.dataset.rows.count == rows.count - 1)
    #expect(imported.dataset.rows.allSatisfy { $0["x_monitor"] == nil && $0["x_report_sha256"] == nil })
    #expect(imported.dataset.rows.allSatisfy { $0["x_source"] == "notes.csv" })
    #expect(Summary(imported.dataset).overall.monitors == 0)
    #expect(
      imported.notices.contains { $0.contains("x_ column(s)") && $0.contains("x_monitor") }, "\(imported.notices)")
  }

  @Test("an input sheet that cannot be read is refused with a plain reason, not a Swift value")
  func unreadableSheet() throws {
    let missing = TestSupport.temporaryFolder().appendingPathComponent("no-such-sheet.csv")
    let result = try DatasetImporter(inputs: [missing], trust: nil)
    let reason = try #require(result.refused.first?.reason)
    #expect(reason == "cannot read the file: No such file or directory", "\(reason)")
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
