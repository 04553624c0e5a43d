import Foundation
import Testing
import VeedorLedger
import VeedorPlan
import VeedorRecords
import VeedorReports
import VeedorRubric
import VeedorSigning
import VeedorTestSupport
import VeedorVerify
import VeedorWorkspace

/// A small seeded generator (SplitMix64), so every mutant can be reproduced from its seed.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Hostile variants of a valid input: flipped bits, cuts, repeats, junk bytes, invalid UTF-8.
func mutants(of data: Data, count: Int, seed: UInt64 = 7) -> [Data] {
  var rng = SeededGenerator(state: seed)
  return (0..<count).map { _ in
    var bytes = [UInt8](data)
    for _ in 0..<Int.random(in: 1...4, using: &rng) where !bytes.isEmpty {
      let at = Int.random(in: 0..<bytes.count, using: &rng)
      switch Int.random(in: 0..<6, using: &rng) {
      case 0: bytes[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
      case 1: bytes.removeSubrange(at...)
      case 2: bytes.insert(contentsOf: bytes[at..<min(at + 64, bytes.count)], at: at)
      case 3: bytes.insert(contentsOf: [0xFF, 0xFE, 0x00, 0xC3], at: at)
      case 4:
        bytes[at] =
          [UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "\n"), UInt8(ascii: ","), 0x80][
            Int.random(in: 0..<5, using: &rng)]
      default: bytes.removeSubrange(at..<min(at + Int.random(in: 1...32, using: &rng), bytes.count))
      }
    }
    return Data(bytes)
  }
}

/// Every parser that reads a file a user can be handed survives hostile variants of a valid one:
/// it returns an answer or a clear error, never a crash or a hang.
@Suite("Hostile variants of every input")
struct MutationTests {
  @Test("rubric files")
  func rubrics() throws {
    let valid = try Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("rubrics/irm-legacy.json"))
    for mutant in mutants(of: valid, count: 400) {
      let problems = RubricValidator.validate(mutant)
      if problems.isEmpty { _ = try? Rubric.load(mutant) }
    }
  }

  @Test("plan CSV, OGP sheet CSV and plan JSON")
  func plans() throws {
    let sheet = try Data(
      contentsOf: TestSupport.packageRoot.appendingPathComponent(
        "Tests/VeedorWorkspaceTests/Fixtures/ogp-sheet-excerpt.csv"))
    for mutant in mutants(of: sheet, count: 200) {
      if let rows = try? CSV.parse(mutant, file: "m"), let parsed = try? OGPSheet(rows: rows, file: "m") {
        for id in parsed.planIDs { _ = try? parsed.plan(id, file: "m") }
      }
    }
    let plan = try Data(
      contentsOf: TestSupport.packageRoot.appendingPathComponent("scripts/example/penalolen-plan.json"))
    for mutant in mutants(of: plan, count: 400) {
      if let parsed = try? PlanImporter.decodeJSON(mutant, file: "m") { _ = try? PlanImporter.check(parsed, file: "m") }
    }
  }

  @Test("ledgers: a hostile ledger is named, never trusted and never crashes the replay")
  func ledgers() throws {
    let valid = try Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("evidence/ledger.jsonl"))
    var caught = 0
    for mutant in mutants(of: valid, count: 400) where mutant != valid {
      let contents = LedgerFile.split(mutant)
      let audit = LedgerAudit(contents)
      let replay = try? LedgerState.replay(contents.lines, file: "m")
      if audit.finding != nil || replay == nil || contents.lines.count != 13 { caught += 1 }
    }
    #expect(caught > 300)
  }

  @Test("signed notes, checkpoints, SSHSIG armour, trust files and key files")
  func signatures() throws {
    let key = try MonitorKey(seed: Data(0..<32), name: "m", email: "m@example.org", created: 0)
    let note = try SignedNote.sign(
      Checkpoint(origin: "o.example/log", size: 3, root: Data(repeating: 1, count: 32)).text, name: "o.example/log",
      key: key)
    let vkey = try NoteKey(name: "o.example/log", publicKey: key.publicKey)
    for mutant in mutants(of: Data(note.serialized.utf8), count: 400) {
      guard let text = String(data: mutant, encoding: .utf8), let parsed = try? SignedNote(parsing: text) else {
        continue
      }
      if parsed.isSigned(by: vkey) { #expect(parsed.text == note.text) }
      _ = try? Checkpoint(text: parsed.text)
    }
    let message = Data("{\"report\":1}\n".utf8)
    let armour = try SSHSignature.sign(message, namespace: SSHSignature.reportNamespace, key: key)
    for mutant in mutants(of: Data(armour.utf8), count: 400) {
      _ = SSHSignature.verify(
        String(decoding: mutant, as: UTF8.self), message: message, namespace: SSHSignature.reportNamespace)
    }
    let folder = TestSupport.temporaryFolder()
    let signers = Data(SSHSignature.allowedSigners(principal: "m@example.org", key: key).utf8)
    for (i, mutant) in mutants(of: signers, count: 200).enumerated() {
      let url = folder.appendingPathComponent("trust\(i)")
      try mutant.write(to: url)
      if let trust = try? TrustFile(url) {
        _ = trust.authorize(key.publicKey, namespace: SSHSignature.reportNamespace, at: Date())
      }
    }
    let keyURL = folder.appendingPathComponent("k/monitor.key")
    try KeyFile.write(key, to: keyURL, passphrase: "p", cost: .testing)
    for (i, mutant) in mutants(of: try Data(contentsOf: keyURL), count: 60).enumerated() {
      let url = folder.appendingPathComponent("key\(i)")
      try mutant.write(to: url)
      try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
      if let loaded = try? KeyFile.read(url, passphrase: { "p" }) { #expect(loaded.publicKey == key.publicKey) }
    }
  }

  @Test("report.json as read by verify: every altered report fails, none crashes")
  func reports() throws {
    let f = try ReportFixture()
    let valid = try Data(contentsOf: f.report)
    let folder = TestSupport.temporaryFolder()
    for name in ["report.json.sshsig", "report.json.sig"] {
      try FileManager.default.copyItem(at: f.out.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
    let url = folder.appendingPathComponent("report.json")
    for mutant in mutants(of: valid, count: 150) where mutant != valid {
      try mutant.write(to: url)
      let result = ReportVerifier.verify(url, options: .init(ledger: URL(fileURLWithPath: f.ws + "/ledger.jsonl")))
      #expect(!result.verified)
    }
  }

  @Test("reply files: every variant parses or is refused with a located error; none keeps the party's signature")
  func replies() throws {
    let key = MonitorKey.generate(name: "party", created: 0)
    let root = Data(repeating: 9, count: 32).base64EncodedString()
    let valid = Data(
      ReplyText.template(
        checkpointSize: 17, checkpointRoot: root, party: "unidad", commitment: "CLPLN0002", scale: "completion",
        text: "Las actas.", spanish: true
      ).utf8)
    let signature = try SSHSignature.sign(valid, namespace: ReplyText.namespace, key: key)
    #expect(SSHSignature.verify(signature, message: valid, namespace: ReplyText.namespace) == key.publicKey)
    for mutant in mutants(of: valid, count: 400) where mutant != valid {
      do {
        _ = try ReplyText(parsing: mutant, file: "r.txt")
      } catch {
        #expect(error.code == .badInput && error.file == "r.txt")
      }
      #expect(SSHSignature.verify(signature, message: mutant, namespace: ReplyText.namespace) == nil)
    }
  }
}
