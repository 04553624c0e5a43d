import Foundation
import Testing
import VeedorDataset
import VeedorReports
import VeedorRubric
import VeedorTestSupport
import VeedorVerify

/// Every input the fuzzers (scripts/fuzz.sh) found crashing, replayed through the same readers.
@Suite("Fuzzer regressions")
struct FuzzRegressionTests {
  static let folder = TestSupport.packageRoot.appendingPathComponent("Tests/VeedorReportsTests/Fixtures/fuzz-crashes")

  @Test("report.json inputs that once crashed verify, render and OGP export")
  func reports() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasPrefix("report-") }
    #expect(!names.isEmpty)
    for name in names {
      let url = Self.folder.appendingPathComponent(name)
      #expect(!ReportVerifier.verify(url).verified)
      let data = try Data(contentsOf: url)
      if let report = try? JSONDecoder().decode(Report.self, from: data) {
        _ = HTMLReport.render(report, language: .es)
        _ = MarkdownReport.render(report, language: .en)
        _ = ReportRows.rows(report, reportSHA256: "")
      }
      // export verifies first: a report that does not verify exports nothing and exits 1, never crashes.
      let export = try TestSupport.veedor(["export", "--report", url.path])
      #expect(export.status == 1 && export.stdout.isEmpty, "\(name): \(export.stderr)")
    }
  }

  @Test("a rubric with two aggregates of the same id is refused, not a crash later")
  func duplicateAggregates() throws {
    var rubric =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("rubrics/irm-2021.json")))
      as! [String: Any]
    var aggregates = rubric["aggregates"] as! [Any]
    aggregates.append(aggregates[0])
    rubric["aggregates"] = aggregates
    let problems = RubricValidator.validate(try JSONSerialization.data(withJSONObject: rubric))
    #expect(problems.contains { $0.message.hasPrefix("duplicate id") })
  }
}
