import Foundation
import Testing
import VeedorLedger
import VeedorPlan
import VeedorRecords
import VeedorSigning
import VeedorTestSupport
import VeedorWorkspace

/// A fresh workspace over the bundled example plan and the OGP Local rubric.
func makeWorkspace() throws -> Workspace {
  let plan = try PlanImporter.load(
    TestSupport.packageRoot.appendingPathComponent("scripts/example/penalolen-plan.json"))
  let rubric = try Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("rubrics/ogp-local-2021.json"))
  return try Workspace.create(
    at: TestSupport.temporaryFolder().appendingPathComponent("ws"), plan: plan, rubricData: rubric,
    origin: "veedor.test/log", now: Date(timeIntervalSince1970: 1_700_000_000))
}

let clock = Date(timeIntervalSince1970: 1_700_000_100)

@Suite("Workspace: acts, replay and integrity")
struct WorkspaceTests {
  @Test("evidence, a score and its correction replay into the corrected state with full history")
  func scoreAndCorrect() throws {
    let ws = try makeWorkspace()
    let file = TestSupport.temporaryFolder().appendingPathComponent("minutes.txt")
    try Data("forum minutes".utf8).write(to: file)
    let added = try ws.addEvidence(
      [
        EvidenceDraft(commitment: "clpln0001", kind: .meeting, title: "Minutes", file: file),
        EvidenceDraft(commitment: "CLPLN0001", kind: .webpage, title: "Page", url: "https://example.org/p"),
      ], now: clock)
    #expect(added.map(\.id) == ["E1", "E2"])
    let stored = ws.objects.path(for: try #require(added[0].sha256))
    #expect(try Data(contentsOf: stored) == Data("forum minutes".utf8))
    _ = try ws.recordScore(
      ScoreDraft(
        commitment: "CLPLN0001", scale: "completion", levels: ["Limited"], rationale: "Half done", evidence: ["E1"]),
      correct: false, now: clock)
    let fix = try ws.recordScore(
      ScoreDraft(
        commitment: "CLPLN0001", scale: "completion", levels: ["substantial"], rationale: "Later report",
        evidence: ["e1", "E2"]), correct: true, now: clock)
    #expect(fix.supersedes == "S1" && fix.levels == ["substantial"] && fix.evidence == ["E1", "E2"])
    let state = try ws.state()
    #expect(state.current("CLPLN0001", "completion")?.id == "S2")
    #expect(state.history[.init(commitment: "CLPLN0001", scale: "completion")]?.count == 2)
    let status = StatusReport(workspace: ws, state: state)
    #expect(status.commitments[0].indicators["high-completion"] == .yes)
    #expect(status.commitments[0].scales.first { $0.scale == "completion" }?.corrections == 1)
  }

  @Test("refused scores leave the ledger byte-identical")
  func refusals() throws {
    let ws = try makeWorkspace()
    _ = try ws.addEvidence(
      [EvidenceDraft(commitment: "CLPLN0002", kind: .webpage, title: "p", url: "https://example.org")], now: clock)
    let before = try Data(contentsOf: ws.ledger.url)
    let bad: [(ScoreDraft, Bool)] = [
      (
        ScoreDraft(commitment: "CLPLN0099", scale: "verifiable", levels: ["yes"], rationale: "r", evidence: ["E1"]),
        false
      ),
      (
        ScoreDraft(commitment: "CLPLN0002", scale: "verifiable", levels: ["perhaps"], rationale: "r", evidence: ["E1"]),
        false
      ),
      (
        ScoreDraft(commitment: "CLPLN0002", scale: "verifiable", levels: ["yes"], rationale: " ", evidence: ["E1"]),
        false
      ),
      (ScoreDraft(commitment: "CLPLN0002", scale: "verifiable", levels: ["yes"], rationale: "r", evidence: []), false),
      (
        ScoreDraft(commitment: "CLPLN0002", scale: "verifiable", levels: ["yes"], rationale: "r", evidence: ["E7"]),
        false
      ),
      (
        ScoreDraft(commitment: "CLPLN0002", scale: "verifiable", levels: ["yes"], rationale: "r", evidence: ["E1"]),
        true
      ),
    ]
    for (draft, correct) in bad {
      #expect(throws: WorkspaceError.self) { try ws.recordScore(draft, correct: correct, now: clock) }
    }
    for draft in [
      EvidenceDraft(commitment: "CLPLN0002", kind: .document, title: "d", file: TestSupport.temporaryFolder()),
      EvidenceDraft(commitment: "CLPLN0002", kind: .document, title: "d", file: URL(fileURLWithPath: "/no/such/file")),
      EvidenceDraft(commitment: "CLPLN0002", kind: .webpage, title: "u", url: "javascript:alert(1)"),
    ] {
      #expect(throws: WorkspaceError.self) { try ws.addEvidence([draft], now: clock) }
    }
    #expect(try Data(contentsOf: ws.ledger.url) == before)
  }

  @Test("an edited plan.json is caught against the hash the ledger pinned")
  func pinnedPlan() throws {
    let ws = try makeWorkspace()
    let url = ws.root.appendingPathComponent("plan.json")
    let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "greener", with: "bluer")
    try text.write(to: url, atomically: true, encoding: .utf8)
    #expect { try Workspace.open(ws.root).state() } throws: { ($0 as? WorkspaceError)?.code == .integrity }
  }

  @Test("creating a workspace in a non-empty folder is refused and leaves it alone")
  func nonEmpty() throws {
    let folder = TestSupport.temporaryFolder()
    try Data("keep".utf8).write(to: folder.appendingPathComponent("mine.txt"))
    let plan = try PlanImporter.load(
      TestSupport.packageRoot.appendingPathComponent("scripts/example/penalolen-plan.json"))
    let rubric = try Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("rubrics/irm-2021.json"))
    #expect(throws: WorkspaceError.self) {
      try Workspace.create(at: folder, plan: plan, rubricData: rubric, now: clock)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["mine.txt"])
  }
}
