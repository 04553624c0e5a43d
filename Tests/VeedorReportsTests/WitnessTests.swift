import Foundation
import Testing
import VeedorReports
import VeedorSigning
import VeedorTestSupport
import VeedorWorkspace

/// Witnesses over loopback (C2SP tlog-witness): cosigning, 409 catch-up, a split view refused, a witness
/// that is down; and a published log read over HTTP by `verify --log` and `ledger fetch`.
@Suite("Witnesses and the log over HTTP")
struct WitnessTests {
  /// The fixture's workspace with a witness policy naming the given witnesses.
  static func setUp(_ witnesses: [TestWitness], quorum: String) throws -> (ReportFixture, String) {
    let f = try ReportFixture()
    var policy = witnesses.map { "witness \($0.name) \($0.vkey) \($0.url)\n" }.joined()
    policy += "quorum \(quorum)\n"
    try Data(policy.utf8).write(to: URL(fileURLWithPath: f.ws + "/witnesses"))
    return (f, try Workspace.open(URL(fileURLWithPath: f.ws)).config.origin)
  }

  /// The monitor's checkpoint verifier key for the fixture.
  static func logKey() throws -> (ReportFixture, NoteKey, String) {
    let f = try ReportFixture()
    let key = try KeyFile.read(URL(fileURLWithPath: f.key), passphrase: { "" })
    let origin = try Workspace.open(URL(fileURLWithPath: f.ws)).config.origin
    return (f, try NoteKey(name: origin, publicKey: key.publicKey), origin)
  }

  /// Two loopback witnesses for the fixture's log, both required by the workspace's `witnesses` file.
  static func twoWitnesses(_ f: ReportFixture, _ logKey: NoteKey) throws -> (TestWitness, TestWitness) {
    let w1 = try TestWitness(name: "witness.example/w1", seed: 1, logKey: logKey)
    let w2 = try TestWitness(name: "witness.example/w2", seed: 2, logKey: logKey)
    let policy = "witness w1 \(w1.vkey) \(w1.url)\nwitness w2 \(w2.vkey) \(w2.url)\ngroup both all w1 w2\nquorum both\n"
    try Data(policy.utf8).write(to: URL(fileURLWithPath: f.ws + "/witnesses"))
    return (w1, w2)
  }

  @Test("two witnesses cosign, a later checkpoint is cosigned from the size they saw, a 409 is caught up")
  func cosign() throws {
    let (f, logKey, origin) = try Self.logKey()
    let (w1, w2) = try Self.twoWitnesses(f, logKey)
    let first = try ReportFixture.run(["checkpoint", "-w", f.ws, "--key", f.key])
    #expect(first.stderr.contains("witness w1: cosigned") && first.stderr.contains("witness w2: cosigned"))
    let size = try String(contentsOfFile: f.ws + "/ledger.jsonl", encoding: .utf8).split(separator: "\n").count
    #expect(w1.size(origin) == size && w2.size(origin) == size)
    try ReportFixture.run(["note", "one more", "-w", f.ws])
    let second = try ReportFixture.run(["checkpoint", "-w", f.ws, "--key", f.key])
    #expect(second.stderr.contains("witness w1: cosigned (from size \(size))"), "\(second.stderr)")
    #expect(w1.size(origin) == size + 1)
    // Forgetting what the witnesses saw costs one 409 each, answered from the size they report.
    try FileManager.default.removeItem(atPath: f.ws + "/checkpoints/witness-sizes.json")
    try ReportFixture.run(["note", "and another", "-w", f.ws])
    let third = try ReportFixture.run(["checkpoint", "-w", f.ws, "--key", f.key])
    #expect(third.stderr.contains("witness w2: cosigned (from size \(size + 1))"), "\(third.stderr)")
    // The report carries the cosigned checkpoint; a reader's policy checks it.
    let out = TestSupport.temporaryFolder().appendingPathComponent("report")
    try ReportFixture.run(["report", "export", "-w", f.ws, "--key", f.key, "--out", out.path])
    let reader = TestSupport.temporaryFolder().appendingPathComponent("policy")
    try Data("witness a \(w1.vkey)\nwitness b \(w2.vkey)\ngroup g 2 a b\nquorum g\n".utf8).write(to: reader)
    let ok = try f.verify(out.appendingPathComponent("report.json"), ["--witness-policy", reader.path])
    #expect(ok.status == 0 && ok.stdout.contains("2 of 2 known witnesses cosigned"), "\(ok.stdout)")
    let w3 = try TestWitness(name: "witness.example/w3", seed: 3, logKey: logKey)
    try Data("witness a \(w1.vkey)\nwitness c \(w3.vkey)\ngroup g all a c\nquorum g\n".utf8).write(to: reader)
    let short = try f.verify(out.appendingPathComponent("report.json"), ["--witness-policy", reader.path])
    #expect(short.status == 1 && short.stdout.contains("1 of 2 known witnesses cosigned"), "\(short.stdout)")
    let note = try SignedNote(
      parsing: String(contentsOf: out.appendingPathComponent("report.json.tlog-proof"), encoding: .utf8)
        .components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n"))
    #expect(note.signatures.count == 3)
  }

  @Test("a split view: the witness refuses a second history for the same origin, and verify's policy fails")
  func splitView() throws {
    let (f, logKey, origin) = try Self.logKey()
    let witness = try TestWitness(name: "witness.example/w1", seed: 1, logKey: logKey)
    try Data("witness w1 \(witness.vkey) \(witness.url)\nquorum w1\n".utf8).write(
      to: URL(fileURLWithPath: f.ws + "/witnesses"))
    try ReportFixture.run(["checkpoint", "-w", f.ws, "--key", f.key])
    let fork = TestSupport.temporaryFolder("fork").appendingPathComponent("ws").path
    try FileManager.default.copyItem(atPath: f.ws, toPath: fork)
    try ReportFixture.run(["note", "the history the public sees", "-w", f.ws])
    try ReportFixture.run(["checkpoint", "-w", f.ws, "--key", f.key])
    let seen = witness.size(origin)
    try ReportFixture.run(["note", "the history shown to someone else", "-w", fork])
    let refused = try ReportFixture.run(["checkpoint", "-w", fork, "--key", f.key], status: 1)
    #expect(refused.stderr.contains("witness w1: HTTP 422"), "\(refused.stderr)")
    #expect(refused.stderr.contains("quorum 'w1' is not met"))
    #expect(witness.size(origin) == seen)
    let out = TestSupport.temporaryFolder().appendingPathComponent("report")
    let export = try TestSupport.veedor(["report", "export", "-w", fork, "--key", f.key, "--out", out.path])
    #expect(export.stderr.contains("witness w1: HTTP 422"), "\(export.stderr)")
    let policy = TestSupport.temporaryFolder().appendingPathComponent("policy")
    try Data("witness w1 \(witness.vkey)\nquorum w1\n".utf8).write(to: policy)
    let result = try f.verify(out.appendingPathComponent("report.json"), ["--witness-policy", policy.path])
    #expect(result.status == 1 && result.stdout.contains("0 of 1 known witnesses cosigned"), "\(result.stdout)")
  }

  @Test("a witness that is down is reported; the checkpoint is still stored and the command fails the quorum")
  func down() throws {
    let (f, logKey, _) = try Self.logKey()
    let witness = try TestWitness(name: "witness.example/w1", seed: 1, logKey: logKey)
    let url = witness.url
    witness.server?.stop()
    try Data("witness w1 \(witness.vkey) \(url)\nquorum w1\n".utf8).write(to: URL(fileURLWithPath: f.ws + "/witnesses"))
    try ReportFixture.run(["note", "new", "-w", f.ws])
    let notes = {
      try FileManager.default.contentsOfDirectory(atPath: f.ws + "/checkpoints").filter { $0.hasSuffix(".note") }
    }
    let before = try notes().count
    let result = try ReportFixture.run(["checkpoint", "-w", f.ws, "--key", f.key], status: 1)
    #expect(result.stderr.contains("witness w1: unreachable"), "\(result.stderr)")
    #expect(try notes().count == before + 1)
    // In Spanish, the witness's failure too, and the same exit status.
    try ReportFixture.run(["note", "otra", "-w", f.ws])
    let spanish = try ReportFixture.run(["checkpoint", "-w", f.ws, "--key", f.key, "--lang", "es"], status: 1)
    #expect(spanish.stderr.contains("testigo w1: inalcanzable: "), "\(spanish.stderr)")
    #expect(!spanish.stderr.contains("unreachable"), "\(spanish.stderr)")
  }

  @Test(
    "verify --log over HTTP fetches only the tiles it needs; ledger fetch rebuilds the ledger; a tampered tile is named"
  )
  func overHTTP() throws {
    let f = try ReportFixture()
    let site = TestSupport.temporaryFolder("site").appendingPathComponent("site")
    try ReportFixture.run(["publish", "-w", f.ws, "--out", site.path, "--report", f.out.path, "--keys", f.keys.path])
    let server = try LoopbackServer.files(site)
    defer { server.stop() }
    let trust = f.keys.appendingPathComponent("allowed_signers").path
    let result = try f.verify(nil, ["--trust", trust, "--log", "\(server.url)/log"])
    #expect(result.status == 0 && result.stdout.contains("✓ 12. published log"), "\(result.stdout)")
    #expect(server.requested == ["/log/checkpoint", "/log/tile/0/000.p/\(try Self.size(f))"], "\(server.requested)")
    let ledger = TestSupport.temporaryFolder().appendingPathComponent("ledger.jsonl")
    try ReportFixture.run([
      "ledger", "fetch", "\(server.url)/log", "--out", ledger.path, "--verifier-key",
      f.keys.appendingPathComponent("verifier.vkey").path,
    ])
    let full = try Data(contentsOf: URL(fileURLWithPath: f.ws + "/ledger.jsonl"))
    #expect(full.starts(with: try Data(contentsOf: ledger)))
    let tile = site.appendingPathComponent("log/tile/0/000.p/\(try Self.size(f))")
    var bytes = try Data(contentsOf: tile)
    bytes[0] ^= 1
    try bytes.write(to: tile)
    let tampered = try f.verify(nil, ["--trust", trust, "--log", "\(server.url)/log"])
    #expect(tampered.status == 1 && tampered.stdout.contains("tile/0/000.p/"), "\(tampered.stdout)")
  }

  @Test("the same site served by python3 -m http.server passes verify --log")
  func pythonServer() throws {
    guard let python = TestSupport.tool("python3") else {
      if TestSupport.toolsRequired {
        Issue.record("python3 is required (VEEDOR_REQUIRE_TOOLS=1) but not installed")
      } else {
        print("SKIPPED: python3 is not installed")
      }
      return
    }
    let f = try ReportFixture()
    let site = TestSupport.temporaryFolder("site").appendingPathComponent("site")
    try ReportFixture.run(["publish", "-w", f.ws, "--out", site.path, "--report", f.out.path, "--keys", f.keys.path])
    let port = Int.random(in: 20_000..<60_000)
    let process = Process()
    process.executableURL = python
    process.arguments = ["-m", "http.server", "\(port)", "--bind", "127.0.0.1", "--directory", site.path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // SIGKILL: the server inherits a signal mask that can block SIGTERM, and must not outlive the test.
    defer {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    var up = false
    for _ in 0..<50 where !up {
      Thread.sleep(forTimeInterval: 0.1)
      up = (try? Data(contentsOf: URL(string: "http://127.0.0.1:\(port)/log/checkpoint")!)) != nil
    }
    #expect(up)
    let result = try f.verify(
      nil, ["--trust", f.keys.appendingPathComponent("allowed_signers").path, "--log", "http://127.0.0.1:\(port)/log"])
    #expect(result.status == 0 && result.stdout.contains("2 files fetched"), "\(result.stdout)")
  }

  /// The fixture report's checkpoint size.
  static func size(_ f: ReportFixture) throws -> Int {
    try JSONDecoder().decode(Report.self, from: Data(contentsOf: f.report)).checkpoint.size
  }
}
