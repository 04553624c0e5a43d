import Foundation
import Testing
import VeedorDataset
import VeedorLedger
import VeedorTestSupport

/// The method's rules (a scale applies only when another has some level) are enforced when a score is
/// recorded and again when a report is derived from the ledger; a later correction of a prerequisite
/// is allowed and leaves the older score on record, no longer counted.
@Suite("Rubric rules, when scoring and on replay")
struct RuleEnforcementTests {
  static let sheet = TestSupport.packageRoot.appendingPathComponent(
    "Tests/VeedorWorkspaceTests/Fixtures/ogp-sheet-excerpt.csv")

  /// Chile's 2020 plan (CL0069) in a workspace on the 2020 rubric, with one evidence item.
  static func workspace() throws -> String {
    let ws = TestSupport.temporaryFolder().appendingPathComponent("ws").path
    try ReportFixture.run(["init", ws, "--plan", sheet.path, "--action-plan", "AP_CHL05", "--rubric", "irm-2020"])
    try ReportFixture.run([
      "evidence", "add", "CL0069", "--url", "https://example.org/cl0069", "--title", "Commitment page", "-w", ws,
    ])
    return ws
  }

  static func score(_ ws: String, _ scale: String, _ level: String, correct: Bool = false, status: Int32 = 0)
    throws -> TestSupport.Result
  {
    try ReportFixture.run(
      ["score", "CL0069", scale, level, "--rationale", "r", "--evidence", "E1", "-w", ws]
        + (correct ? ["--correct"] : []),
      status: status)
  }

  @Test("a score the rule forbids exits 2 naming the rule and its source, and leaves the ledger byte-identical")
  func refusedWhenScoring() throws {
    let ws = try Self.workspace()
    let ledger = URL(fileURLWithPath: ws).appendingPathComponent("ledger.jsonl")
    let before = try Data(contentsOf: ledger)
    let unscored = try Self.score(ws, "potential-for-results", "substantial", status: 2)
    #expect(unscored.stderr.contains("applies only when verifiable in [yes]"), "\(unscored.stderr)")
    #expect(unscored.stderr.contains("https://www.opengovpartnership.org/glossary/verifiability"))
    let results = try Self.score(ws, "diog-overall", "major", status: 2)
    #expect(results.stderr.contains("completion in [") && results.stderr.contains("glossary/early-results"))
    #expect(try Data(contentsOf: ledger) == before)
    try Self.score(ws, "verifiable", "no")
    let notVerifiable = try Self.score(ws, "potential-for-results", "substantial", status: 2)
    #expect(notVerifiable.stderr.contains("applies only when verifiable in [yes]"))
  }

  @Test("correcting the prerequisite keeps the older score on record, not counted; the ledger still replays")
  func laterCorrection() throws {
    let ws = try Self.workspace()
    try Self.score(ws, "verifiable", "yes")
    try Self.score(ws, "potential-for-results", "substantial")
    try Self.score(ws, "verifiable", "no", correct: true)
    let json = try ReportFixture.run(["status", "--json", "-w", ws]).stdout
    let status = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let commitment = try #require((status["commitments"] as? [[String: Any]])?.first)
    let scales = commitment["scales"] as? [[String: Any]] ?? []
    let potential = scales.first { $0["scale"] as? String == "potential-for-results" }
    #expect(potential?["notApplicable"] as? Bool == true && potential?["levels"] as? [String] == ["substantial"])
    #expect((commitment["missing"] as? [String])?.contains("potential-for-results") == false)
    let figure = (status["aggregates"] as? [[String: Any]])?.first {
      ($0["value"] as? [String: Any])?["id"] as? String == "potential-for-results-substantial"
    }
    #expect((figure?["value"] as? [String: Any])?["total"] as? Int == 0)
    #expect(try ReportFixture.run(["status", "-w", ws]).stdout.contains("no longer applies"))
    // A correction of the dependent score is refused while its rule fails.
    try Self.score(ws, "potential-for-results", "modest", correct: true, status: 2)
    let key = TestSupport.temporaryFolder().appendingPathComponent("monitor.key").path
    try ReportFixture.run([
      "key", "generate", "--key", key, "--name", "Test Monitor", "--email", "monitor@example.org", "--unencrypted",
    ])
    let out = TestSupport.temporaryFolder().appendingPathComponent("out")
    try ReportFixture.run(["report", "export", "-w", ws, "--key", key, "--out", out.path])
    let report = try String(contentsOf: out.appendingPathComponent("report.json"), encoding: .utf8)
    #expect(report.contains("\"notApplicable\":true"))
    #expect(
      try String(contentsOf: out.appendingPathComponent("report.en.md"), encoding: .utf8).contains("no longer applies"))
    // The export in OGP's columns leaves it out of Potential for Results and says why beside it.
    let csv = TestSupport.temporaryFolder().appendingPathComponent("rows.csv")
    try ReportFixture.run([
      "export", "--format", "ogp-csv", "--report", out.appendingPathComponent("report.json").path, "--out", csv.path,
    ])
    let row = try #require(try Dataset.parse(csv: Data(contentsOf: csv), file: csv.path).rows.first)
    let cell = { (name: String) in row[name] }
    #expect(cell("Potential for Results") == "ND" && cell("Verifiable") == "No")
    #expect(cell("x_potential-for-results_no_longer_applies") == "substantial")
  }

  /// Rewrites a workspace's ledger with `edit` applied to each score, re-linked as the monitor could.
  static func rewrite(_ ws: String, _ edit: (inout [String: Any]) -> Void) throws {
    let path = ws + "/ledger.jsonl"
    var lines: [String] = []
    for (i, line) in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").enumerated() {
      var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      if var score = object["score"] as? [String: Any] {
        edit(&score)
        object["score"] = score
      }
      if i > 0 { object["prev"] = RFC6962.leafHash(Data(lines[i - 1].utf8)).hexString }
      let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
      lines.append(String(decoding: data, as: UTF8.self))
    }
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    try? FileManager.default.removeItem(atPath: ws + "/checkpoints")
    try? FileManager.default.removeItem(atPath: ws + "/ledger.jsonl.head")
  }

  @Test("replay refuses a question about the plan scored against its rule, as scoring does")
  func planQuestionRuleOnReplay() throws {
    // The OGP Local rubric with a rule on a plan question (a rubric file may give one).
    let folder = TestSupport.temporaryFolder()
    let bundled = TestSupport.packageRoot.appendingPathComponent("rubrics/ogp-local-2021.json")
    var rubric = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: bundled)) as? [String: Any])
    rubric["id"] = "ogp-local-with-plan-rule"
    var questions = try #require(rubric["planScales"] as? [[String: Any]])
    let i = try #require(questions.firstIndex { $0["id"] as? String == "forum-multi-stakeholder" })
    questions[i]["requires"] = ["scale": "forum", "in": ["partly", "yes"]]
    questions[i]["requiresSource"] = "https://example.org/rule"
    rubric["planScales"] = questions
    let rubricFile = folder.appendingPathComponent("rubric.json")
    try JSONSerialization.data(withJSONObject: rubric, options: [.sortedKeys]).write(to: rubricFile)
    let plan = TestSupport.packageRoot.appendingPathComponent("scripts/example/penalolen-plan.json")
    let ws = folder.appendingPathComponent("ws").path
    try ReportFixture.run(["init", ws, "--plan", plan.path, "--rubric", rubricFile.path])
    try ReportFixture.run(["evidence", "add", "plan", "--url", "https://example.org/p", "--title", "Minutes", "-w", ws])
    let refused = try ReportFixture.run(
      ["score", "plan", "forum-multi-stakeholder", "yes", "--rationale", "r", "--evidence", "E1", "-w", ws], status: 2)
    #expect(refused.stderr.contains("applies only when forum in [partly, yes]"), "\(refused.stderr)")
    for question in ["forum", "forum-multi-stakeholder"] {
      try ReportFixture.run(["score", "plan", question, "yes", "--rationale", "r", "--evidence", "E1", "-w", ws])
    }
    // A later correction of the prerequisite is allowed; status says the dependent answer no longer counts.
    try ReportFixture.run(
      ["score", "plan", "forum", "no", "--correct", "--rationale", "r", "--evidence", "E1", "-w", ws])
    let status = try ReportFixture.run(["status", "-w", ws]).stdout
    let line = status.split(separator: "\n").first { $0.contains("✓ forum-multi-stakeholder") } ?? ""
    #expect(line.contains("no longer applies (the rubric applies it only when forum in [partly, yes])"), "\(status)")
    // The monitor rewrites history: the forum answer now says "no", before the question that needs it.
    try Self.rewrite(ws) { score in
      if score["scale"] as? String == "forum" { score["levels"] = ["no"] }
    }
    let key = folder.appendingPathComponent("monitor.key").path
    try ReportFixture.run([
      "key", "generate", "--key", key, "--name", "Test Monitor", "--email", "monitor@example.org", "--unencrypted",
    ])
    let out = folder.appendingPathComponent("out")
    let result = try TestSupport.veedor(["report", "export", "-w", ws, "--key", key, "--out", out.path])
    #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
    #expect(
      result.stderr.contains("where scale 'forum-multi-stakeholder' applies only when forum in [partly, yes]"),
      "\(result.stderr)")
  }

  @Test("replay refuses a ledger line that breaks a rule, even re-linked and re-signed by the monitor")
  func refusedOnReplay() throws {
    let ws = try Self.workspace()
    try Self.score(ws, "verifiable", "yes")
    try Self.score(ws, "potential-for-results", "substantial")
    let key = TestSupport.temporaryFolder().appendingPathComponent("monitor.key").path
    try ReportFixture.run([
      "key", "generate", "--key", key, "--name", "Test Monitor", "--email", "monitor@example.org", "--unencrypted",
    ])
    // The monitor rewrites history: the verifiable score now says "no", before potential for results.
    let path = ws + "/ledger.jsonl"
    var lines: [String] = []
    for (i, line) in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").enumerated() {
      var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      if var score = object["score"] as? [String: Any], score["scale"] as? String == "verifiable" {
        score["levels"] = ["no"]
        object["score"] = score
      }
      if i > 0 { object["prev"] = RFC6962.leafHash(Data(lines[i - 1].utf8)).hexString }
      let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
      lines.append(String(decoding: data, as: UTF8.self))
    }
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    try? FileManager.default.removeItem(atPath: ws + "/checkpoints")
    try? FileManager.default.removeItem(atPath: ws + "/ledger.jsonl.head")
    let out = TestSupport.temporaryFolder().appendingPathComponent("out")
    let result = try TestSupport.veedor(["report", "export", "-w", ws, "--key", key, "--out", out.path])
    #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
    #expect(
      result.stderr.contains("scores CL0069 where scale 'potential-for-results' applies only when verifiable in [yes]"))
    #expect(result.stderr.contains("glossary/verifiability"), "\(result.stderr)")
  }
}
