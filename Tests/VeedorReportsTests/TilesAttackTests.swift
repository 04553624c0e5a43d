import Foundation
import Testing
import VeedorLedger
import VeedorSigning
import VeedorTestSupport
import VeedorTiles

/// Attacks on the published log and the witness round, each now refused (found in an adversarial review).
@Suite("Tiles and witnesses under attack")
struct TilesAttackTests {
  static let key = MonitorKey.generate(name: "log", created: 0)
  static let origin = "example.org/log"
  static func lines(_ count: Int, salt: String = "") -> [Data] {
    (0..<count).map { Data("{\"n\":\($0)\(salt)}".utf8) }
  }
  static func note(_ lines: [Data]) throws -> String {
    let root = try MerkleTree(entries: lines).root()
    return try SignedNote.sign(Checkpoint(origin: origin, size: lines.count, root: root).text, name: origin, key: key)
      .serialized
  }
  static func witnessKey(_ seed: UInt8, _ name: String) throws -> (MonitorKey, Cosigner) {
    let k = try MonitorKey(seed: Data(repeating: seed, count: 32), name: name, created: 0)
    return (k, try Cosigner(name: name, publicKey: k.publicKey))
  }

  @Test("a policy listing a name twice as a group member is refused")
  func duplicateMember() throws {
    let (k1, c1) = try Self.witnessKey(1, "w.example/1")
    let (_, c2) = try Self.witnessKey(2, "w.example/2")
    let (_, c3) = try Self.witnessKey(3, "w.example/3")
    let lines = Self.lines(3)
    let note = try SignedNote(parsing: try Self.note(lines))
    let sig = try Cosigner.cosign(body: note.text, timestamp: 1, name: c1.name, key: k1)
    let cosigned = note.adding([sig])
    // Spec: "Each defined name can be listed as a group member at most once."
    _ = cosigned
    // Spec: "Each defined name can be listed as a group member at most once."
    #expect(throws: TilesError.self) {
      try WitnessPolicy(text: "witness a \(c1)\nwitness b \(c2)\ngroup g 2 a a\nquorum g\n")
    }
    #expect(throws: TilesError.self) {
      try WitnessPolicy(
        text:
          "witness a \(c1)\nwitness b \(c2)\nwitness c \(c3)\ngroup X any a b\ngroup Y any a c\ngroup Q all X Y\nquorum Q\n"
      )
    }
  }

  @Test("a policy with a duplicate log or a signed threshold is refused")
  func policyLax() throws {
    let nk = try NoteKey(name: Self.origin, publicKey: Self.key.publicKey)
    let (_, c1) = try Self.witnessKey(1, "w.example/1")
    #expect(throws: TilesError.self) { try WitnessPolicy(text: "log \(nk)\nlog \(nk)\nquorum none\n") }
    #expect(throws: TilesError.self) { try WitnessPolicy(text: "witness a \(c1)\ngroup g +1 a\nquorum g\n") }
  }

  @Test("a junk line from a witness is never taken as its cosignature, even on a note it cosigned before")
  func junkCosignature() throws {
    let (k1, c1) = try Self.witnessKey(1, "w.example/1")
    let lines = Self.lines(10)
    let note = try SignedNote(parsing: try Self.note(lines))
    let good = try Cosigner.cosign(body: note.text, timestamp: 100, name: c1.name, key: k1)
    let already = note.adding([good])
    let junk = SignedNote.Signature(name: c1.name, keyID: c1.keyID, signature: Data(repeating: 0x41, count: 72))
    let server = try LoopbackServer { _ in
      LoopbackServer.Response(status: 200, body: Data(junk.line.utf8), contentType: "text/plain")
    }
    let policy = try WitnessPolicy(text: "witness w1 \(c1) \(server.url)\nquorum w1\n")
    let checkpoint = try Checkpoint(text: note.text)
    let outcome = WitnessClient.cosign(
      note: already, checkpoint: checkpoint, witness: policy.witnesses[0], knownSize: 10
    ) { old in try MerkleTree(entries: lines).consistencyProof(oldSize: old, newSize: 10) }
    #expect(outcome.cosignature == nil, "junk accepted as w1's cosignature: \(String(describing: outcome.cosignature))")
    server.stop()
  }

  @Test("re-witnessing keeps one cosignature per witness, so the note always parses")
  func tooManySignatures() throws {
    let (k1, c1) = try Self.witnessKey(1, "w.example/1")
    var note = try SignedNote(parsing: try Self.note(Self.lines(3)))
    for t in 0..<100 {
      note = note.adding([try Cosigner.cosign(body: note.text, timestamp: UInt64(t), name: c1.name, key: k1)])
    }
    // One cosignature per witness is kept (the newest), so the note never outgrows what parsing allows.
    #expect(note.signatures.count == 2)
    #expect((try? SignedNote(parsing: note.serialized)) != nil)
  }

  @Test("tiles of a different history in the previous folder are reported as rewritten")
  func historyRewrite() throws {
    let folder = TestSupport.temporaryFolder("r16").appendingPathComponent("log")
    let a = Self.lines(600)
    _ = try TileWriter.write(lines: a, checkpoint: try Self.note(a), sizes: [600], to: folder)
    let b = Self.lines(600, salt: ",\"x\":1")
    let r = try TileWriter.write(lines: b, checkpoint: try Self.note(b), sizes: [600], to: folder)
    print("R4 result: written \(r.written) kept \(r.kept) dropped \(r.dropped)")
    #expect(
      r.rewritten > 0 && r.rewritten == r.written && r.kept == 0, "a different history must show as rewritten files")
  }

  @Test("writing an empty log carries no old tile over")
  func emptyKeepsOld() throws {
    let folder = TestSupport.temporaryFolder("r16").appendingPathComponent("log")
    let a = Self.lines(300)
    _ = try TileWriter.write(lines: a, checkpoint: try Self.note(a), sizes: [300], to: folder)
    let r = try TileWriter.write(lines: [], checkpoint: try Self.note([]), sizes: [], to: folder)
    print("R5 dropped: \(r.dropped)")
    let still = FileManager.default.fileExists(atPath: folder.appendingPathComponent("tile/0/001.p/44").path)
    #expect(!(r.dropped.contains("tile/0/001.p/44") && still), "reported dropped but still served")
  }

  @Test("ledger fetch refuses a log claiming more entries than the limit, before allocating")
  func hugeSize() throws {
    let folder = TestSupport.temporaryFolder("r16").appendingPathComponent("log")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let other = MonitorKey.generate(name: "x", created: 0)
    let text = Checkpoint(origin: "evil.example/log", size: 1 << 40, root: Data(count: 32)).text
    let note = try SignedNote.sign(text, name: "evil.example/log", key: other)
    try Data(note.serialized.utf8).write(to: folder.appendingPathComponent("checkpoint"))
    let result = try TestSupport.veedor([
      "ledger", "fetch", folder.path, "--out", folder.appendingPathComponent("l").path,
    ])
    #expect(result.status == 2 && result.stderr.contains("more than the limit"), "\(result.stderr)")
  }

  @Test("verify's offline proof must prove the last entry in the checkpoint note as carried")
  func strippedProof() throws {
    let (f, logKey, _) = try WitnessTests.logKey()
    let (w1, w2) = try WitnessTests.twoWitnesses(f, logKey)
    let out = TestSupport.temporaryFolder().appendingPathComponent("report")
    try ReportFixture.run(["report", "export", "-w", f.ws, "--key", f.key, "--out", out.path])
    let proofURL = out.appendingPathComponent("report.json.tlog-proof")
    let original = try TlogProof(parsing: String(contentsOf: proofURL, encoding: .utf8))
    let note = try SignedNote(parsing: original.checkpoint)
    #expect(note.signatures.count == 3)
    // Keep only the log's own signature; prove entry 0 instead of the last.
    let stripped =
      note.serialized.split(separator: "\n", omittingEmptySubsequences: false).prefix(5).joined(separator: "\n") + "\n"
    let report =
      try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json")))
      as! [String: Any]
    _ = report
    let size = try Checkpoint(text: note.text).size
    let lines = try String(contentsOfFile: f.ws + "/ledger.jsonl", encoding: .utf8).split(separator: "\n").prefix(size)
      .map { Data($0.utf8) }
    let forged = TlogProof(
      index: 0, proof: try MerkleTree(entries: Array(lines)).inclusionProof(index: 0, size: size), checkpoint: stripped)
    try Data(forged.text.utf8).write(to: proofURL)
    let reader = TestSupport.temporaryFolder().appendingPathComponent("policy")
    try Data("witness a \(w1.vkey)\nwitness b \(w2.vkey)\ngroup g 2 a b\nquorum g\n".utf8).write(to: reader)
    let r = try f.verify(out.appendingPathComponent("report.json"), ["--witness-policy", reader.path])
    print("R9 verify status \(r.status)\n\(r.stdout)")
    #expect(!(r.status == 0 && r.stdout.contains("proves entry 0")), "a proof of entry 0 with no cosignatures passes")
  }

  @Test("publish refuses a report that would roll the public log back")
  func publishRollback() throws {
    let f = try ReportFixture()
    let site = TestSupport.temporaryFolder().appendingPathComponent("site")
    let older = f.out
    try ReportFixture.run(["note", "one more", "-w", f.ws])
    let newer = TestSupport.temporaryFolder().appendingPathComponent("newer")
    try ReportFixture.run(["report", "export", "-w", f.ws, "--key", f.key, "--out", newer.path])
    try ReportFixture.run(["publish", "-w", f.ws, "--out", site.path, "--report", newer.path, "--keys", f.keys.path])
    let before = try String(contentsOf: site.appendingPathComponent("log/checkpoint"), encoding: .utf8)
    let r = try TestSupport.veedor([
      "publish", "-w", f.ws, "--out", site.path, "--report", older.path, "--keys", f.keys.path,
    ])
    let after = try String(contentsOf: site.appendingPathComponent("log/checkpoint"), encoding: .utf8)
    print("R10 publish status \(r.status) \(r.stdout) \(r.stderr)\nbefore:\n\(before)after:\n\(after)")
    let verifyNewer = try f.verify(
      newer.appendingPathComponent("report.json"), ["--log", site.appendingPathComponent("log").path])
    print("R10 verify newer against the site log: \(verifyNewer.status)\n\(verifyNewer.stdout)")
    #expect(r.status != 0, "publishing an older report silently rolled back log/checkpoint")
  }

  @Test("re-witnessing the same checkpoint many times leaves a workspace that works")
  func rewitnessBricks() throws {
    let (f, logKey, _) = try WitnessTests.logKey()
    _ = logKey
    let notes = try FileManager.default.contentsOfDirectory(atPath: f.ws + "/checkpoints").filter {
      $0.hasSuffix(".note")
    }.sorted()
    let url = URL(fileURLWithPath: f.ws + "/checkpoints/" + notes.last!)
    var note = try SignedNote(parsing: String(contentsOf: url, encoding: .utf8))
    let (k1, c1) = try Self.witnessKey(1, "witness.example/w1")
    // What 100 runs of 'veedor checkpoint' against a witness that stamps the current time leave behind.
    for t in 0..<100 {
      note = note.adding([
        try Cosigner.cosign(body: note.text, timestamp: 1_700_000_000 + UInt64(t), name: c1.name, key: k1)
      ])
    }
    try Data(note.serialized.utf8).write(to: url)
    let r = try TestSupport.veedor(["checkpoint", "-w", f.ws, "--key", f.key, "--no-witnesses"])
    print("R3b checkpoint: \(r.status) \(r.stderr)")
    let e = try TestSupport.veedor([
      "report", "export", "-w", f.ws, "--key", f.key, "--out",
      TestSupport.temporaryFolder().appendingPathComponent("o").path,
    ])
    print("R3b export: \(e.status) \(e.stderr)")
    #expect(r.status == 0 && e.status == 0)
  }

  @Test("a checkpoint already cosigned is not sent to the witness again")
  func resend() throws {
    let (f, logKey, _) = try WitnessTests.logKey()
    let w1 = try TestWitness(name: "witness.example/w1", seed: 1, logKey: logKey)
    try Data("witness w1 \(w1.vkey) \(w1.url)\nquorum w1\n".utf8).write(to: URL(fileURLWithPath: f.ws + "/witnesses"))
    try ReportFixture.run(["checkpoint", "-w", f.ws, "--key", f.key])
    let before = w1.server?.requested.count ?? 0
    let r = try ReportFixture.run(["checkpoint", "-w", f.ws, "--key", f.key])
    print("R3c second run: requests \(before) -> \(w1.server?.requested.count ?? 0); \(r.stderr)")
    #expect((w1.server?.requested.count ?? 0) == before, "re-sent an already cosigned checkpoint")
  }
}
