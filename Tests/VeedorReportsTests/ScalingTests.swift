import Foundation
import Testing
import VeedorExport
import VeedorLedger
import VeedorRecords
import VeedorReports
import VeedorSigning
import VeedorTestSupport
import VeedorVerify
import VeedorWorkspace

/// Cost grows with the ledger, never faster, and appends and `status` do not grow at all: each
/// command's work (lines read, entries decoded, hashes computed) is counted on a ledger of about
/// 1,000 and of about 10,000 entries. A quadratic step would multiply it by 100; an append or a
/// `status` that replayed the ledger instead of checking its snapshot would multiply it by 10.
@Suite("Work grows linearly with the ledger")
struct ScalingTests {
  /// The bundled workspace grown to about `size` entries with evidence and notes.
  static func workspace(size: Int) throws -> URL {
    let root = TestSupport.temporaryFolder("scaling").appendingPathComponent("ws")
    try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("evidence"), to: root)
    let ledger = root.appendingPathComponent("ledger.jsonl")
    var lines = try Data(contentsOf: ledger).split(separator: 0x0A).map { Data($0) }
    var evidence = try LedgerState.replay(lines, file: "ledger").evidence.count
    let time = Date(timeIntervalSince1970: 1_700_000_000)
    while lines.count < size {
      var act: Act
      if lines.count % 2 == 0 {
        evidence += 1
        act = Act(after: lines, type: .evidenceAdded, time: time)
        var record = EvidenceRecord(
          id: "E\(evidence)", commitment: "CLPLN0001", kind: .webpage, title: "Page \(evidence)")
        record.url = "https://example.org/\(evidence)"
        act.evidence = record
      } else {
        act = Act(after: lines, type: .note, time: time)
        act.note = NoteRecord(commitment: "CLPLN0002", text: "Check-in \(lines.count)")
      }
      lines.append(try act.line())
    }
    try Data(lines.map { $0 + Data([0x0A]) }.joined()).write(to: ledger)
    try? FileManager.default.removeItem(at: root.appendingPathComponent("ledger.jsonl.head"))
    return root
  }

  /// The work each command does on a workspace of about `size` entries.
  static func work(size: Int) throws -> [String: [String: Int]] {
    let root = try workspace(size: size)
    let key = MonitorKey.generate(name: "Scaling Monitor", created: 1_700_000_000)
    let now = Date(timeIntervalSince1970: 1_700_000_100)
    let out = root.deletingLastPathComponent().appendingPathComponent("report")
    var result: [String: [String: Int]] = [:]
    func count(_ name: String, _ body: () throws -> Void) throws {
      let counter = WorkCounter()
      try WorkCounter.$current.withValue(counter) { try body() }
      result[name] = counter.totals
    }
    // The workspace was written by hand, so the first command replays it all and writes the snapshot.
    try count("first read") { _ = try Workspace.open(root).currentState() }
    try count("status") {
      let ws = try Workspace.open(root)
      _ = StatusReport(workspace: ws, state: try ws.currentState())
    }
    try count("note") { try Workspace.open(root).addNote("one more", commitment: nil, now: now) }
    try count("evidence add") {
      _ = try Workspace.open(root).addEvidence(
        [EvidenceDraft(commitment: "CLPLN0003", kind: .webpage, title: "New", url: "https://example.org/new")], now: now
      )
    }
    try count("score") {
      _ = try Workspace.open(root).recordScore(
        ScoreDraft(commitment: "CLPLN0003", scale: "verifiable", levels: ["yes"], rationale: "r", evidence: ["E1"]),
        correct: false, now: now)
    }
    try count("status after appends") {
      let ws = try Workspace.open(root)
      _ = StatusReport(workspace: ws, state: try ws.currentState())
    }
    try count("report export") {
      _ = try ReportExporter.export(workspace: Workspace.open(root), key: key, to: out, languages: [.es], now: now)
    }
    try count("verify") { _ = ReportVerifier.verify(out.appendingPathComponent("report.json")) }
    try count("ledger verify") { _ = try LedgerVerification(workspace: Workspace.open(root)) }
    return result
  }

  /// Commands whose work must not depend on the ledger's length.
  static let constant: Set<String> = ["status", "note", "evidence add", "score", "status after appends"]

  @Test(
    "appends and status do the same small work at 1,000 and 10,000 entries; report export, verify and ledger verify grow linearly"
  )
  func linear() throws {
    let small = try Self.work(size: 1_000)
    let large = try Self.work(size: 10_000)
    for (command, counts) in small.sorted(by: { $0.key < $1.key }) {
      print(
        "work of \(command): \(counts.sorted { $0.key < $1.key }) → \((large[command] ?? [:]).sorted { $0.key < $1.key })"
      )
      #expect(!counts.isEmpty, "\(command) counted nothing")
      if Self.constant.contains(command) {
        // Checked against the snapshot: the last line and the lines appended since, whatever the length.
        #expect(large[command] == counts, "\(command): \(counts) became \(large[command] ?? [:])")
        for (kind, n) in counts { #expect(n <= 4, "\(command): \(kind) is \(n)") }
        #expect(counts["full replays"] == nil, "\(command) replayed the whole ledger")
        continue
      }
      // Once per command whatever the length: the replay, the cycle's few list moves, the rubric.
      let once: Set<String> = ["full replays", "cycle entries copied", "rubric decodes"]
      for (kind, n) in counts where once.contains(kind) {
        #expect(large[command]?[kind] == n, "\(command): \(kind) went from \(n) to \(large[command]?[kind] ?? 0)")
      }
      for (kind, n) in counts where !once.contains(kind) {
        let m = large[command]?[kind] ?? 0
        // Linear: ten times the entries, about ten times the work (a little constant work on top).
        #expect(m <= 11 * n, "\(command): \(kind) went from \(n) to \(m)")
        #expect(m >= 5 * n, "\(command): \(kind) went from \(n) to \(m) (not counting the ledger?)")
      }
    }
    // What is signed or published is still checked from line 1.
    for command in ["report export", "verify", "ledger verify"] {
      #expect(small[command]?["entries decoded"] ?? 0 >= 1_000, "\(command)")
      #expect(large[command]?["entries decoded"] ?? 0 >= 10_000, "\(command)")
    }
    #expect(small["ledger verify"]?["lines read"] ?? 0 >= 1_000)
    #expect(large["report export"]?["leaf hashes"] ?? 0 >= 10_000)
  }
}

/// `log` and `evidence list` read through the checked snapshot and the hash chain: no full replay,
/// and only the lines they show are decoded.
extension ScalingTests {
  /// The work of each read, and the number of acts it shows, on a workspace of about `size` entries.
  static func reads(size: Int) throws -> [String: [String: Int]] {
    let root = try workspace(size: size)
    // A commitment the grown part never names: evidence, a score on it and a note about it.
    let now = Date(timeIntervalSince1970: 1_700_000_100)
    let ws = try Workspace.open(root)
    _ = try ws.addEvidence(
      [EvidenceDraft(commitment: "CLPLN0003", kind: .webpage, title: "New", url: "https://example.org/new")], now: now)
    _ = try ws.recordScore(
      ScoreDraft(commitment: "CLPLN0003", scale: "verifiable", levels: ["yes"], rationale: "r", evidence: ["E1"]),
      correct: false, now: now)
    try ws.addNote("about it", commitment: "CLPLN0003", now: now)
    let reads: [String: (LedgerState) -> ActSelection] = [
      "log": { .log(commitment: nil, state: $0) }, "log CLPLN0003": { .log(commitment: "CLPLN0003", state: $0) },
      "evidence list": { _ in .evidence(commitment: nil) },
      "evidence list CLPLN0003": { _ in .evidence(commitment: "CLPLN0003") },
    ]
    var result: [String: [String: Int]] = [:]
    for (name, select) in reads {
      let counter = WorkCounter()
      var shown = 0
      try WorkCounter.$current.withValue(counter) {
        try Workspace.open(root).readActs(select) { acts, _ in shown += acts.count }
      }
      result[name] = counter.totals.merging(["acts shown": shown]) { $1 }
    }
    let state = try Workspace.open(root).currentState()
    result["state"] = ["entries": state.count, "evidence": state.evidenceCount]
    return result
  }

  @Test("log and evidence list decode only the lines they show, with no full replay, at 1,000 and 10,000 entries")
  func readsDecodeWhatTheyShow() throws {
    let small = try Self.reads(size: 1_000)
    let large = try Self.reads(size: 10_000)
    for (command, counts) in small.sorted(by: { $0.key < $1.key }) where command != "state" {
      let big = large[command] ?? [:]
      print("work of \(command): \(counts.sorted { $0.key < $1.key }) → \(big.sorted { $0.key < $1.key })")
      for (n, c) in [(1_000, counts), (10_000, big)] {
        #expect(c["full replays"] == nil, "\(command) at \(n): replayed the whole ledger")
        #expect((c["acts shown"] ?? 0) > 0, "\(command) at \(n) showed nothing")
        #expect(c["entries decoded"] == c["acts shown"], "\(command) at \(n): decoded more lines than it shows: \(c)")
      }
      // The bytes are read and hashed once each (the chain check): linear, never more.
      for kind in ["lines read", "leaf hashes"] {
        let n = counts[kind] ?? 0
        let m = big[kind] ?? 0
        #expect(n >= 1_000 && m >= 10_000 && m <= 11 * n, "\(command): \(kind) went from \(n) to \(m)")
      }
    }
    // Unfiltered, every entry (or every evidence entry) is shown; filtered, the grown part is skipped unread.
    #expect(small["log"]?["acts shown"] == small["state"]?["entries"])
    #expect(large["log"]?["acts shown"] == large["state"]?["entries"])
    #expect(small["evidence list"]?["acts shown"] == small["state"]?["evidence"])
    #expect(large["evidence list"]?["acts shown"] == large["state"]?["evidence"])
    #expect(large["log CLPLN0003"]?["acts shown"] == 3 && large["evidence list CLPLN0003"]?["acts shown"] == 1)
    #expect(large["log CLPLN0003"]?["entries decoded"] == small["log CLPLN0003"]?["entries decoded"])
    #expect(
      large["evidence list CLPLN0003"]?["entries decoded"] == small["evidence list CLPLN0003"]?["entries decoded"])
  }
}
