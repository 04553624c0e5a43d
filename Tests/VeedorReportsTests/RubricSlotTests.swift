import Foundation
import Testing
import VeedorLedger
import VeedorPlan
import VeedorRecords
import VeedorReports
import VeedorTestSupport
import VeedorWorkspace

/// Appends that do not need the rubric do not decode it; the pinned rubric is decoded once, when a
/// score needs it; a rubric.json the ledger does not pin is still refused when the workspace opens.
@Suite("The rubric is decoded when needed")
struct RubricSlotTests {
  static func decodes(_ body: () throws -> Void) rethrows -> Int {
    let counter = WorkCounter()
    try WorkCounter.$current.withValue(counter) { try body() }
    return counter.totals["rubric decodes", default: 0]
  }

  @Test("evidence and notes leave the rubric undecoded; a score decodes it once")
  func lazy() throws {
    let root = TestSupport.temporaryFolder("rubric-slot").appendingPathComponent("ws")
    try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("evidence"), to: root)
    let now = Date(timeIntervalSince1970: 1_700_000_000)
    #expect(
      try Self.decodes {
        let ws = try Workspace.open(root, decodingRubric: false)
        _ = try ws.addEvidence(
          [EvidenceDraft(commitment: "CLPLN0003", kind: .webpage, title: "Page", url: "https://example.org/p")],
          now: now)
        try ws.addNote("A note", commitment: "CLPLN0003", now: now)
      } == 0)
    #expect(
      try Self.decodes {
        let ws = try Workspace.open(root)
        let drafts = [
          (
            ScoreDraft(commitment: "CLPLN0003", scale: "verifiable", levels: ["yes"], rationale: "r", evidence: ["E1"]),
            false
          )
        ]
        _ = try ws.recordScores(drafts, now: now)
        _ = ws.rubric.id
      } == 1)
  }

  @Test("a rubric.json the ledger does not pin is validated on opening and refused")
  func unpinned() throws {
    let root = TestSupport.temporaryFolder("rubric-slot").appendingPathComponent("ws")
    try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("evidence"), to: root)
    try Data(#"{"id":"broken"}"#.utf8).write(to: root.appendingPathComponent("rubric.json"))
    #expect(throws: WorkspaceError.self) { try Workspace.open(root) }
  }

  @Test(
    "pinned rubric bytes that no longer load: opening refuses them in both languages; a lazy open reports them, never crashes"
  )
  func pinnedButBroken() throws {
    let source = TestSupport.packageRoot.appendingPathComponent("evidence")
    let plan = try PlanImporter.decodeJSON(
      Data(contentsOf: source.appendingPathComponent("plan.json")), file: "plan.json")
    let root = TestSupport.temporaryFolder("rubric-slot").appendingPathComponent("ws")
    _ = try Workspace.create(
      at: root, plan: plan, rubricData: Data(contentsOf: source.appendingPathComponent("rubric.json")),
      now: Date(timeIntervalSince1970: 1_700_000_000))
    // The rubric replaced by bytes that do not load, and the only ledger line made to pin them.
    let broken = Data(#"{"id":"broken"}"#.utf8)
    try broken.write(to: root.appendingPathComponent("rubric.json"))
    let ledger = root.appendingPathComponent("ledger.jsonl")
    var act = try JSONDecoder().decode(Act.self, from: Data(contentsOf: ledger).split(separator: 0x0A)[0])
    act.plan?.rubricSHA256 = ReportInputs.sha256(broken)
    try (act.line() + Data([0x0A])).write(to: ledger)
    for local in ["ledger.jsonl.head", "ledger.jsonl.state"] {
      try? FileManager.default.removeItem(at: root.appendingPathComponent(local))
    }
    let error = try #require(throws: WorkspaceError.self) { try Workspace.open(root) }
    #expect(error.code == .integrity && error.file?.hasSuffix("rubric.json") == true, "\(error)")
    #expect(!error.spanishDescription.isEmpty && error.spanishDescription != error.description)
    let lazy = try Workspace.open(root, decodingRubric: false)
    #expect(throws: WorkspaceError.self) { try lazy.commitment("NOPE") }
    #expect(throws: WorkspaceError.self) { try lazy.loadedRubric() }
  }
}
