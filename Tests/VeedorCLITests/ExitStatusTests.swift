import Foundation
import Testing
import VeedorTestSupport

@Suite("Exit statuses as the README promises: 2 for the user's input, with one line naming it")
struct ExitStatusTests {
  @Test("ledger proof and consistency for entries or sizes the ledger does not have exit 2")
  func proofBeyondLedger() throws {
    let ws = try cliWorkspace()
    let cases: [([String], String)] = [
      (["ledger", "proof", "99"], "entry 99 is not in a tree of 1 entries"),
      (["ledger", "proof", "0", "--size", "99"], "tree size 99 is out of range"),
      (["ledger", "consistency", "1", "99"], "tree size 99 is out of range"),
      (["ledger", "consistency", "0"], "a consistency proof needs 0 < old size"),
    ]
    for (args, message) in cases {
      let result = try TestSupport.veedor(args + ["-w", ws])
      #expect(result.status == 2, "\(args) → \(result.status)\n\(result.stderr)")
      #expect(result.stderr.contains(message), "\(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1)
    }
  }

  @Test("a wrong passphrase is the user's input: exit 2, one line")
  func wrongPassphrase() throws {
    let key = TestSupport.temporaryFolder().appendingPathComponent("keys/monitor.key").path
    try veedor("key", "generate", "--key", key, "--name", "M", env: ["VEEDOR_PASSPHRASE": "a long passphrase"])
    let result = try veedor("key", "show", "--key", key, status: 2, env: ["VEEDOR_PASSPHRASE": "another passphrase"])
    #expect(result.stderr == "veedor: error: \(key): wrong passphrase (the key file could not be decrypted)\n")
  }

  @Test("an unknown scale is reported as field 'scale', an unknown level as field 'level'")
  func scaleOrLevel() throws {
    let ws = try cliWorkspace()
    try veedor("evidence", "add", "CLPLN0001", "--url", "https://example.org", "--title", "t", "-w", ws)
    let scale = try veedor(
      "score", "CLPLN0001", "nosuchscale", "yes", "--rationale", "r", "--evidence", "E1", "-w", ws, status: 2)
    #expect(scale.stderr.hasPrefix("veedor: error: field 'scale': unknown scale 'nosuchscale'"), "\(scale.stderr)")
    let level = try veedor(
      "score", "CLPLN0001", "verifiable", "perhaps", "--rationale", "r", "--evidence", "E1", "-w", ws, status: 2)
    #expect(level.stderr.hasPrefix("veedor: error: field 'level': unknown level 'perhaps'"), "\(level.stderr)")
  }
}
