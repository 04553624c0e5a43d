import Foundation
import Testing
import VeedorAgreement
import VeedorReports
import VeedorTestSupport

/// A second reviewer scores the same plan in a workspace of their own; `veedor agreement` compares the
/// verified reports and the monitor records which reading stands.
@Suite("Second reviewer and agreement")
struct AgreementTests {
  /// The monitor's fixture, and a reviewer's report of the same plan differing on CLPLN0001 verifiable.
  static func reports() throws -> (ReportFixture, URL, URL, URL) {
    let f = try ReportFixture()
    let root = TestSupport.temporaryFolder("reviewer")
    let ws = root.appendingPathComponent("ws").path
    try FileManager.default.copyItem(
      atPath: TestSupport.packageRoot.appendingPathComponent("evidence").path, toPath: ws)
    let key = root.appendingPathComponent("reviewer.key").path
    try ReportFixture.run([
      "key", "generate", "--key", key, "--name", "Second Reviewer", "--email", "reviewer@example.org", "--unencrypted",
    ])
    try ReportFixture.run([
      "score", "CLPLN0001", "verifiable", "no", "--correct", "--rationale", "Milestones lack dates", "--evidence", "E1",
      "-w", ws,
    ])
    let out = root.appendingPathComponent("report")
    try ReportFixture.run(["report", "export", "--key", key, "--out", out.path, "-w", ws])
    let keys = root.appendingPathComponent("keys")
    try ReportFixture.run(["key", "export", "--key", key, "--out", keys.path, "-w", ws])
    let trust = root.appendingPathComponent("trusted_signers")
    let both =
      try String(contentsOf: f.keys.appendingPathComponent("allowed_signers"), encoding: .utf8)
      + String(contentsOf: keys.appendingPathComponent("allowed_signers"), encoding: .utf8)
    try Data(both.utf8).write(to: trust)
    return (f, out.appendingPathComponent("report.json"), trust, keys.appendingPathComponent("monitor.pub"))
  }

  @Test("the figures count what the two readers scored, and the one disagreement is listed with both rationales")
  func figures() throws {
    let (f, reviewer, trust, _) = try Self.reports()
    let result = try ReportFixture.run(["agreement", f.report.path, reviewer.path, "--trust", trust.path, "--json"])
    let agreement = try JSONDecoder().decode(ReaderAgreement.self, from: Data(result.stdout.utf8))
    #expect(agreement.readers.map(\.name) == ["Test Monitor", "Second Reviewer"])
    let verifiable = try #require(agreement.scales.first { $0.scale == "verifiable" })
    let pair = try #require(verifiable.pairs.first).agreement
    // Both readers scored verifiable on the same commitments; they differ on one of them.
    #expect(pair.items == verifiable.pairable && pair.items >= 2 && pair.agreed == pair.items - 1)
    #expect(pair.percentAgreement == Double(pair.items - 1) / Double(pair.items))
    #expect(agreement.disagreements.count == 1)
    let d = try #require(agreement.disagreements.first)
    #expect(d.commitment == "CLPLN0001" && d.scale == "verifiable")
    #expect(d.readings.map(\.levels) == [["yes"], ["no"]] && d.readings[1].rationale == "Milestones lack dates")
    // Scales they scored identically agree perfectly wherever agreement is defined.
    for scale in agreement.scales where scale.scale != "verifiable" {
      for p in scale.pairs where p.agreement.items > 0 { #expect(p.agreement.agreed == p.agreement.items) }
    }
    let text = try ReportFixture.run(["agreement", f.report.path, reviewer.path, "--trust", trust.path]).stdout
    #expect(text.contains("disagreements: 1") && text.contains("reader 2: no — Milestones lack dates"))
  }

  @Test("one report, another plan or other rubric bytes are refused; a report that does not verify is refused (exit 1)")
  func refusals() throws {
    let (f, reviewer, trust, _) = try Self.reports()
    var report = try JSONSerialization.jsonObject(with: Data(contentsOf: reviewer)) as! [String: Any]
    report["generated"] = "2099-01-01T00:00:00Z"
    let tampered = TestSupport.temporaryFolder().appendingPathComponent("report.json")
    try JSONSerialization.data(withJSONObject: report).write(to: tampered)
    let bad = try ReportFixture.run(["agreement", f.report.path, tampered.path, "--trust", trust.path], status: 1)
    #expect(bad.stderr.contains("does not verify: report signature: "), "\(bad.stderr)")
    let badES = try ReportFixture.run(
      ["agreement", f.report.path, tampered.path, "--trust", trust.path, "--lang", "es"], status: 1)
    #expect(badES.stderr.contains("no se verifica: firma del informe: "), "\(badES.stderr)")
    #expect(!badES.stderr.contains("report signature"), "\(badES.stderr)")
    let single = try ReportFixture.run(["agreement", f.report.path], status: 2)
    #expect(single.stderr.contains("two or more"))
    let a = try JSONDecoder().decode(Report.self, from: Data(contentsOf: f.report))
    var b = try JSONDecoder().decode(Report.self, from: Data(contentsOf: reviewer))
    let twice = try #require(throws: AgreementError.self) { try ReaderAgreement([a, a]) }
    #expect(twice.message.contains("same key"))
    #expect(throws: Never.self) { try ReaderAgreement([a, b]) }
    b.rubric.sha256 = String(repeating: "0", count: 64)
    #expect(throws: AgreementError.self) { try ReaderAgreement([a, b]) }
    b.plan.id = "AP_OTHER"
    let error = try #require(throws: AgreementError.self) { try ReaderAgreement([a, b]) }
    #expect(error.message == "report 2 is of plan AP_OTHER, report 1 of \(a.plan.id)")
  }

  @Test("the reconciliation is a ledger entry the report shows; a reviewer's reading must cite its correction")
  func reconcile() throws {
    let (f, reviewerReport, _, reviewerKey) = try Self.reports()
    try ReportFixture.run(["party", "add", "revisora", "--role", "reviewer", "--key", reviewerKey.path, "-w", f.ws])
    let missing = try ReportFixture.run(
      [
        "reconcile", "CLPLN0001", "verifiable", "--reviewer", "revisora", "--their-level", "no", "--stands", "reviewer",
        "--rationale", "x", "-w", f.ws,
      ], status: 2)
    #expect(missing.stderr.contains("must name the score"))
    try ReportFixture.run([
      "reconcile", "CLPLN0002", "verifiable", "--reviewer", "revisora", "--their-level", "yes", "--stands", "monitor",
      "--rationale", "Both read it the same", "-w", f.ws,
    ])
    // With the reviewer's own signed report, their reading comes from it with its proof.
    let contradicted = try ReportFixture.run(
      [
        "reconcile", "CLPLN0001", "verifiable", "--reviewer", "revisora", "--reviewer-report", reviewerReport.path,
        "--their-level", "yes", "--stands", "monitor", "--rationale", "x", "-w", f.ws,
      ], status: 2)
    #expect(contradicted.stderr.contains("the reviewer's report says no, not yes"), "\(contradicted.stderr)")
    try ReportFixture.run([
      "reconcile", "CLPLN0001", "verifiable", "--reviewer", "revisora", "--reviewer-report", reviewerReport.path,
      "--stands", "monitor", "--rationale", "The commitment page dates each milestone", "-w", f.ws,
    ])
    // A report signed by someone else than the registered reviewer proves nothing.
    let stranger = try Self.reports().1
    let forged = try ReportFixture.run(
      [
        "reconcile", "CLPLN0001", "verifiable", "--reviewer", "revisora", "--reviewer-report", stranger.path,
        "--stands", "monitor", "--rationale", "x", "-w", f.ws,
      ], status: 2)
    #expect(forged.stderr.contains("proof does not show their signed score"), "\(forged.stderr)")
    let out = TestSupport.temporaryFolder().appendingPathComponent("final")
    try ReportFixture.run(["report", "export", "--key", f.key, "--out", out.path, "-w", f.ws])
    let html = try String(contentsOf: out.appendingPathComponent("report.es.html"), encoding: .utf8)
    #expect(html.contains("Segundo revisor revisora (según lo registra el evaluador): su lectura yes"), "\(html.count)")
    #expect(html.contains("Segundo revisor revisora (lectura firmada por el revisor, punto de control de"))
    #expect(html.contains("su lectura no; se mantiene el puntaje del evaluador"))
    #expect(try f.verify(out.appendingPathComponent("report.json")).status == 0)
    // The canonical writer gives back every line of this ledger (corrections, parties, reconciliations).
    let types = try CanonicalJSONTests.checkLedger(URL(fileURLWithPath: f.ws).appendingPathComponent("ledger.jsonl"))
    #expect(types.contains(.scoreReconciled) && types.contains(.scoreCorrected) && types.contains(.partyAdded))
  }
}
