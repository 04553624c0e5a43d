import Foundation
import Testing
import VeedorLedger
import VeedorReports
import VeedorSigning
import VeedorTestSupport
import VeedorVerify

/// OGP Local's two assessment forms as signed reports: the Inception Assessment (co-creation questions
/// about the plan, then each commitment's design scales) and the End-of-Commitment Assessment.
@Suite("OGP Local forms: Inception and End-of-Commitment Assessments")
struct FormTests {
  /// The bundled example with a golden key; `SOURCE_DATE_EPOCH` fixes the clock of every act.
  struct Fixture {
    let root = TestSupport.temporaryFolder("forms")
    let ws: String
    let key: URL

    init() throws {
      (ws, key) = try GoldenTests.workspace(in: root)
    }

    /// Runs veedor in the workspace at a fixed time, returning its result unchecked.
    func veedor(_ args: [String], at epoch: Int = 1_700_000_000) throws -> TestSupport.Result {
      try TestSupport.veedor(args + ["-w", ws], environment: ["SOURCE_DATE_EPOCH": String(epoch)])
    }

    /// Exports a form into a new folder and returns its report.json.
    func export(_ form: [String], status: Int32 = 0) throws -> (URL, TestSupport.Result) {
      let out = root.appendingPathComponent("out-\(UUID().uuidString.prefix(6))")
      let result = try veedor(["report", "export", "--key", key.path, "--out", out.path] + form)
      #expect(result.status == status, "\(result.stderr)")
      return (out.appendingPathComponent("report.json"), result)
    }

    func report(_ url: URL) throws -> Report { try JSONDecoder().decode(Report.self, from: Data(contentsOf: url)) }

    /// Stores `count` small files as evidence for a commitment; returns their ids.
    func addFiles(_ count: Int, to commitment: String) throws -> [String] {
      try (1...count).map { i in
        let file = root.appendingPathComponent("f\(i).txt")
        try Data("file \(i)".utf8).write(to: file)
        let added = try veedor(["evidence", "add", commitment, file.path, "--title", "F\(i)", "--kind", "document"])
        return added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
      }
    }
  }

  @Test("the Inception Assessment: both languages, the form's order, its deadline and gaps, and it verifies")
  func inception() throws {
    let f = try Fixture()
    let (url, _) = try f.export(["--form", "inception"])
    let report = try f.report(url)
    let form = try #require(report.form)
    #expect(form.id == "inception" && form.commitment == nil)
    // The plan was submitted on 2021-11-16; the form is due two months later.
    #expect(form.countedFrom == "2021-11-16" && form.due == "2022-01-16")
    // The example answers four co-creation questions from the plan's text and leaves one open.
    #expect(
      report.process?.scores.map(\.scale) == ["forum", "forum-multi-stakeholder", "plan-endorsed", "process-website"])
    #expect(form.missing.first == Report.FormGap(commitment: nil, scale: "information-shared"))
    #expect(form.missing.contains(Report.FormGap(commitment: "CLPLN0003", scale: "verifiable")))
    #expect(!form.missing.contains(Report.FormGap(commitment: "CLPLN0001", scale: "verifiable")))
    let folder = url.deletingLastPathComponent()
    let es = try String(contentsOf: folder.appendingPathComponent("form.es.html"), encoding: .utf8)
    let en = try String(contentsOf: folder.appendingPathComponent("form.en.md"), encoding: .utf8)
    #expect(es.contains("<html lang=\"es\">") && es.contains("Informe Inicial"))
    #expect(es.contains("Sección 1: Proceso de co-creación") && es.contains("Aún sin respuesta."))
    #expect(en.hasPrefix("<!-- \(MarkdownReport.renderer) form -->\n# Inception Assessment"))
    let order = ["1\\.1 Forum", "1\\.5 Information", "Section 2: Commitments", "2\\.1 Verifiable", "2\\.4 Kind"]
    let positions = order.map { en.range(of: $0)?.lowerBound }
    #expect(positions.allSatisfy { $0 != nil } && positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    #expect(es.contains("Valores de OGP que declara el plan"), "the plan's claimed values beside the coding")
    let trust = try Self.trust(f)
    let result = ReportVerifier.verify(url, options: .init(trust: trust))
    #expect(result.verified, "\(result.steps)")
    #expect(result.steps.last?.detail.contains("form.es.html") == true)
    // Published, the site links the form and shows its page as verified, and the plan's answers by title.
    let site = f.root.appendingPathComponent("site")
    let keys = trust.deletingLastPathComponent()
    #expect(try f.veedor(["publish", "--out", site.path, "--report", folder.path, "--keys", keys.path]).status == 0)
    let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(index.contains("<a href=\"form.html\">Informe Inicial</a>") && index.contains("Preguntas sobre el plan"))
    #expect(index.contains("Información compartida antes de las reuniones") && !index.contains("information-shared"))
    #expect(
      try Data(contentsOf: site.appendingPathComponent("form.html"))
        == Data(contentsOf: folder.appendingPathComponent("form.es.html")))
  }

  @Test("the End-of-Commitment Assessment is due one month after completion is first recorded as complete")
  func endOfCommitment() throws {
    let f = try Fixture()
    let minutes = f.root.appendingPathComponent("acta.txt")
    try Data("Acta de cierre".utf8).write(to: minutes)
    #expect(
      try f.veedor(["evidence", "add", "CLPLN0002", minutes.path, "--title", "Acta", "--kind", "meeting"]).status == 0)
    #expect(
      try f.veedor(["score", "CLPLN0002", "completion", "substantial", "--rationale", "Most done", "--evidence", "E6"])
        .status == 0)
    let (early, _) = try f.export(["--form", "end-of-commitment", "--commitment", "clpln0002"])
    #expect(try f.report(early).form?.due == nil)
    #expect(try f.report(early).form?.commitment == "CLPLN0002")
    let page = try String(
      contentsOf: early.deletingLastPathComponent().appendingPathComponent("form.en.md"), encoding: .utf8)
    #expect(page.contains("not due yet: Completion has not been recorded as Complete"))
    // 2024-01-31 12:00 UTC: one month later is the last day of February of a leap year.
    let correction = [
      "score", "CLPLN0002", "completion", "complete", "--correct", "--rationale", "Done", "--evidence", "E6",
    ]
    #expect(try f.veedor(correction, at: 1_706_702_400).status == 0)
    let (url, _) = try f.export(["--form", "end-of-commitment", "--commitment", "CLPLN0002"])
    let form = try #require(try f.report(url).form)
    #expect(form.countedFrom == "2024-01-31" && form.due == "2024-02-29")
    #expect(form.files == ["E6"])
    #expect(form.missing.map(\.scale).first == "diog-access-to-information-results")
    let es = try String(
      contentsOf: url.deletingLastPathComponent().appendingPathComponent("form.es.md"), encoding: .utf8)
    #expect(es.contains("Informe de fin de compromiso") && es.contains("1 de un máximo de 3, de hasta 10 MB cada uno"))
    #expect(ReportVerifier.verify(url, options: .init(trust: try Self.trust(f))).verified)
    // Corrected away from complete, the form is not due; back to complete, it counts from the first time.
    let back = [
      "score", "CLPLN0002", "completion", "substantial", "--correct", "--rationale", "Reopened", "--evidence", "E6",
    ]
    #expect(try f.veedor(back, at: 1_709_251_200).status == 0)
    #expect(
      try f.report(try f.export(["--form", "end-of-commitment", "--commitment", "CLPLN0002"]).0).form?.due == nil)
    #expect(try f.veedor(correction, at: 1_712_000_000).status == 0)
    #expect(
      try f.report(try f.export(["--form", "end-of-commitment", "--commitment", "CLPLN0002"]).0).form?.due
        == "2024-02-29")
  }

  @Test("more than 3 evidence files, or one over 10 MB, is refused before the ledger changes (exit 2)")
  func evidenceLimits() throws {
    let f = try Fixture()
    let ids = try f.addFiles(4, to: "CLPLN0002")
    #expect(ids == ["E6", "E7", "E8", "E9"])
    let score = ["score", "CLPLN0002", "completion", "complete", "--rationale", "Done", "--evidence"]
    #expect(try f.veedor(score + [ids.joined(separator: ",")]).status == 0)
    let ledger = URL(fileURLWithPath: f.ws + "/ledger.jsonl")
    let before = try Data(contentsOf: ledger)
    let (_, refused) = try f.export(["--form", "end-of-commitment", "--commitment", "CLPLN0002"], status: 2)
    #expect(refused.stderr.contains("at most 3 evidence files; its answers cite 4 (E6, E7, E8, E9)"))
    #expect(try Data(contentsOf: ledger) == before, "nothing appended or signed")
    let big = f.root.appendingPathComponent("big.bin")
    try Data(count: 10 * 1024 * 1024 + 1).write(to: big)
    #expect(
      try f.veedor(["evidence", "add", "CLPLN0001", big.path, "--title", "Big", "--kind", "document"]).status == 0)
    #expect(
      try f.veedor(["score", "CLPLN0001", "completion", "complete", "--rationale", "Done", "--evidence", "E10"]).status
        == 0)
    let (_, large) = try f.export(["--form", "end-of-commitment", "--commitment", "CLPLN0001"], status: 2)
    #expect(large.stderr.contains("E10 (big.bin) has 10485761"))
  }

  @Test("questions about the plan are scored on the plan, and commitment scales on commitments")
  func subjects() throws {
    let f = try Fixture()
    let onCommitment = try f.veedor([
      "score", "CLPLN0001", "information-shared", "no", "--rationale", "x", "--evidence", "E1",
    ])
    #expect(
      onCommitment.status == 2 && onCommitment.stderr.contains("is a question about the plan: score it on AP_CLPLN01"))
    let onPlan = try f.veedor(["score", "plan", "verifiable", "yes", "--rationale", "x", "--evidence", "E4"])
    #expect(onPlan.status == 2 && onPlan.stderr.contains("unknown scale 'verifiable' (valid: forum,"))
    let ok = try f.veedor([
      "score", "plan", "information-shared", "no", "--rationale", "Not in the plan", "--evidence", "E4",
    ])
    #expect(ok.status == 0 && ok.stdout.contains("AP_CLPLN01 information-shared = no"))
    let status = try f.veedor(["status", "--json"])
    let json = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
    let forms = json?["forms"] as? [[String: Any]]
    #expect(forms?.first?["due"] as? String == "2022-01-16")
    #expect((forms?.first?["missing"] as? [String])?.contains("information-shared") == false)
    let unknown = try f.export(["--form", "closing"], status: 2).1
    #expect(unknown.stderr.contains("has no form 'closing' (forms: inception, end-of-commitment)"))
    let noCommitment = try f.export(["--form", "end-of-commitment"], status: 2).1
    #expect(noCommitment.stderr.contains("is about one commitment"))
  }

  @Test("each edit of a form's derived fields, re-signed by the monitor, fails verify; so does a stray form page")
  func resignedEdits() throws {
    let f = try Fixture()
    let (url, _) = try f.export(["--form", "inception"])
    let key = try KeyFile.read(f.key, passphrase: { "" })
    let original = try f.report(url)
    let trust = try Self.trust(f)
    let edits: [(String, (inout Report) -> Void)] = [
      ("$.form.due", { $0.form?.due = "2023-12-31" }),
      ("$.form.countedFrom", { $0.form?.countedFrom = "2023-11-01" }),
      ("$.form.missing[0].commitment", { $0.form?.missing.removeFirst() }),
      ("$.form.title.es", { $0.form?.title.es = "Informe Final" }),
      ("$.process.missing[0]", { $0.process?.missing = [] }),
      ("$.process.scores[0].history[0].rationale", { $0.process?.scores[0].rewriteRationale("A standing forum.") }),
    ]
    try MonitorAdversaryTests.expectEachEditFails(original, edits, key: key, trust: trust)
    // Dropping the form makes a valid general report, but the form's pages beside it are then unsigned claims.
    var plain = original
    plain.form = nil
    let folder = try MonitorAdversaryTests.resigned(plain, key: key)
    try Data("<html lang=\"es\">Informe Inicial</html>".utf8).write(to: folder.appendingPathComponent("form.es.html"))
    let result = ReportVerifier.verify(folder.appendingPathComponent("report.json"), options: .init(trust: trust))
    #expect(result.firstFailure?.name == "renderings")
    #expect(
      result.firstFailure?.detail.contains("form.es.html lies beside a report that is not an assessment form") == true)
    // An edited page of a true form fails too.
    let page = url.deletingLastPathComponent().appendingPathComponent("form.en.md")
    let text = try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "Partly", with: "Yes")
    try Data(text.utf8).write(to: page)
    #expect(ReportVerifier.verify(url, options: .init(trust: trust)).firstFailure?.name == "renderings")
  }

  /// A new workspace of the bundled example's plan as `edit` changes it, with an unencrypted key;
  /// `created` is the result of `veedor init` (the workspace exists only when it succeeded).
  static func newWorkspace(
    rubric: String = "ogp-local-2021", _ edit: (inout [String: Any]) -> Void
  ) throws -> (ws: String, key: String, created: TestSupport.Result) {
    let root = TestSupport.temporaryFolder("forms-plan")
    let source = TestSupport.packageRoot.appendingPathComponent("evidence/plan.json")
    var plan = try JSONSerialization.jsonObject(with: Data(contentsOf: source)) as! [String: Any]
    edit(&plan)
    let planFile = root.appendingPathComponent("plan.json")
    try JSONSerialization.data(withJSONObject: plan).write(to: planFile)
    let ws = root.appendingPathComponent("ws").path
    let key = root.appendingPathComponent("keys/monitor.key").path
    let created = try TestSupport.veedor(["init", ws, "--plan", planFile.path, "--rubric", rubric])
    try ReportFixture.run(["key", "generate", "--key", key, "--name", "M", "--unencrypted"])
    return (ws, key, created)
  }

  @Test("a deadline known only to the month lasts to the month's end; a plan dated only to the year gives none")
  func partialDates() throws {
    let (ws, key, created) = try Self.newWorkspace { $0["submitted"] = "2024-03" }
    #expect(created.status == 0, "\(created.stderr)")
    func run(_ args: [String], at epoch: Int) throws -> TestSupport.Result {
      try TestSupport.veedor(args + ["-w", ws], environment: ["SOURCE_DATE_EPOCH": String(epoch)])
    }
    func page(at epoch: Int) throws -> String {
      let out = TestSupport.temporaryFolder("forms-out").appendingPathComponent("f")
      let result = try run(["report", "export", "--form", "inception", "--key", key, "--out", out.path], at: epoch)
      #expect(result.status == 0, "\(result.stderr)")
      return try String(contentsOf: out.appendingPathComponent("form.en.md"), encoding: .utf8)
    }
    // Due 2024-05: on its last day, 2024-05-31, neither late nor past due.
    let lastDay = try page(at: 1_717_156_800)
    #expect(lastDay.contains("Due: 2024\\-05 \\(2 month\\(s\\) after the plan's submission on 2024\\-03\\)"))
    #expect(!lastDay.contains("after the deadline"))
    #expect(!(try run(["status"], at: 1_717_156_800).stdout.contains("past due")))
    // 2024-06-01: late.
    #expect(try page(at: 1_717_200_000).contains("signed on 2024\\-06\\-01, after the deadline"))
    #expect(try run(["status"], at: 1_717_200_000).stdout.contains("due 2024-05 (past due)"))
    // A plan dated only to the year: the deadline is unknown, and said so with the year the plan gives.
    let (yearWS, yearKey, _) = try Self.newWorkspace { $0["submitted"] = "2024" }
    let out = TestSupport.temporaryFolder("forms-out").appendingPathComponent("f")
    let exported = try ReportFixture.run([
      "report", "export", "--form", "inception", "--key", yearKey, "--out", out.path, "-w", yearWS,
    ])
    let report = try JSONDecoder().decode(
      Report.self, from: Data(contentsOf: out.appendingPathComponent("report.json")))
    #expect(report.form?.countedFrom == "2024" && report.form?.due == nil)
    #expect(exported.stderr.contains("due unknown (the plan gives only the year of its submission, 2024)"))
    let text = try String(contentsOf: out.appendingPathComponent("form.en.md"), encoding: .utf8)
    #expect(text.contains("Due: unknown: the plan gives only the year of its submission \\(2024\\)"))
    #expect(
      try ReportFixture.run(["status", "-w", yearWS]).stdout.contains(
        "the plan gives only the year of its submission, 2024"))
  }

  @Test("a plan whose id is also a commitment's is refused with a rubric that asks about the plan, and in a report")
  func planIDClash() throws {
    let clash = try Self.newWorkspace { $0["id"] = "clpln0001" }
    #expect(clash.created.status == 2)
    #expect(clash.created.stderr.contains("field 'id': the plan's id 'clpln0001' is also commitment CLPLN0001's"))
    // A rubric without questions about the plan is as before.
    #expect(try Self.newWorkspace(rubric: "irm-2021") { $0["id"] = "CLPLN0001" }.created.status == 0)
    // A monitor who renames the plan in the ledger and re-signs from scratch cannot export it either.
    let f = try ReportFixture()
    let planURL = URL(fileURLWithPath: f.ws + "/plan.json")
    let original = try Data(contentsOf: planURL)
    var plan = try JSONSerialization.jsonObject(with: original) as! [String: Any]
    plan["id"] = "CLPLN0001"
    let renamed = try JSONSerialization.data(withJSONObject: plan, options: [.sortedKeys])
    try renamed.write(to: planURL)
    defer { try? original.write(to: planURL) }
    let sha256 = try BoundedRead.sha256(of: planURL)
    let (_, result) = try f.exportRewritten { i, object in
      guard i == 0, var pinned = object["plan"] as? [String: Any] else { return }
      pinned["id"] = "CLPLN0001"
      pinned["sha256"] = sha256
      object["plan"] = pinned
    }
    #expect(result.status == 1)
    #expect(result.stderr.contains("field 'inputs.plan.id': the plan's id 'CLPLN0001' is also commitment CLPLN0001's"))
  }

  static func trust(_ f: Fixture) throws -> URL {
    let keys = f.root.appendingPathComponent("public")
    if !FileManager.default.fileExists(atPath: keys.path) {
      try ReportFixture.run(["key", "export", "--key", f.key.path, "--out", keys.path])
    }
    return keys.appendingPathComponent("allowed_signers")
  }
}

extension Report.ScaleScore {
  /// Replaces the current entry's rationale (a monitor rewriting what the ledger says).
  fileprivate mutating func rewriteRationale(_ text: String) {
    self = MonitorAdversaryTests.rewrite(self) { $0.rationale = text }
  }
}
