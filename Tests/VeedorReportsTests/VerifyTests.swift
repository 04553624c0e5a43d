import Foundation
import Testing
import VeedorLedger
import VeedorReports
import VeedorSigning
import VeedorTestSupport

@Suite("veedor verify")
struct VerifyTests {
  @Test("a fresh export passes every step, with trust, evidence, ledger and an older checkpoint")
  func passes() throws {
    let f = try ReportFixture()
    let plain = try f.verify()
    #expect(plain.status == 0 && plain.stdout.contains("integrity only"))
    let older = f.olderCheckpoint
    let log = TestSupport.temporaryFolder("log").appendingPathComponent("log").path
    try ReportFixture.run(["ledger", "tiles", "--out", log, "-w", f.ws])
    let policy = TestSupport.temporaryFolder().appendingPathComponent("policy")
    try Data("# no witnesses yet\nquorum none\n".utf8).write(to: policy)
    let full = try f.verify(
      nil,
      [
        "--trust", f.keys.appendingPathComponent("allowed_signers").path, "--evidence-dir", f.ws + "/objects",
        "--ledger", f.ws + "/ledger.jsonl", "--since", older, "--log", log, "--witness-policy", policy.path,
      ])
    #expect(full.status == 0, "\(full.stdout)\(full.stderr)")
    #expect(full.stdout.contains("VERIFIED") && !full.stdout.contains("✗") && !full.stdout.contains("–"))
    #expect(
      full.stdout.contains(
        "extends \(URL(fileURLWithPath: older).lastPathComponent) (\(f.olderSize) → \(f.olderSize + 2) entries)"))
    #expect(
      full.stdout.contains("the report's \(f.olderSize + 2) and the older \(f.olderSize) are a prefix of it"),
      "\(full.stdout)")
    let vkey = try f.verify(nil, ["--trust", f.keys.appendingPathComponent("verifier.vkey").path])
    #expect(vkey.status == 0)
  }

  @Test("an edited readable copy beside the report (report.es.html) fails the renderings step, naming it")
  func editedRendering() throws {
    let f = try ReportFixture()
    let folder = try f.copy()
    let html = folder.appendingPathComponent("report.es.html")
    let text = try String(contentsOf: html, encoding: .utf8).replacingOccurrences(of: "Sí", with: "No")
    try Data(text.utf8).write(to: html)
    let result = try f.verify(folder.appendingPathComponent("report.json"))
    expectFailure(result, step: "renderings")
    #expect(result.stdout.contains("report.es.html is not what the verified report renders"), "\(result.stdout)")
    // A rendering made with other templates (another version) is not compared, and the step says so.
    let older = try String(contentsOf: html, encoding: .utf8).replacingOccurrences(
      of: "veedor-render/", with: "veedor-render-old/")
    try Data(older.utf8).write(to: html)
    let other = try f.verify(folder.appendingPathComponent("report.json"))
    #expect(other.status == 0 && other.stdout.contains("not compared, made with other templates"), "\(other.stdout)")
    let missing = try f.verify(folder.appendingPathComponent("nothing.json"))
    #expect(missing.status == 2 && missing.stderr.contains("no such file"))
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

  @Test("an older checkpoint put in place of the report's fails the entries step")
  func replacedCheckpoint() throws {
    let f = try ReportFixture()
    let copy = try f.copy()
    let url = copy.appendingPathComponent("report.json")
    var json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    var inputs = json["inputs"] as! [String: Any]
    inputs["checkpoint"] = try String(contentsOfFile: f.olderCheckpoint, encoding: .utf8)
    json["inputs"] = inputs
    try resign(url, json, f)
    let result = try f.verify(url)
    expectFailure(result, step: "ledger entries")
    #expect(result.stdout.contains("carries \(f.olderSize + 2) ledger lines; the checkpoint signed \(f.olderSize)"))
  }

  @Test("a history rewritten and signed again verifies alone, but not --since an older checkpoint nor --ledger")
  func rewrittenAndResigned() throws {
    let f = try ReportFixture()
    let older = f.olderCheckpoint
    let original = TestSupport.temporaryFolder().appendingPathComponent("ledger.jsonl")
    try FileManager.default.copyItem(atPath: f.ws + "/ledger.jsonl", toPath: original.path)
    // The monitor rewrites a past line, re-links the chain and re-signs from scratch.
    let report = try f.rewritten { _, object in
      guard var score = object["score"] as? [String: Any], score["rationale"] as? String == "Started" else { return }
      score["rationale"] = "Well under way"
      object["score"] = score
    }
    #expect(try f.verify(report).status == 0)
    expectFailure(try f.verify(report, ["--since", older]), step: "consistency with an older checkpoint")
    expectFailure(try f.verify(report, ["--ledger", original.path]), step: "full ledger")
  }

  @Test("an .asc by another key beside a good report fails the signature step: the folder is verified whole")
  func badOpenPGP() throws {
    let f = try ReportFixture()
    let copy = try f.copy()
    let other = MonitorKey.generate(name: "Other", email: "other@example.org", created: 1_700_000_000)
    let bytes = try Data(contentsOf: copy.appendingPathComponent("report.json"))
    try Data(try OpenPGP.sign(bytes, key: other, created: 1_700_000_000).utf8)
      .write(to: copy.appendingPathComponent("report.json.asc"))
    let result = try f.verify(copy.appendingPathComponent("report.json"))
    expectFailure(result, step: "report signature")
    #expect(result.stdout.contains("report.json.asc does not verify"))
    #expect(try f.verify().stdout.contains("OpenPGP"), "a good folder's .asc is checked and named")
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
    let longer = f.ws + "/checkpoints/" + String(format: "%010d", f.olderSize + 3) + ".note"
    let result = try f.verify(nil, ["--since", longer])
    expectFailure(result, step: "consistency with an older checkpoint")
    #expect(result.stdout.contains("rollback"))
  }

  @Test("a signed file that is not JSON and names another format is refused as not JSON, read whole")
  func notJSONOtherFormat() throws {
    let f = try ReportFixture()
    let copy = try f.copy()
    let url = copy.appendingPathComponent("report.json")
    var text = try String(contentsOf: url, encoding: .utf8)
    text = text.replacingOccurrences(
      of: "\"format\":\"\(Report.formatTag)\"", with: "\"format\":\"\(Report.formatTagV1)\"")
    #expect(text.contains(Report.formatTagV1))
    text.insert(contentsOf: #""x":"\u12","#, at: text.index(after: text.startIndex))
    try resign(url, Data(text.utf8), f)
    let result = try f.verify(url)
    expectFailure(result, step: "report format")
    #expect(result.stdout.contains("format: missing"), "\(result.stdout)")
  }

  @Test("the offline proof's inclusion path is checked, though its note's signature is not checked twice")
  func offlineProofPath() throws {
    let f = try ReportFixture()
    let copy = try f.copy()
    let url = copy.appendingPathComponent("report.json")
    let proofURL = copy.appendingPathComponent("report.json.tlog-proof")
    let passed = try f.verify(url)
    #expect(passed.status == 0 && passed.stdout.contains("report.json.tlog-proof proves entry"), "\(passed.stdout)")
    // One hash of the inclusion path changed; the note, and so its signature, untouched.
    var lines = try String(contentsOf: proofURL, encoding: .utf8).components(separatedBy: "\n")
    let at = try #require(lines.firstIndex { $0.count == 44 && $0.hasSuffix("=") })
    lines[at] = Data(repeating: 7, count: 32).base64EncodedString()
    try Data(lines.joined(separator: "\n").utf8).write(to: proofURL)
    expectFailure(try f.verify(url), step: "offline proof")
  }

  @Test("the offline proof's note must be the report's checkpoint note byte for byte, not just equal as text")
  func offlineProofNoteBytes() throws {
    // A K in the note (its root or signature) is needed; a fresh key signs differently, so a few tries
    // find one (each misses with chance about 1 in 8).
    for _ in 0..<10 {
      let f = try ReportFixture()
      let copy = try f.copy()
      let proofURL = copy.appendingPathComponent("report.json.tlog-proof")
      let text = try String(contentsOf: proofURL, encoding: .utf8)
      let note = try #require(text.range(of: "\n\n"))
      guard let k = text[note.upperBound...].firstIndex(of: "K") else { continue }
      var edited = text
      edited.replaceSubrange(k...k, with: "\u{212A}")  // KELVIN SIGN: equal to K as Swift compares strings
      #expect(edited == text && Data(edited.utf8) != Data(text.utf8))
      try Data(edited.utf8).write(to: proofURL)
      expectFailure(try f.verify(copy.appendingPathComponent("report.json")), step: "offline proof")
      return
    }
    Issue.record("no K in ten checkpoint notes")
  }

  /// Rewrites a tampered report and re-signs it with the monitor's own key, so only the later steps can catch it.
  func resign(_ url: URL, _ json: [String: Any], _ f: ReportFixture) throws {
    try resign(url, JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]), f)
  }

  /// Writes `bytes` as the report and signs them again with the monitor's own key.
  func resign(_ url: URL, _ bytes: Data, _ f: ReportFixture) throws {
    try bytes.write(to: url)
    for sig in ["report.json.sshsig", "report.json.sig", "report.json.asc"] {
      try? FileManager.default.removeItem(at: url.deletingLastPathComponent().appendingPathComponent(sig))
    }
    let key = try KeyFile.read(URL(fileURLWithPath: f.key)) { "" }
    let bytes = try Data(contentsOf: url)
    try Data(try SSHSignature.sign(bytes, namespace: SSHSignature.reportNamespace, key: key).utf8)
      .write(to: URL(fileURLWithPath: url.path + ".sshsig"))
  }
}
