import Foundation
import Testing
import VeedorLedger
import VeedorTestSupport

@Suite("Ledger, key and checkpoint commands")
struct LedgerCLITests {
  /// A workspace with a few entries and an unencrypted key.
  func prepared() throws -> (ws: String, key: String) {
    let ws = try cliWorkspace()
    for i in 0..<5 {
      try veedor("evidence", "add", "CLPLN0001", "--url", "https://example.org/\(i)", "--title", "t\(i)", "-w", ws)
    }
    let key = TestSupport.temporaryFolder().appendingPathComponent("keys/monitor.key").path
    let made = try veedor("key", "generate", "--key", key, "--name", "Test Monitor", "--unencrypted")
    #expect(!made.stdout.isEmpty)
    return (ws, key)
  }

  func field(_ name: String, _ text: String) -> String {
    text.split(separator: "\n").first { $0.hasPrefix(name + ": ") }.map { String($0.dropFirst(name.count + 2)) } ?? ""
  }

  @Test("a proof printed by 'ledger proof' is accepted offline by 'check-inclusion', and a changed one is not")
  func inclusionRoundTrip() throws {
    let (ws, _) = try prepared()
    let out = try veedor("ledger", "proof", "2", "--size", "5", "-w", ws).stdout
    let args = [
      "ledger", "check-inclusion", "--index", "2", "--size", "5", "--root", field("root", out),
      "--leaf-hash", field("leaf-hash", out), "--proof", field("proof", out),
    ]
    #expect(try TestSupport.veedor(args).status == 0)
    var bad = args
    bad[3] = "4"
    #expect(try TestSupport.veedor(bad).status == 1)
    let base64Root = Data(hex: field("root", out))!.base64EncodedString()
    var b64 = args
    b64[7] = base64Root
    #expect(try TestSupport.veedor(b64).status == 0)
  }

  @Test("a consistency proof checks offline; a forked root fails")
  func consistencyRoundTrip() throws {
    let (ws, _) = try prepared()
    let out = try veedor("ledger", "consistency", "3", "-w", ws).stdout
    let args = [
      "ledger", "check-consistency", "--old-size", "3", "--new-size", field("new-size", out),
      "--old-root", field("old-root", out), "--new-root", field("new-root", out), "--proof", field("proof", out),
    ]
    #expect(try TestSupport.veedor(args).status == 0)
    var forked = args
    forked[7] = String(repeating: "ab", count: 32)
    #expect(try TestSupport.veedor(forked).status == 1)
  }

  @Test("checkpoint signs, verify passes; a rewritten past makes both verify and the next checkpoint refuse")
  func checkpointRefusesRewrite() throws {
    let (ws, key) = try prepared()
    let note = try veedor("checkpoint", "-w", ws, "--key", key).stdout
    let origin = try #require(note.split(separator: "\n").first.map(String.init))
    // The default origin is unique to the workspace: the plan id and a random suffix.
    #expect(origin.range(of: #"^veedor\.local/AP_CLPLN01/[0-9a-f]{12}$"#, options: .regularExpression) != nil)
    #expect(note.contains("\(origin)\n6\n") && note.contains("\n\n\u{2014} \(origin) "))
    try veedor("ledger", "verify", "-w", ws)
    let vkey = try veedor("key", "show", "--key", key, "-w", ws).stdout
    try veedor("ledger", "verify", "-w", ws, "--verifier-key", field("verifier-key", vkey))
    let url = URL(fileURLWithPath: ws + "/ledger.jsonl")
    let text = try String(contentsOf: url, encoding: .utf8)
    try text.replacingOccurrences(of: "https://example.org/4", with: "https://example.org/9").write(
      to: url, atomically: true, encoding: .utf8)
    let verify = try veedor("ledger", "verify", "-w", ws, status: 1)
    #expect(verify.stderr.contains("ledger.jsonl:6:"))
    let refused = try veedor("checkpoint", "-w", ws, "--key", key, status: 1)
    #expect(refused.stderr.contains("ledger.jsonl:6"))
  }

  @Test("encrypted keys: the passphrase comes from the environment or a file; a wrong one is a clear error")
  func passphrases() throws {
    let (ws, _) = try prepared()
    let key = TestSupport.temporaryFolder().appendingPathComponent("k/monitor.key").path
    try veedor(
      "key", "generate", "--key", key, "--name", "M", env: ["VEEDOR_PASSPHRASE": "a long passphrase only you know"])
    let wrong = try veedor("checkpoint", "-w", ws, "--key", key, status: 2, env: ["VEEDOR_PASSPHRASE": "nope"])
    #expect(wrong.stderr.contains("wrong passphrase"))
    let file = TestSupport.temporaryFolder().appendingPathComponent("pass")
    try Data("a long passphrase only you know\n".utf8).write(to: file)
    try veedor("checkpoint", "-w", ws, "--key", key, "--passphrase-file", file.path)
    let missing = try veedor("key", "show", "--key", key, status: 2)
    #expect(missing.stderr.contains("no passphrase"))
  }
}
