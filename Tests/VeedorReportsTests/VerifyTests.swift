import Foundation
import Testing
import VeedorLedger
import VeedorSigning
import VeedorTestSupport

@Suite("veedor verify")
struct VerifyTests {
  @Test("a fresh export passes every step, with trust, evidence, ledger and an older checkpoint")
  func passes() throws {
    let f = try ReportFixture()
    let plain = try f.verify()
    #expect(plain.status == 0 && plain.stdout.contains("integrity only"))
    let older = URL(fileURLWithPath: f.ws).appendingPathComponent("checkpoints/0000000015.note").path
    let full = try f.verify(
      nil,
      [
        "--trust", f.keys.appendingPathComponent("allowed_signers").path, "--evidence-dir", f.ws + "/objects",
        "--ledger", f.ws + "/ledger.jsonl", "--since", older,
      ])
    #expect(full.status == 0, "\(full.stdout)\(full.stderr)")
    #expect(full.stdout.contains("VERIFIED") && !full.stdout.contains("✗") && !full.stdout.contains("–"))
    #expect(full.stdout.contains("extends 0000000015.note (15 → 16 entries)"))
    let vkey = try f.verify(nil, ["--trust", f.keys.appendingPathComponent("verifier.vkey").path])
    #expect(vkey.status == 0)
  }

  func expectFailure(_ result: TestSupport.Result, step: String) {
    #expect(result.status == 1, "\(result.stdout)")
    #expect(result.stdout.contains("NOT VERIFIED: \(step) failed"), "\(result.stdout)")
  }

  @Test("a flipped byte in report.json fails the signature step")
  func flippedByte() throws {
    let f = try ReportFixture()
    let copy = try f.copy()
    let url = copy.appendingPathComponent("report.json")
    var bytes = try Data(contentsOf: url)
    let at = try #require(bytes.range(of: Data("greener".utf8))).lowerBound
    bytes[at] ^= 0x01
    try bytes.write(to: url)
    expectFailure(try f.verify(url), step: "report signature")
  }

  @Test("a report signed by another key fails against the trust file")
  func untrusted() throws {
    let f = try ReportFixture()
    let other = TestSupport.temporaryFolder().appendingPathComponent("other.key").path
    try ReportFixture.run(["key", "generate", "--key", other, "--name", "Someone Else", "--unencrypted"])
    let out = TestSupport.temporaryFolder().appendingPathComponent("o")
    try ReportFixture.run(["report", "export", "-w", f.ws, "--key", other, "--out", out.path], status: 2)
    // The workspace's checkpoints belong to the first key, so a second signer is refused outright;
    // a report re-signed by another key is caught by the trust file instead.
    let copy = try f.copy()
    let stranger = TestSupport.temporaryFolder().appendingPathComponent("ws2").path
    try FileManager.default.copyItem(atPath: f.ws, toPath: stranger)
    try FileManager.default.removeItem(atPath: stranger + "/checkpoints")
    try ReportFixture.run(["report", "export", "-w", stranger, "--key", other, "--out", copy.path])
    expectFailure(
      try f.verify(
        copy.appendingPathComponent("report.json"), ["--trust", f.keys.appendingPathComponent("allowed_signers").path]),
      step: "report signature")
  }

  @Test("a replaced checkpoint fails the checkpoint step")
  func replacedCheckpoint() throws {
    let f = try ReportFixture()
    let copy = try f.copy()
    let url = copy.appendingPathComponent("report.json")
    var json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    var checkpoint = json["checkpoint"] as! [String: Any]
    let older = try String(contentsOfFile: f.ws + "/checkpoints/0000000015.note", encoding: .utf8)
    checkpoint["note"] = older
    json["checkpoint"] = checkpoint
    try resign(url, json, f)
    expectFailure(try f.verify(url), step: "checkpoint signature")
  }

  @Test("an inclusion proof from another tree fails the entries step")
  func foreignProof() throws {
    let f = try ReportFixture()
    let copy = try f.copy()
    let url = copy.appendingPathComponent("report.json")
    var json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    var entries = json["entries"] as! [[String: Any]]
    let otherTree = MerkleTree(entries: (0..<17).map { Data("other \($0)".utf8) })
    entries[1]["proof"] = try otherTree.inclusionProof(index: entries[1]["seq"] as! Int, size: 17).map(\.hexString)
    json["entries"] = entries
    try resign(url, json, f)
    expectFailure(try f.verify(url), step: "ledger entries")
  }

  @Test("a tampered evidence file fails the evidence step")
  func tamperedEvidence() throws {
    let f = try ReportFixture()
    let objects = TestSupport.temporaryFolder().appendingPathComponent("objects")
    try FileManager.default.copyItem(atPath: f.ws + "/objects", toPath: objects.path)
    let stored = try FileManager.default.subpathsOfDirectory(atPath: objects.path).first { $0.count > 60 }!
    try Data("Minutes of the environment forum!".utf8).write(to: objects.appendingPathComponent(stored))
    expectFailure(try f.verify(nil, ["--evidence-dir", objects.path]), step: "evidence files")
  }

  @Test("a ledger rewritten after the checkpoint fails the full-ledger step")
  func rewrittenLedger() throws {
    let f = try ReportFixture()
    let ledger = TestSupport.temporaryFolder().appendingPathComponent("ledger.jsonl")
    let text = try String(contentsOfFile: f.ws + "/ledger.jsonl", encoding: .utf8)
    try text.replacingOccurrences(of: "\"Started\"", with: "\"Not started\"").write(
      to: ledger, atomically: true, encoding: .utf8)
    expectFailure(try f.verify(nil, ["--ledger", ledger.path]), step: "full ledger")
  }

  @Test("--since a checkpoint of a longer tree is a rollback")
  func rollback() throws {
    let f = try ReportFixture()
    try ReportFixture.run(["note", "one more", "-w", f.ws])
    try ReportFixture.run(["checkpoint", "-w", f.ws, "--key", f.key])
    let longer = f.ws + "/checkpoints/0000000017.note"
    let result = try f.verify(nil, ["--since", longer])
    expectFailure(result, step: "consistency with an older checkpoint")
    #expect(result.stdout.contains("rollback"))
  }

  /// Rewrites a tampered report and re-signs it with the monitor's own key, so only the later steps can catch it.
  func resign(_ url: URL, _ json: [String: Any], _ f: ReportFixture) throws {
    try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]).write(to: url)
    for sig in ["report.json.sshsig", "report.json.sig", "report.json.asc"] {
      try? FileManager.default.removeItem(at: url.deletingLastPathComponent().appendingPathComponent(sig))
    }
    let key = try KeyFile.read(URL(fileURLWithPath: f.key)) { "" }
    try key.sign(try Data(contentsOf: url)).write(to: URL(fileURLWithPath: url.path + ".sig"))
  }
}
