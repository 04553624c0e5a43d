import Foundation
import Testing
import VeedorTestSupport

/// Text meant to take over a terminal: a title change, a line erase, a fake check mark on a new line, a C1 CSI.
let hostile = "bad\u{1B}]0;pwned\u{7}\u{1B}[2K\n✓ fake\u{9B}2J\u{7F}"

/// The first control character of `text` other than the line feeds between records, if any.
func controlCharacter(in text: String) -> Unicode.Scalar? {
  text.unicodeScalars.first { $0 != "\n" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) }
}

@Suite("Terminal output shows control characters from data, never obeys them")
struct TerminalEscapeTests {
  /// A workspace whose plan, evidence, score and note all carry `hostile`.
  func hostileWorkspace() throws -> String {
    let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: examplePlan)))
    var object = try #require(plan as? [String: Any])
    var commitments = try #require(object["commitments"] as? [[String: Any]])
    commitments[0]["title"] = ["en": "Title " + hostile, "es": "Título " + hostile]
    object["commitments"] = commitments
    let folder = TestSupport.temporaryFolder()
    let planFile = folder.appendingPathComponent("plan.json")
    try JSONSerialization.data(withJSONObject: object).write(to: planFile)
    let ws = folder.appendingPathComponent("ws").path
    try veedor("init", ws, "--plan", planFile.path, "--rubric", "ogp-local-2021")
    try veedor("evidence", "add", "CLPLN0001", "--url", "https://example.org/e", "--title", hostile, "-w", ws)
    try veedor(
      "score", "CLPLN0001", "verifiable", "yes", "--rationale", "Because " + hostile, "--evidence", "E1", "-w", ws)
    try veedor("note", hostile, "--commitment", "CLPLN0001", "-w", ws)
    return ws
  }

  @Test("log, evidence list, status, plan show and verify escape C0, DEL and C1 controls; JSON keeps the data")
  func escapesData() throws {
    let ws = try hostileWorkspace()
    let missing = TestSupport.temporaryFolder().appendingPathComponent("dir \(hostile)/report.json").path
    let outputs = [
      try veedor("log", "-w", ws).stdout,
      try veedor("evidence", "list", "-w", ws).stdout,
      try veedor("status", "-w", ws).stdout,
      try veedor("plan", "show", "-w", ws).stdout,
      try veedor("verify", missing, status: 2).stderr,
    ]
    for output in outputs {
      #expect(controlCharacter(in: output) == nil, "\(output.debugDescription)")
    }
    #expect(outputs[0].contains(#"bad\u{1B}]0;pwned\u{7}\u{1B}[2K\n✓ fake\u{9B}2J\u{7F}"#))
    #expect(outputs[2].contains(#"Title bad\u{1B}]0;pwned"#))
    #expect(outputs[4].contains(#"dir bad\u{1B}]0;pwned"#))
    let json = try veedor("evidence", "list", "--json", "-w", ws).stdout
    let items = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
    #expect(items?.first?["title"] as? String == hostile)
  }

  @Test("bidirectional overrides and isolates from data are shown, not obeyed")
  func bidi() throws {
    let ws = try hostileWorkspace()
    try veedor("note", "total \u{202E}0001\u{2066}x\u{2069}", "-w", ws)
    let log = try veedor("log", "-w", ws).stdout
    #expect(log.contains(#"total \u{202E}0001\u{2066}x\u{2069}"#), "\(log)")
    #expect(
      !log.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
  }

  @Test("an error message quoting bad input is one line without control characters")
  func escapesErrors() throws {
    let ws = try hostileWorkspace()
    let result = try veedor(
      "score", "CLPLN0001", "x\(hostile)", "yes", "--rationale", "r", "--evidence", "E1", "-w", ws, status: 2)
    #expect(controlCharacter(in: result.stderr) == nil, "\(result.stderr.debugDescription)")
    #expect(result.stderr.split(separator: "\n").count == 1)
  }
}
