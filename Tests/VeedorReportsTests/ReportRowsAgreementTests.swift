import Foundation
import Testing
import VeedorDataset
import VeedorTestSupport

/// A report's rows in OGP's columns say what the signed report says: a figure the rubric computes
/// under an OGP column's name, and a scale the rubric writes into an OGP column, are not contradicted by
/// the derived columns the export computes beside them.
@Suite("A report's OGP rows agree with the report")
struct ReportRowsAgreementTests {
  static let sheet = TestSupport.packageRoot.appendingPathComponent(
    "Tests/VeedorWorkspaceTests/Fixtures/ogp-sheet-excerpt.csv")

  /// A workspace on one plan of the excerpt, with one evidence item for `commitment`.
  static func workspace(_ plan: String, _ rubric: String, _ commitment: String) throws -> String {
    let ws = TestSupport.temporaryFolder().appendingPathComponent("ws").path
    try ReportFixture.run(["init", ws, "--plan", sheet.path, "--action-plan", plan, "--rubric", rubric])
    try ReportFixture.run([
      "evidence", "add", commitment, "--url", "https://example.org/page", "--title", "Commitment page", "-w", ws,
    ])
    return ws
  }

  /// Signs a report of the workspace and exports its rows; returns the report's JSON and the row of
  /// `commitment`.
  static func export(_ ws: String, _ commitment: String) throws -> ([String: Any], [String: String]) {
    let key = TestSupport.temporaryFolder().appendingPathComponent("monitor.key").path
    try ReportFixture.run([
      "key", "generate", "--key", key, "--name", "Test Monitor", "--email", "monitor@example.org", "--unencrypted",
    ])
    let out = TestSupport.temporaryFolder().appendingPathComponent("out")
    try ReportFixture.run(["report", "export", "-w", ws, "--key", key, "--out", out.path])
    let reportURL = out.appendingPathComponent("report.json")
    let csv = TestSupport.temporaryFolder().appendingPathComponent("rows.csv")
    try ReportFixture.run(["export", "--format", "ogp-csv", "--report", reportURL.path, "--out", csv.path])
    let rows = try Dataset.parse(csv: Data(contentsOf: csv), file: csv.path).rows
    let row = try #require(rows.first { $0["Commitment Unique Identifier"] == commitment })
    let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: reportURL)) as? [String: Any])
    return (report, row)
  }

  /// The report's value of one aggregate: (count, total).
  static func aggregate(_ report: [String: Any], _ id: String) -> (Int?, Int?) {
    let all = report["aggregates"] as? [[String: Any]] ?? []
    let value = all.compactMap { ($0["value"] as? [String: Any]) ?? $0 }.first { $0["id"] as? String == id }
    return (value?["count"] as? Int, value?["total"] as? Int)
  }

  @Test("technology alone is not relevant: the export's High Ambition is the report's high-ambition figure")
  func technologyAlone() throws {
    let ws = try Self.workspace("AP_HRV02", "irm-legacy", "HR0024")
    for (scale, level) in [
      ("specificity", "medium"), ("relevance", "technology-innovation"), ("potential-impact", "moderate"),
    ] {
      try ReportFixture.run(["score", "HR0024", scale, level, "--rationale", "r", "--evidence", "E1", "-w", ws])
    }
    let (report, row) = try Self.export(ws, "HR0024")
    let (count, total) = Self.aggregate(report, "high-ambition")
    #expect(count == 0 && total == 1, "\(String(describing: count)) of \(String(describing: total))")
    #expect(row["OGP Value Technology"] == "1" && row["OGP Value Access To Information"] == "0")
    #expect(row["_Relevant"] == "0" && row["High Ambition"] == "0", "\(row["High Ambition"] ?? "")")
    #expect(row["Binding constraint"] == "Rel")
    // The original method's Verifiable follows Specificity, as on every such row of OGP's sheet.
    #expect(row["Specificity"] == "Medium" && row["Verifiable"] == "Yes")
  }

  @Test("an unreviewed commitment of the original method is Not reviewed, as OGP's sheet writes it")
  func unreviewedLegacy() throws {
    let ws = try Self.workspace("AP_HRV02", "irm-legacy", "HR0024")
    let (_, row) = try Self.export(ws, "HR0024")
    #expect(row["Specificity"] == "NR" && row["Verifiable"] == "NR")
    #expect(row["Not reviewed"] == "1" && row["IRM-Based Score"] == "-1" && row["Binding constraint"] == "NR")
  }

  @Test("the open government lens the monitor scored is the export's _Relevant, whatever the value columns say")
  func lensKept() throws {
    let ws = try Self.workspace("AP_CHL06", "irm-2021", "CL0081")
    for (scale, level) in [
      ("verifiable", "yes"), ("open-government-lens", "no"), ("ogp-values", "access-to-information"),
    ] {
      try ReportFixture.run(["score", "CL0081", scale, level, "--rationale", "r", "--evidence", "E1", "-w", ws])
    }
    let (report, row) = try Self.export(ws, "CL0081")
    let (count, total) = Self.aggregate(report, "relevant")
    #expect(count == 0 && total == 1)
    #expect(row["OGP Value Access To Information"] == "1")
    #expect(row["_Relevant"] == "0", "\(row["_Relevant"] ?? "")")
    #expect(row["Binding constraint"] == "Rel")
  }
}
