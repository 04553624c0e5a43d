import Crypto
import Foundation
import VeedorExport
import VeedorLedger
import VeedorPlan
import VeedorRecords
import VeedorReports
import VeedorSigning
import VeedorWorkspace

/// `veedor-bench suite`: every figure of BENCHMARKS.md beside a reference from the same run.
struct SuiteBench {
  var rows: [String] = []

  mutating func row(_ figure: String, _ ours: String, _ reference: String, _ ratio: String, _ target: String) {
    rows.append("| \(figure) | \(ours) | \(reference) | \(ratio) | \(target) |")
    print(rows.last ?? "")
  }

  static func ms(_ s: Double) -> String { String(format: "%.1f ms", s * 1000) }
  static func us(_ s: Double) -> String { String(format: "%.1f µs", s * 1e6) }

  mutating func run() throws {
    print("| figure | Veedor | reference (same run) | ratio | target |\n|---|---|---|---|---|")
    try evidenceHashing()
    try signing()
    try ledgerSizes()
    try export()
    try coldStart()
  }

  mutating func evidenceHashing() throws {
    let size = 1 << 30
    let buffer = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) })
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("veedor-bench-1gib-\(getpid())")
    try buffer.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    var raw = ""
    let rawTime = time(2) { raw = Data(SHA256.hash(data: buffer)).hexString }
    var ours = ""
    let oursTime = time(2) { ours = (try? EvidenceStore.sha256(of: file)) ?? "" }
    precondition(raw == ours)
    row(
      "SHA-256 of a 1 GiB evidence file (mapped, as verify and ledger checks read it)", Self.ms(oursTime),
      "raw SHA-256 of the same bytes in memory: \(Self.ms(rawTime))",
      String(format: "%.0f%% of raw speed", rawTime / oursTime * 100), "≥ 80 %")
  }

  mutating func signing() throws {
    let key = MonitorKey.generate(name: "b", created: 0)
    let raw = try Curve25519.Signing.PrivateKey(rawRepresentation: key.privateKey.rawRepresentation)
    let message = Data(repeating: 7, count: 256)
    let n = 20_000
    // Interleaved, best of five each, so neither side gets a warmer machine.
    var oursSign = Double.infinity
    var rawSign = Double.infinity
    for _ in 0..<5 {
      rawSign = min(rawSign, try time { for _ in 0..<n { _ = try raw.signature(for: message) } } / Double(n))
      oursSign = min(oursSign, try time { for _ in 0..<n { _ = try key.sign(message) } } / Double(n))
    }
    let signature = try raw.signature(for: message)
    let note = try NoteKey(name: "b", publicKey: key.publicKey)
    let signed = try SignedNote.sign("b\n1\n\(Data(count: 32).base64EncodedString())\n", name: "b", key: key)
    let oursVerify = time(3) { for _ in 0..<n { _ = signed.isSigned(by: note) } } / Double(n)
    let rawVerify =
      time(3) { for _ in 0..<n { _ = raw.publicKey.isValidSignature(signature, for: message) } } / Double(n)
    var openssl = ""
    if let speed = Self.opensslSpeed() {
      openssl = String(format: "; openssl speed: %.1f µs sign, %.1f µs verify", 1e6 / speed.sign, 1e6 / speed.verify)
    }
    row(
      "Ed25519 signing (256-byte message)", Self.us(oursSign), "raw swift-crypto: \(Self.us(rawSign))\(openssl)",
      String(format: "%.0f%% of raw speed", rawSign / oursSign * 100), "≥ 80 %")
    row(
      "Ed25519 checkpoint note verification", Self.us(oursVerify), "raw swift-crypto verify: \(Self.us(rawVerify))",
      String(format: "%.0f%% of raw speed", rawVerify / oursVerify * 100), "")
  }

  static func opensslSpeed() -> (sign: Double, verify: Double)? {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
    process.arguments = ["speed", "-seconds", "2", "ed25519"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard let line = text.split(separator: "\n").first(where: { $0.contains("Ed25519") && !$0.contains("sign/s") })
    else { return nil }
    let numbers = line.split(separator: " ").compactMap { Double($0) }
    guard numbers.count >= 2 else { return nil }
    return (numbers[numbers.count - 2], numbers[numbers.count - 1])
  }

  mutating func ledgerSizes() throws {
    for count in [10_000, 100_000, 1_000_000] {
      let lines = (0..<count).map {
        Data(
          "{\"note\":{\"text\":\"entry \($0) \(String(repeating: "x", count: 150))\"},\"seq\":\($0),\"type\":\"note\"}"
            .utf8)
      }
      let leafInputs = lines.map { Data([0]) + $0 }
      let node = Data(count: 65)
      let raw = time(2) {
        for input in leafInputs { _ = SHA256.hash(data: input) }
        for _ in 0..<(count - 1) { _ = SHA256.hash(data: node) }
      }
      var tree = MerkleTree(leafHashes: [])
      let build = time(2) { tree = MerkleTree(entries: lines) }
      let root = try tree.root()
      let indices = (0..<1000).map { _ in Int.random(in: 0..<count) }
      var proofs: [[Data]] = []
      let prove = try time(2) { proofs = try indices.map { try tree.inclusionProof(index: $0, size: count) } }
      var ok = true
      let check = time(2) {
        for (i, p) in zip(indices, proofs) {
          ok =
            ok
            && ProofVerifier.verifyInclusion(
              leafHash: tree.leafHash(at: i), index: i, size: count, proof: p, root: root)
        }
      }
      precondition(ok)
      row(
        "ledger of \(count) entries: tree and root", Self.ms(build), "raw SHA-256 of the same inputs: \(Self.ms(raw))",
        String(format: "%.2f×", build / raw), "≤ 2×")
      row(
        "ledger of \(count) entries: make + check one inclusion proof", Self.us((prove + check) / 1000),
        "proof length \(proofs.first?.count ?? 0) hashes", "", "grows as log n")
    }
  }

  mutating func export() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("veedor-bench-export-\(getpid())")
    defer { try? FileManager.default.removeItem(at: root) }
    let rubricURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("rubrics/irm-2021.json")
    let commitments = (1...6000).map {
      Commitment(id: String(format: "BIG%05d", $0), title: PlanText(en: "Commitment \($0)"))
    }
    let now = Date(timeIntervalSince1970: 1_700_000_000)
    let ws = try Workspace.create(
      at: root.appendingPathComponent("ws"),
      plan: ActionPlan(id: "AP_BIG01", member: "Big", memberCode: "BIG", commitments: commitments),
      rubricData: try Data(contentsOf: rubricURL), now: now)
    _ = try ws.addEvidence(
      [EvidenceDraft(commitment: "BIG00001", kind: .webpage, title: "p", url: "https://example.org")], now: now)
    _ = try ws.recordScores(
      commitments.map {
        (ScoreDraft(commitment: $0.id, scale: "verifiable", levels: ["yes"], rationale: "r", evidence: ["E1"]), false)
      }, now: now)
    let key = MonitorKey.generate(name: "b", created: 0)
    let out = root.appendingPathComponent("out")
    let exportTime = try time {
      _ = try ReportExporter.export(workspace: ws, key: key, to: out, languages: [.en, .es], now: now)
    }
    let bytes = try Data(contentsOf: out.appendingPathComponent("report.json"))
    let hashTime = time { _ = SHA256.hash(data: bytes) }
    row(
      "report export, 6,000 commitments (JSON, 3 signatures, MD+HTML ×2)", Self.ms(exportTime),
      "SHA-256 of the \(bytes.count / 1_000_000) MB report.json: \(Self.ms(hashTime))", "", "< 1 s")
  }

  mutating func coldStart() throws {
    let veedor = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
      "veedor")
    guard FileManager.default.isExecutableFile(atPath: veedor.path) else { return }
    func spawn(_ url: URL, _ args: [String]) -> Double {
      time(1) {
        for _ in 0..<50 {
          let p = Process()
          p.executableURL = url
          p.arguments = args
          p.standardOutput = FileHandle.nullDevice
          try? p.run()
          p.waitUntilExit()
        }
      } / 50
    }
    let ours = spawn(veedor, ["--version"])
    let truth = spawn(URL(fileURLWithPath: "/bin/true"), [])
    row(
      "cold start of `veedor --version`", Self.ms(ours), "`/bin/true`: \(Self.ms(truth))", "+\(Self.ms(ours - truth))",
      "< 30 ms over /bin/true")
  }
}
