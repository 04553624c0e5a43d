import Foundation
import Testing
import VeedorTestSupport

/// Runs `veedor` and records its output on failure.
@discardableResult
func veedor(_ args: String..., status expected: Int32 = 0, env: [String: String] = [:]) throws -> TestSupport.Result {
  let result = try TestSupport.veedor(args, environment: env)
  #expect(
    result.status == expected,
    "veedor \(args.joined(separator: " ")) → \(result.status)\n\(result.stdout)\n\(result.stderr)")
  return result
}

let examplePlan = TestSupport.packageRoot.appendingPathComponent("scripts/example/penalolen-plan.json").path

/// A new workspace made through the CLI.
func cliWorkspace() throws -> String {
  let ws = TestSupport.temporaryFolder().appendingPathComponent("ws").path
  try veedor("init", ws, "--plan", examplePlan, "--rubric", "ogp-local-2021")
  return ws
}

@Suite("The veedor binary, end to end")
struct CLIFlowTests {
  @Test("init → evidence add (file and URL) → score → correct → status --json and log")
  func mainFlow() throws {
    let ws = try cliWorkspace()
    let file = TestSupport.temporaryFolder().appendingPathComponent("report.pdf")
    try Data("pdf bytes".utf8).write(to: file)
    #expect(try veedor("evidence", "add", "CLPLN0002", file.path, "--title", "Report", "-w", ws).stdout == "E1\n")
    #expect(
      try veedor("evidence", "add", "CLPLN0002", "--url", "https://example.org/x", "--title", "Page", "-w", ws).stdout
        == "E2\n")
    try veedor("score", "CLPLN0002", "completion", "limited", "--rationale", "Started", "--evidence", "E1", "-w", ws)
    try veedor(
      "score", "CLPLN0002", "completion", "complete", "--rationale", "Finished", "--evidence", "E1,E2", "--correct",
      "-w", ws)
    let status = try veedor("status", "--json", "-w", ws).stdout
    let json = try JSONSerialization.jsonObject(with: Data(status.utf8)) as? [String: Any]
    let commitments = json?["commitments"] as? [[String: Any]]
    let scales = commitments?.first { $0["id"] as? String == "CLPLN0002" }?["scales"] as? [[String: Any]]
    let completion = scales?.first { $0["scale"] as? String == "completion" }
    #expect(completion?["levels"] as? [String] == ["complete"])
    #expect(completion?["corrections"] as? Int == 1)
    let log = try veedor("log", "CLPLN0002", "-w", ws).stdout
    #expect(log.contains("score S1: CLPLN0002 completion = limited"))
    #expect(log.contains("score S2 corrects S1: CLPLN0002 completion = complete"))
    #expect(try veedor("evidence", "list", "CLPLN0002", "-w", ws).stdout.contains("sha256:"))
  }

  @Test("bad input exits 2 with one line naming what is wrong, and leaves the ledger byte-identical")
  func badInput() throws {
    let ws = try cliWorkspace()
    try veedor("evidence", "add", "CLPLN0001", "--url", "https://example.org", "--title", "t", "-w", ws)
    let ledger = URL(fileURLWithPath: ws).appendingPathComponent("ledger.jsonl")
    let before = try Data(contentsOf: ledger)
    let folder = TestSupport.temporaryFolder().path
    let cases: [([String], String)] = [
      (
        ["score", "CLPLN0001", "verifiable", "perhaps", "--rationale", "r", "--evidence", "E1"],
        "unknown level 'perhaps'"
      ),
      (["score", "CLPLN0001", "verifiable", "yes", "--rationale", "r"], "needs at least 1 evidence"),
      (["score", "CLPLN0001", "verifiable", "yes", "--rationale", "r", "--evidence", "E9"], "unknown evidence 'E9'"),
      (
        ["score", "CLPLN0042", "verifiable", "yes", "--rationale", "r", "--evidence", "E1"],
        "unknown commitment 'CLPLN0042'"
      ),
      (["score", "CLPLN0001", "speed", "yes", "--rationale", "r", "--evidence", "E1"], "unknown scale 'speed'"),
      (["evidence", "add", "CLPLN0001", folder, "--title", "t"], "is a directory"),
      (["evidence", "add", "CLPLN0001", "/no/such/file.pdf", "--title", "t"], "no such file"),
      (
        ["evidence", "add", "CLPLN0001", "--url", "https://example.org", "--title", "t", "--date", "2022-02-30"],
        "--date"
      ),
    ]
    for (args, message) in cases {
      let result = try TestSupport.veedor(args + ["-w", ws])
      #expect(result.status == 2, "\(args) → \(result.status)")
      #expect(result.stderr.contains(message), "\(args): \(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1, "\(args): \(result.stderr)")
    }
    #expect(try Data(contentsOf: ledger) == before)
  }

  @Test("bad plan files exit 2 naming file, line and field, and create nothing")
  func badPlans() throws {
    let cases: [(Data, String)] = [
      (Data("id,title_en\nX0001,One,extra\n".utf8), "plan.csv:2: has 3 fields"),
      (Data("id,title_en,end\nX0001,One,2022-13-01\n".utf8), "plan.csv:2: field 'end'"),
      (Data("id,title_en\nX0001,One\nx0001,Two\n".utf8), "plan.csv:3: field 'id': duplicate"),
      (Data("id,title_en\nX0001,".utf8) + Data([0xFF, 0x0A]), "plan.csv:2: not valid UTF-8"),
    ]
    for (bytes, message) in cases {
      let folder = TestSupport.temporaryFolder()
      let plan = folder.appendingPathComponent("plan.csv")
      try bytes.write(to: plan)
      let target = folder.appendingPathComponent("ws").path
      let result = try TestSupport.veedor(["init", target, "--plan", plan.path, "--rubric", "irm-2021"])
      #expect(result.status == 2)
      #expect(result.stderr.contains(message), "\(result.stderr)")
      #expect(!FileManager.default.fileExists(atPath: target))
    }
  }

  @Test("init reads OGP's sheet, choosing the plan with --action-plan")
  func ogpSheet() throws {
    let sheet = TestSupport.packageRoot.appendingPathComponent(
      "Tests/VeedorWorkspaceTests/Fixtures/ogp-sheet-excerpt.csv"
    ).path
    let ws = TestSupport.temporaryFolder().appendingPathComponent("ws").path
    let ambiguous = try TestSupport.veedor(["init", ws, "--plan", sheet, "--rubric", "irm-2021"])
    #expect(ambiguous.status == 2 && ambiguous.stderr.contains("--action-plan"))
    try veedor("init", ws, "--plan", sheet, "--rubric", "irm-2021", "--action-plan", "AP_CHL05")
    #expect(try veedor("plan", "show", "-w", ws).stdout.contains("CL0069"))
  }

  @Test("demo prints the status of the Peñalolén plan and verifies its ledger")
  func demo() throws {
    let folder = TestSupport.temporaryFolder().appendingPathComponent("demo").path
    let out = try veedor("demo", folder).stdout
    #expect(out.contains("AP_CLPLN01 — Peñalolén, Chile"))
    #expect(out.contains("CLPLN0001") && out.contains("Aggregates"))
    #expect(out.contains("ledger OK"))
  }

  @Test("rubric list, show in Spanish, and validate")
  func rubrics() throws {
    let list = try veedor("rubric", "list").stdout
    for id in ["irm-legacy", "irm-2017", "irm-2020", "irm-2021", "ogp-local-2021"] { #expect(list.contains(id)) }
    #expect(try veedor("rubric", "show", "irm-legacy", "--lang", "es").stdout.contains("Transformador"))
    let cohort = try veedor("rubric", "show", "irm-2020", "--lang", "es").stdout
    #expect(cohort.contains("Potencial de resultados") && cohort.contains("solo aplica cuando verifiable in [yes]"))
    #expect(try veedor("rubric", "show", "irm-2020").stdout.contains("applies only when verifiable in [yes]"))
    #expect(cohort.contains("glossary/verifiability") && cohort.contains("[OGP: Unclear]"))
    #expect(try veedor("rubric", "show", "irm-2017", "--lang", "es").stdout.contains("Impacto potencial"))
    let bad = TestSupport.temporaryFolder().appendingPathComponent("r.json")
    try Data(#"{"format":"veedor-rubric/1","id":"x"}"#.utf8).write(to: bad)
    let result = try veedor("rubric", "validate", bad.path, status: 1)
    #expect(result.stderr.contains("$.version: is missing") && result.stderr.contains("$.scales: is missing"))
  }
}

@Suite("Guided scoring on a terminal")
struct GuidedScoreTests {
  @Test("on a terminal, 'veedor score COMMITMENT' asks scale by scale and records each answer")
  func guided() throws {
    guard let script = TestSupport.tool("script") else {
      print("SKIPPED: 'script' (util-linux) is not installed, so no terminal can be simulated")
      return
    }
    let ws = try cliWorkspace()
    try veedor("evidence", "add", "CLPLN0003", "--url", "https://example.org/a", "--title", "A", "-w", ws)
    let command = "\(TestSupport.veedorBinary.path) score CLPLN0003 -w \(ws) --lang es"
    let answers = Data("2\nObjetivos fechados\nE1\n2,4\nAmplía el acceso\nE1\nq\n".utf8)
    let result = try TestSupport.run(script, ["-qec", command, "/dev/null"], input: answers)
    #expect(result.stdout.contains("Verificable") && result.stdout.contains("Fundamento"))
    let log = try veedor("log", "CLPLN0003", "-w", ws).stdout
    #expect(log.contains("CLPLN0003 verifiable = yes — Objetivos fechados [E1]"))
    #expect(log.contains("CLPLN0003 relevance = access-to-information,public-accountability"))
  }

  @Test("'veedor score plan' asks the questions about the plan; 'evidence list plan' and 'log plan' filter on it")
  func guidedPlan() throws {
    guard let script = TestSupport.tool("script") else {
      print("SKIPPED: 'script' (util-linux) is not installed, so no terminal can be simulated")
      return
    }
    let ws = try cliWorkspace()
    try veedor("evidence", "add", "plan", "--url", "https://example.org/foro", "--title", "Foro", "-w", ws)
    try veedor("evidence", "add", "CLPLN0003", "--url", "https://example.org/c3", "--title", "C3", "-w", ws)
    let command = "\(TestSupport.veedorBinary.path) score plan -w \(ws)"
    let answers = Data("3\nA standing forum\nE1\nq\n".utf8)
    let result = try TestSupport.run(script, ["-qec", command, "/dev/null"], input: answers)
    #expect(result.stdout.contains("Forum (forum)") && !result.stdout.contains("Verifiable"), "\(result.stdout)")
    let listed = try veedor("evidence", "list", "plan", "-w", ws).stdout
    #expect(listed.contains("E1  AP_CLPLN01") && !listed.contains("E2"))
    let log = try veedor("log", "AP_CLPLN01", "-w", ws).stdout
    #expect(log.contains("AP_CLPLN01 forum = yes — A standing forum [E1]") && !log.contains("CLPLN0003"))
  }
}
