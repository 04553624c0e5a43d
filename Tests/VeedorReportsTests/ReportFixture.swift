import Foundation
import Testing
import VeedorLedger
import VeedorTestSupport

/// A workspace copied from the bundled example, with a stored evidence file, a correction, a
/// demo key, an exported report and the public keys.
struct ReportFixture {
  let ws: String
  let key: String
  let out: URL
  let keys: URL
  var report: URL { out.appendingPathComponent("report.json") }

  /// The stored minutes' evidence id, the first (later corrected) completion score, and the size
  /// of the checkpoint signed before the correction.
  let minutes: String
  let limitedScore: String
  let olderSize: Int
  var olderCheckpoint: String { ws + "/checkpoints/" + String(format: "%010d", olderSize) + ".note" }

  init() throws {
    let root = TestSupport.temporaryFolder()
    ws = root.appendingPathComponent("ws").path
    try FileManager.default.copyItem(
      atPath: TestSupport.packageRoot.appendingPathComponent("evidence").path, toPath: ws)
    key = root.appendingPathComponent("keys/monitor.key").path
    let file = root.appendingPathComponent("minutes.txt")
    try Data("Minutes of the environment forum".utf8).write(to: file)
    minutes = try Self.run([
      "evidence", "add", "CLPLN0002", file.path, "--title", "Forum <minutes>", "--kind", "meeting", "-w", ws,
    ]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    limitedScore = String(
      try Self.run([
        "score", "CLPLN0002", "completion", "limited", "--rationale", "Started", "--evidence", minutes, "-w", ws,
      ]).stdout.prefix { $0 != " " })
    olderSize = try String(contentsOfFile: ws + "/ledger.jsonl", encoding: .utf8).split(separator: "\n").count
    try Self.run([
      "key", "generate", "--key", key, "--name", "Test Monitor", "--email", "monitor@example.org", "--unencrypted",
    ])
    try Self.run(["checkpoint", "-w", ws, "--key", key])
    try Self.run([
      "score", "CLPLN0002", "completion", "substantial", "--correct", "--rationale", "Report \"2\" & more",
      "--evidence", "\(minutes),E2", "-w", ws,
    ])
    out = root.appendingPathComponent("published")
    keys = root.appendingPathComponent("public")
    try Self.run(["report", "export", "-w", ws, "--key", key, "--out", out.path])
    try Self.run(["key", "export", "--key", key, "--out", keys.path, "-w", ws])
  }

  @discardableResult
  static func run(_ args: [String], status: Int32 = 0) throws -> TestSupport.Result {
    let result = try TestSupport.veedor(args)
    #expect(
      result.status == status,
      "veedor \(args.joined(separator: " ")) → \(result.status)\n\(result.stdout)\n\(result.stderr)")
    return result
  }

  /// `veedor verify` on a report with extra arguments.
  func verify(_ report: URL? = nil, _ extra: [String] = []) throws -> TestSupport.Result {
    try TestSupport.veedor(["verify", (report ?? self.report).path] + extra)
  }

  /// A copy of the workspace whose ledger lines are edited, re-linked and re-signed from scratch (the
  /// monitor rewriting its own history), exported again; returns the new report.
  func rewritten(_ edit: (Int, inout [String: Any]) -> Void) throws -> URL {
    let (out, result) = try exportRewritten(edit)
    #expect(result.status == 0, "\(result.stderr)")
    return out.appendingPathComponent("report.json")
  }

  /// Like ``rewritten(_:)`` with the raw line text as well, returning `report export`'s result
  /// unchecked; `export` adds options to `report export` (e.g. `--form`).
  func exportRewritten(
    _ edit: (Int, inout [String: Any]) -> Void, text: (Int, String) -> String = { $1 }, export: [String] = []
  ) throws -> (URL, TestSupport.Result) {
    let ws = TestSupport.temporaryFolder().appendingPathComponent("ws").path
    try FileManager.default.copyItem(atPath: self.ws, toPath: ws)
    let lines = try String(contentsOfFile: ws + "/ledger.jsonl", encoding: .utf8).split(separator: "\n")
    var rewritten: [String] = []
    for (i, line) in lines.enumerated() {
      var object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      edit(i, &object)
      if i > 0 { object["prev"] = RFC6962.leafHash(Data(rewritten[i - 1].utf8)).hexString }
      let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
      rewritten.append(text(i, String(decoding: data, as: UTF8.self)))
    }
    try Data((rewritten.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: ws + "/ledger.jsonl"))
    try FileManager.default.removeItem(atPath: ws + "/checkpoints")
    // The monitor rewriting their own history also removes the local guard against hand edits.
    try? FileManager.default.removeItem(atPath: ws + "/ledger.jsonl.head")
    let out = TestSupport.temporaryFolder().appendingPathComponent("out")
    return (out, try TestSupport.veedor(["report", "export", "-w", ws, "--key", key, "--out", out.path] + export))
  }

  /// A copy of the published folder to tamper with.
  func copy() throws -> URL {
    let target = TestSupport.temporaryFolder().appendingPathComponent("copy")
    try FileManager.default.copyItem(at: out, to: target)
    return target
  }
}
