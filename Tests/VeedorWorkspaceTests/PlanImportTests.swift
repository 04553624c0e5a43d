import Foundation
import Testing
import VeedorPlan
import VeedorRecords
import VeedorTestSupport
import VeedorWorkspace

func fixture(_ name: String) -> URL {
  TestSupport.packageRoot.appendingPathComponent("Tests/VeedorWorkspaceTests/Fixtures/\(name)")
}

/// Writes text (or bytes) to a new temporary file.
func temporaryFile(_ name: String, _ contents: Data) throws -> URL {
  let url = TestSupport.temporaryFolder().appendingPathComponent(name)
  try contents.write(to: url)
  return url
}

@Suite("Plan import")
struct PlanImportTests {
  @Test("dates: ISO, OGP's loose forms, and impossible dates")
  func dates() {
    #expect(PlanDate(iso: "2022-01")?.description == "2022-01")
    #expect(PlanDate(iso: "2024-02-29") != nil && PlanDate(iso: "2023-02-29") == nil)
    #expect(PlanDate(iso: "2022-13") == nil && PlanDate(iso: "22-01-01") == nil && PlanDate(iso: "2022/01/01") == nil)
    #expect(PlanDate(ogp: "3/1/2021")?.description == "2021-03-01")
    #expect(PlanDate(ogp: "10/1/18")?.description == "2018-10-01")
    #expect(PlanDate(ogp: "August 2014")?.description == "2014-08")
    #expect(PlanDate(ogp: "31/12/2016")?.description == "2016-12-31")
    #expect(PlanDate(ogp: "IV quarter of 2021")?.description == "2021")
    #expect(PlanDate(ogp: "43525")?.description == "2019-03-01")
    #expect(PlanDate(ogp: "Ongoing") == nil && PlanDate(ogp: "soon") == nil)
  }

  @Test("CSV: quotes, doubled quotes, multi-line cells and CRLF survive; line numbers are kept")
  func csv() throws {
    let text = "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",z\n"
    let rows = try CSV.parse(Data(text.utf8), file: "t.csv")
    #expect(rows.map(\.fields) == [["a", "b"], ["x, y", "say \"hi\""], ["multi\nline", "z"]])
    #expect(rows.map(\.line) == [1, 2, 3])
    #expect(try CSV.parse(Data(CSV.encode(rows.map(\.fields)).utf8), file: "t").map(\.fields) == rows.map(\.fields))
    #expect(throws: PlanError.self) { try CSV.parse(Data("a\n\"open\n".utf8), file: "t") }
  }

  @Test("the committed excerpt of OGP's sheet imports, with missing-value codes and multi-line cells")
  func ogpExcerpt() throws {
    let rows = try CSV.parse(try Data(contentsOf: fixture("ogp-sheet-excerpt.csv")), file: "excerpt")
    let sheet = try OGPSheet(rows: rows, file: "excerpt")
    #expect(sheet.headers.count == 171 && sheet.records.count == 6)
    let plan = try sheet.plan("AP_CHL05", file: "excerpt")
    let c = try #require(plan.commitment("CL0069"))
    #expect(c.start?.description == "2021-03-01" && c.end?.description == "2022-06-30")
    #expect(plan.member == "Chile" && plan.memberCode == "CHL")
    let chl06 = try sheet.plan("AP_CHL06", file: "excerpt")
    #expect(chl06.commitments.first?.start == nil)
    let argentina = try sheet.plan("AP_ARG04", file: "excerpt")
    #expect(argentina.commitments.first?.leadInstitution?.contains("\n") == true)
    #expect(sheet.records.contains { $0.values["Did It Open Government (Overall)"] == "Worsens" })
    #expect(throws: PlanError.self) { try sheet.plan("AP_NONE01", file: "excerpt") }
  }

  @Test("the whole OGP export in ../shared imports every one of its 558 rows and 171 columns")
  func wholeSheet() throws {
    let url = TestSupport.shared.appendingPathComponent("data/ogp-commitments-open-parliament-2024-07.csv")
    guard FileManager.default.fileExists(atPath: url.path) else {
      print("SKIPPED: \(url.path) is not present")
      return
    }
    let sheet = try OGPSheet(rows: try CSV.parse(try Data(contentsOf: url), file: url.path), file: url.path)
    #expect(sheet.records.count == 558 && sheet.headers.count == 171)
    #expect(sheet.records.allSatisfy { $0.values.count == 171 })
    var commitments = 0
    for planID in sheet.planIDs {
      let plan = try sheet.plan(planID, file: url.path)
      try PlanImporter.check(plan, file: url.path)
      commitments += plan.commitments.count
    }
    #expect(commitments == 558)
  }

  @Test(
    "bad plan CSVs name file, line and field",
    arguments: [
      ("id,title_en,start\nX0001,Title\n", 2, nil as String?),
      ("id,title_en,start\nX0001,Title,2022-02-30\n", 2, "start"),
      ("id,title_en\nX0001,One\nX0001,Two\n", 3, "id"),
      ("id,title_en,colour\nX0001,One,red\n", 1, "colour"),
      ("id,title_en\nX 1,One\n", 2, "id"),
    ])
  func badCSV(text: String, line: Int, field: String?) throws {
    let url = try temporaryFile("plan.csv", Data(text.utf8))
    #expect {
      try PlanImporter.load(url)
    } throws: { error in
      let e = error as? PlanError
      return e?.file == url.path && e?.line == line && e?.field == field && e?.code == .badInput
    }
  }

  @Test("invalid UTF-8 is refused with its line")
  func invalidUTF8() throws {
    let url = try temporaryFile("plan.csv", Data("id,title_en\nX0001,ok\nX0002,caf".utf8) + Data([0xE9, 0x0A]))
    #expect {
      try PlanImporter.load(url)
    } throws: { error in
      let e = error as? PlanError
      return e?.line == 3 && e?.description.contains("UTF-8") == true
    }
  }

  @Test("a JSON plan with a wrong type names the field")
  func badJSON() throws {
    let url = try temporaryFile(
      "plan.json",
      Data(
        #"{"format":"veedor-plan/1","id":"AP_X01","member":"X","leadInstitutions":[],"commitments":[{"id":"X0001","title":{"en":"t"},"supportingInstitutions":[],"milestones":[],"start":"2022-99"}]}"#
          .utf8))
    #expect {
      try PlanImporter.load(url)
    } throws: { error in
      (error as? PlanError)?.field == "commitments[0].start"
    }
  }

  @Test("with no rubric folder at all, the rubrics built into the binary are found, byte for byte")
  func builtInRubrics() throws {
    let library = RubricLibrary(folders: [TestSupport.temporaryFolder("no-rubrics")])
    #expect(
      Set(library.all().map(\.rubric.id)) == ["irm-2017", "irm-2020", "irm-2021", "irm-legacy", "ogp-local-2021"])
    #expect(library.all().allSatisfy { $0.source.hasPrefix("(built in) ") })
    let (data, rubric) = try library.load("ogp-local-2021")
    #expect(rubric.id == "ogp-local-2021")
    #expect(
      data == (try Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("rubrics/ogp-local-2021.json"))))
  }
}

/// Ledger times are written without a date formatter; they must be what ISO 8601 formatting gives.
@Suite("Ledger timestamps")
struct TimestampTests {
  @Test("Act.timestamp equals ISO 8601 in UTC for dates across four centuries, leap days and negative times")
  func matchesFormatter() {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(identifier: "UTC")
    var seed: UInt64 = 42
    var dates: [Double] = [0, -1, 951_782_400, 951_868_799, 4_107_542_400, -2_208_988_800, 1_700_000_000.9]
    for _ in 0..<2_000 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      dates.append(Double(Int64(bitPattern: seed >> 1) % 12_000_000_000) - 2_000_000_000)
    }
    for seconds in dates {
      let date = Date(timeIntervalSince1970: seconds)
      #expect(Act.timestamp(date) == formatter.string(from: date), "\(seconds)")
    }
  }
}
