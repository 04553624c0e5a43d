import Foundation
import Testing
import VeedorLedger
import VeedorRecords
import VeedorReports
import VeedorRubric
import VeedorSigning
import VeedorTestSupport
import VeedorWorkspace

@testable import veedor

/// `log` and `evidence list` read the ledger through its checked snapshot and hash chain, decoding
/// only what they show; their output must be, byte for byte, what the full replay gave before.
@Suite("log and evidence list print what the full replay printed")
struct ReadOutputTests {
  /// The demo workspace with one act of every other type added: a correction, a reviewer added,
  /// a reconciliation, the reviewer removed, a note with a control character, a slash and quotes.
  static func everyAct() throws -> URL {
    let root = TestSupport.temporaryFolder("reads").appendingPathComponent("demo")
    #expect(try TestSupport.veedor(["demo", root.path]).status == 0)
    let ws = try Workspace.open(root)
    let now = Date(timeIntervalSince1970: 1_700_000_000)
    _ = try ws.recordScore(
      ScoreDraft(
        commitment: "CLPLN0001", scale: "verifiable", levels: ["no"], rationale: "Changed é", evidence: ["E1"]),
      correct: true, now: now)
    let key = MonitorKey.generate(name: "Revisora", created: 1_700_000_000)
    _ = try ws.addParty(
      name: "revisora", role: .reviewer, keyLine: key.sshPublicKey, title: "Second / reader", now: now)
    try ws.reconcile(
      ReconciliationRecord(
        commitment: "CLPLN0001", scale: "verifiable", reviewer: "revisora", reviewerLevels: ["yes"], stands: .monitor,
        rationale: "The dates are public", score: nil), now: now)
    _ = try ws.removeParty(name: "revisora", now: now)
    try ws.addNote("bell\u{07} / \"quoted\" ñ", commitment: nil, now: now)
    return root
  }

  /// What `veedor log` printed before: the full replay's acts, filtered as it filtered them.
  static func oldLog(_ state: LedgerState, _ filter: String?, _ w: ReportWords, json: Bool) throws -> String {
    let acts = state.acts.filter { act in
      guard let filter else { return true }
      let reply =
        act.reply.flatMap { state.voices.reply($0.id)?.text.commitment }
        ?? act.answer.flatMap { state.voices.reply($0.reply)?.text.commitment }
      let milestone = (act.milestone?.milestone ?? act.milestoneChange?.milestone).map { $0.hasPrefix(filter + ".") }
      return act.evidence?.commitment == filter || act.score?.commitment == filter || act.note?.commitment == filter
        || act.reconciliation?.commitment == filter || reply == filter || milestone == true
        || act.milestoneChange?.commitment == filter || act.checkin?.commitments.contains(filter) == true
    }
    if json { return try Self.json(acts) }
    return acts.map { act in
      let line: TerminalText = "#\(act.seq)  \(act.time)  \(Log.describe(act, w))"
      return line.description + "\n"
    }.joined()
  }

  /// What `veedor evidence list` printed before.
  static func oldEvidence(_ state: LedgerState, _ filter: String?, _ w: ReportWords, json: Bool) throws -> String {
    let items = state.evidence.filter { filter == nil || $0.commitment == filter }
    if json { return try Self.json(items) }
    return items.map { e in
      let source = e.url ?? "\(e.fileName ?? "") sha256:\(e.sha256?.prefix(16) ?? "")…"
      let line: TerminalText =
        "\(e.id)  \(e.commitment)  \(w["kind.\(e.kind.rawValue)"])  \(e.date?.description ?? "-")  \(e.title)  \(source)"
      return line.description + "\n"
    }.joined()
  }

  /// `Output.json` as it printed a whole array.
  static func json<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
  }

  @Test("every act type, every commitment, both languages, text and --json: the same bytes as the full replay's")
  func sameOutput() throws {
    let root = try Self.everyAct()
    let ws = try Workspace.open(root)
    let state = try ws.state()
    #expect(Set(state.acts.map(\.type)) == Set(ActType.allCases), "missing act types")
    #expect(!state.voices.replies.isEmpty)
    let filters: [String?] = [nil, ws.plan.id, "CLPLN9999"] + ws.plan.commitments.map(\.id)
    var compared = 0
    for filter in filters {
      for language in [Language.en, .es] {
        let w = ReportWords(language: language)
        for json in [false, true] {
          let args =
            (filter.map { [$0] } ?? []) + ["--lang", language.rawValue, "-w", root.path] + (json ? ["--json"] : [])
          if filter == "CLPLN9999" {
            // An unknown commitment is refused as before, with nothing printed.
            let refused = try TestSupport.veedor(["log"] + args)
            #expect(refused.status != 0 && refused.stdout.isEmpty && !refused.stderr.isEmpty)
            continue
          }
          let log = try TestSupport.veedor(["log"] + args)
          #expect(log.status == 0 && log.stderr.isEmpty, "\(args): \(log.stderr)")
          #expect(log.stdout == (try Self.oldLog(state, filter, w, json: json)), "log \(args)")
          let list = try TestSupport.veedor(["evidence", "list"] + args)
          #expect(list.status == 0 && list.stderr.isEmpty, "\(args): \(list.stderr)")
          #expect(list.stdout == (try Self.oldEvidence(state, filter, w, json: json)), "evidence list \(args)")
          compared += 2
        }
      }
    }
    #expect(compared >= 40)
  }

  @Test("a line changed under a valid snapshot fails as the full replay fails: same message, exit 1, nothing printed")
  func tamperedLine() throws {
    let root = try Self.everyAct()
    #expect(try TestSupport.veedor(["status", "-w", root.path]).status == 0)  // the snapshot is current
    let ledger = root.appendingPathComponent("ledger.jsonl")
    var lines = try Data(contentsOf: ledger).split(separator: 0x0A, omittingEmptySubsequences: false)
    // Same length, so the snapshot's length and last line still match: only the chain can tell.
    let at = try #require(lines.firstIndex { String(decoding: $0, as: UTF8.self).contains("\"evidence.added\"") })
    let text = String(decoding: lines[at], as: UTF8.self)
    lines[at] = Data(text.replacingOccurrences(of: "\"commitment\":\"CLPLN", with: "\"commitment\":\"CLPLX").utf8)[...]
    try Data(lines.joined(separator: [0x0A])).write(to: ledger)
    for args in [
      ["log"], ["log", "--json"], ["log", "CLPLN0003"], ["evidence", "list"], ["evidence", "list", "--json"],
    ] {
      let result = try TestSupport.veedor(args + ["-w", root.path])
      #expect(result.status == 1, "\(args)")
      #expect(result.stdout.isEmpty, "\(args): \(result.stdout)")
      #expect(
        result.stderr.contains("ledger.jsonl:\(at + 2): field 'prev': does not link to the line before it"),
        "\(args): \(result.stderr)")
    }
  }
}
