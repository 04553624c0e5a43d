import Foundation
import Testing
import VeedorReports
import VeedorSigning
import VeedorTestSupport
import VeedorVerify

/// The quarterly progress report: derived from the ledger, signed, re-derived by `verify`.
@Suite("Progress reports")
struct ProgressTests {
  @Test("quarters, in English or Spanish notation; anything else is not one")
  func quarters() {
    #expect(Report.ProgressRequest.quarter("2024-Q1") == .init(label: "2024-Q1", from: "2024-01-01", to: "2024-03-31"))
    #expect(Report.ProgressRequest.quarter("2024-t4") == .init(label: "2024-Q4", from: "2024-10-01", to: "2024-12-31"))
    #expect(Report.ProgressRequest.quarter("2024-Q2")?.to == "2024-06-30")
    for bad in ["2024-Q5", "2024-Q0", "24-Q1", "2024Q1", "2024-Q1x", ""] {
      #expect(Report.ProgressRequest.quarter(bad) == nil, "\(bad)")
    }
  }

  /// The cycle fixture with a year of example progress, a check-in, evidence, a score and a key.
  static func history() throws -> (CycleTests.Fixture, String) {
    let f = try CycleTests.Fixture()
    let day = { (d: String) in ["--date", d] }
    let april = 1_713_000_000  // 2024-04-13: every update below is dated before it
    #expect(
      try f.veedor(
        ["milestone", "update", "CLPLN0001.M2", "--status", "substantial", "--progress", "50"] + day("2023-12-20"),
        at: april
      ).status == 0)
    #expect(
      try f.veedor(
        ["milestone", "update", "CLPLN0001.M2", "--status", "complete", "--met", "2024-02-01"] + day("2024-02-02"),
        at: april
      ).status == 0)
    #expect(
      try f.veedor(
        ["milestone", "update", "CLPLN0001.M1", "--status", "limited", "--progress", "20"] + day("2024-03-10"),
        at: april
      ).status == 0)
    #expect(
      try f.veedor(
        ["milestone", "update", "CLPLN0001.M1", "--status", "substantial", "--progress", "60"] + day("2024-04-10"),
        at: 1_713_000_000
      ).status == 0)
    let minutes = f.root.appendingPathComponent("acta.txt")
    try Data("Acta".utf8).write(to: minutes)
    #expect(
      try f.veedor([
        "evidence", "add", "CLPLN0001", minutes.path, "--title", "Acta", "--kind", "meeting", "--date", "2024-03-10",
      ]).status == 0)
    #expect(
      try f.veedor([
        "evidence", "add", "plan", "--url", "https://example.org/ogp", "--title", "Site", "--kind", "webpage", "--date",
        "2024-01-10",
      ]).status == 0)
    #expect(
      try f.veedor(
        [
          "checkin", "add", "--date", "2024-03-10", "--unit", "Digital Commune", "--commitment", "CLPLN0001",
          "--reported", "Pilot",
        ], at: april
      ).status == 0)
    #expect(
      try f.veedor(
        ["checkin", "add", "--date", "2024-05-10", "--unit", "Digital Commune", "--reported", "Later"],
        at: 1_716_000_000
      ).status == 0)
    let key = f.root.appendingPathComponent("k/monitor.key").path
    #expect(
      try f.veedor(["key", "generate", "--key", key, "--name", "T", "--unencrypted"], workspace: false).status == 0)
    return (f, key)
  }

  @Test(
    "a quarter's report: changes in the period with the status before, progress now and before, overdue, upcoming, evidence, check-ins, the website rule"
  )
  func content() throws {
    let (f, key) = try Self.history()
    let out = f.root.appendingPathComponent("q1")
    let made = try f.veedor(
      ["report", "progress", "--period", "2024-Q1", "--key", key, "--out", out.path], at: 1_720_000_000)
    #expect(made.status == 0, "\(made.stderr)")
    let report = try JSONDecoder().decode(
      Report.self, from: Data(contentsOf: out.appendingPathComponent("report.json")))
    let p = try #require(report.progress)
    #expect(p.from == "2024-01-01" && p.to == "2024-03-31" && p.label == "2024-Q1")
    let c = try #require(p.commitments.first)
    // Before: M2 at 50% (weight 1) of (2 M1 + M2 + M3) = 12.5; at the end of March: M1 20% × 2 + M2 100% = 35.
    #expect(c.progressBefore == 12.5 && c.progress == 35)
    #expect(c.changes.map(\.update) == ["U2", "U3"])
    #expect(c.changes.first?.before == .substantial && c.changes.first?.status == .complete)
    #expect(c.changes.last?.before == .notStarted && c.changes.last?.progress == 20)
    #expect(c.overdue.map(\.id) == ["CLPLN0001.M1"])  // due 2023-06, only limited
    #expect(c.upcoming.map(\.id) == ["CLPLN0001.M3"])  // due 2024-06
    #expect(c.evidence == ["E1"] && c.checkins == ["C1"])
    #expect(p.checkins.map(\.id) == ["C1"])
    #expect(p.websiteUpdated == "2024-01-10" && p.websiteWithinFourMonths)
    let es = try String(contentsOf: out.appendingPathComponent("progress.es.md"), encoding: .utf8)
    #expect(es.contains("Informe de avance 2024\\-Q1") && es.contains("sustancial → completo"))
    let en = try String(contentsOf: out.appendingPathComponent("progress.en.html"), encoding: .utf8)
    #expect(en.contains("<html lang=\"en\">") && en.contains("not started → limited, 20%"))
    // Later quarter: the website seen in January is more than four months old by the end of September.
    let q3 = f.root.appendingPathComponent("q3")
    #expect(
      try f.veedor(["report", "progress", "--period", "2024-T3", "--key", key, "--out", q3.path], at: 1_730_000_000)
        .status == 0)
    let late = try JSONDecoder().decode(Report.self, from: Data(contentsOf: q3.appendingPathComponent("report.json")))
    // A milestone due in a month (2024-06) is upcoming at that month's last day, not lost between the lists.
    let q2 = f.root.appendingPathComponent("q2")
    #expect(
      try f.veedor(["report", "progress", "--period", "2024-Q2", "--key", key, "--out", q2.path], at: 1_730_000_000)
        .status == 0)
    let june = try JSONDecoder().decode(Report.self, from: Data(contentsOf: q2.appendingPathComponent("report.json")))
    #expect(june.progress?.commitments.first?.upcoming.map(\.id) == ["CLPLN0001.M3"])
    #expect(
      late.progress?.websiteWithinFourMonths == false && late.progress?.commitments.first?.changes.isEmpty == true)
  }

  @Test(
    "verify re-derives it: each re-signed edit of the progress fails, and so does a progress page beside another report"
  )
  func resignedEdits() throws {
    let (f, key) = try Self.history()
    let out = f.root.appendingPathComponent("q1")
    #expect(
      try f.veedor(["report", "progress", "--period", "2024-Q1", "--key", key, "--out", out.path], at: 1_720_000_000)
        .status == 0)
    let keys = f.root.appendingPathComponent("public")
    #expect(try f.veedor(["key", "export", "--key", key, "--out", keys.path], workspace: false).status == 0)
    let trust = keys.appendingPathComponent("allowed_signers")
    let url = out.appendingPathComponent("report.json")
    #expect(ReportVerifier.verify(url, options: .init(trust: trust)).verified)
    let monitor = try KeyFile.read(URL(fileURLWithPath: key), passphrase: { "" })
    let original = try JSONDecoder().decode(Report.self, from: Data(contentsOf: url))
    let edits: [(String, (inout Report) -> Void)] = [
      ("$.progress.commitments[0].progress", { $0.progress?.commitments[0].progress = 90 }),
      ("$.progress.commitments[0].changes[0].before", { $0.progress?.commitments[0].changes[0].before = .limited }),
      ("$.progress.commitments[0].overdue[0]", { $0.progress?.commitments[0].overdue.removeAll() }),
      ("$.progress.websiteWithinFourMonths", { $0.progress?.websiteWithinFourMonths = false }),
      ("$.progress.checkins[0]", { $0.progress?.checkins.removeAll() }),
    ]
    try MonitorAdversaryTests.expectEachEditFails(original, edits, key: monitor, trust: trust)
    // The label is what every page's title says: renaming the period, or any other label, is refused.
    for label in ["2024-Q2", "Q1 2024", "2024-01-01–2024-06-30"] {
      var renamed = original
      renamed.progress?.label = label
      let result = ReportVerifier.verify(
        try MonitorAdversaryTests.resigned(renamed, key: monitor).appendingPathComponent("report.json"),
        options: .init(trust: trust))
      #expect(result.firstFailure?.detail.contains("does not name the period") == true, "\(label): \(result.steps)")
    }
    var plain = original
    plain.progress = nil
    let folder = try MonitorAdversaryTests.resigned(plain, key: monitor)
    try Data("<p>Avance 100%</p>".utf8).write(to: folder.appendingPathComponent("progress.es.html"))
    let stray = ReportVerifier.verify(folder.appendingPathComponent("report.json"), options: .init(trust: trust))
    #expect(
      stray.firstFailure?.name == "renderings" && stray.firstFailure?.detail.contains("not a progress report") == true)
  }
}
