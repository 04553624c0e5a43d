import Crypto
import Foundation
import VeedorDataset
import VeedorExport
import VeedorPlan
import VeedorRecords
import VeedorReports
import VeedorSigning
import VeedorVerify
import VeedorWorkspace

/// Times `veedor import` of many signed reports beside verifying their signatures alone.
struct ImportBench {
  let reports: Int

  /// Writes `reports` signed reports of 20 commitments under `root/reports/N/`, and a trust file
  /// trusting their key for every member; returns the key and the trust file.
  static func generate(_ reports: Int, in root: URL) -> (MonitorKey, URL) {
    let rubricURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("rubrics/irm-2021.json")
    let rubric = try! Data(contentsOf: rubricURL)
    let key = MonitorKey.generate(name: "Bench Monitor", email: "bench@example.org", created: 1_700_000_000)
    let now = Date(timeIntervalSince1970: 1_700_000_000)
    for n in 0..<reports {
      let code = String(format: "BM%04d", n)
      let commitments = (1...20).map { i in
        Commitment(id: code + String(format: "%04d", i), title: PlanText(en: "Commitment \(i) of plan \(n)"))
      }
      let plan = ActionPlan(id: "AP_\(code)01", member: "Member \(n)", memberCode: code, commitments: commitments)
      let ws = try! Workspace.create(
        at: root.appendingPathComponent("ws/\(n)"), plan: plan, rubricData: rubric, origin: "bench.example/\(code)",
        now: now)
      _ = try! ws.addEvidence(
        commitments.map {
          EvidenceDraft(commitment: $0.id, kind: .webpage, title: "page", url: "https://example.org/\($0.id)")
        },
        now: now)
      var drafts: [(ScoreDraft, correct: Bool)] = []
      for (i, c) in commitments.enumerated() {
        for (scale, level) in [
          ("verifiable", "yes"), ("potential-for-results", "modest"), ("completion", "substantial"),
        ] {
          drafts.append(
            (
              ScoreDraft(
                commitment: c.id, scale: scale, levels: [level], rationale: "bench", evidence: ["E\(i + 1)"]), false
            ))
        }
      }
      _ = try! ws.recordScores(drafts, now: now)
      _ = try! ReportExporter.export(
        workspace: ws, key: key, to: root.appendingPathComponent("reports/\(n)"), languages: [], now: now)
    }
    let trust = root.appendingPathComponent("trust")
    try! Data(
      ("* " + SSHSignature.allowedSigners(principal: "x", key: key).split(separator: " ", maxSplits: 1)[1]).utf8
    )
    .write(to: trust)
    return (key, trust)
  }

  /// Each figure and each reference is the best of this many rounds: one round's reference moved by up
  /// to 20 % from run to run, more than the import's own time did.
  static let rounds = 3

  func run() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("veedor-bench-import-\(getpid())")
    defer { try? FileManager.default.removeItem(at: root) }
    print("Generating \(reports) signed reports of 20 commitments…")
    var trust = root
    let generation = time { trust = Self.generate(reports, in: root).1 }
    let folder = root.appendingPathComponent("reports")
    let files = (0..<reports).map { folder.appendingPathComponent("\($0)/report.json") }
    var valid = 0
    let signaturesOnly = time(Self.rounds) {
      valid = 0
      for file in files {
        let (bytes, armoured) = Self.reportAndSSHSIG(file)
        if SSHSignature.verify(armoured, message: bytes, namespace: SSHSignature.reportNamespace) != nil { valid += 1 }
      }
    }
    // Every signature beside each report, as the import checks them: SSHSIG, raw Ed25519, OpenPGP.
    var allValid = 0
    let allSignatures = time(Self.rounds) {
      allValid = 0
      for file in files {
        let (bytes, armoured) = Self.reportAndSSHSIG(file)
        let raw = try! Data(contentsOf: URL(fileURLWithPath: file.path + ".sig"))
        let asc = try! String(contentsOf: URL(fileURLWithPath: file.path + ".asc"), encoding: .utf8)
        guard let key = SSHSignature.verify(armoured, message: bytes, namespace: SSHSignature.reportNamespace),
          (try? Curve25519.Signing.PublicKey(rawRepresentation: key))?.isValidSignature(raw, for: bytes) == true,
          OpenPGPVerifier.verify(asc, message: bytes, publicKey: key)
        else { continue }
        allValid += 1
      }
    }
    let trustFile = try! ReportVerifier.loadTrust(trust)
    let verifyAll = time(Self.rounds) {
      DispatchQueue.concurrentPerform(iterations: files.count) { i in
        _ = ReportVerifier.verify(files[i], options: .init(), trust: trustFile)
      }
    }
    let decodeOnly = time {
      for file in files { _ = try! JSONDecoder().decode(Report.self, from: Data(contentsOf: file)) }
    }
    var merged = 0
    BatchMemory.reserve()  // as `veedor import` does
    let importTime = time(Self.rounds) {
      let result = try! DatasetImporter(inputs: [folder], trust: trust)
      try! result.write(to: root.appendingPathComponent("dataset"))
      merged = result.dataset.count
    }
    var cliTime: Double?
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
      "veedor")
    if FileManager.default.isExecutableFile(atPath: binary.path) {
      cliTime = time(Self.rounds) {
        let process = Process()
        process.executableURL = binary
        process.arguments = [
          "import", folder.path, "--trust", trust.path, "--out", root.appendingPathComponent("cli").path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try! process.run()
        process.waitUntilExit()
      }
    }
    let s = { (t: Double) in String(format: "%.2f s", t) }
    print("")
    print(
      "Import benchmark: \(reports) reports × 20 commitments (generated in \(s(generation))); \(valid) signatures valid, \(merged) rows merged"
    )
    print("")
    let ratio = { (t: Double, reference: Double) in String(format: "%.1f×", t / reference) }
    print(
      "Best of \(Self.rounds) rounds each. References (same run, one core): SSHSIG checks alone \(s(signaturesOnly)); every signature beside each report (SSHSIG, raw Ed25519, OpenPGP) \(s(allSignatures))."
    )
    print("")
    print("| figure | Veedor | ratio to SSHSIG alone | ratio to every signature | target |")
    print("|---|---|---|---|---|")
    print(
      "| import in process (verify all steps + merge + write) | \(s(importTime)) | \(ratio(importTime, signaturesOnly)) | \(ratio(importTime, allSignatures)) | ≤ 3× |"
    )
    print(
      "| of which: every verify step for every report | \(s(verifyAll)) | \(ratio(verifyAll, signaturesOnly)) | \(ratio(verifyAll, allSignatures)) | |"
    )
    print("| of which: decoding report.json alone | \(s(decodeOnly)) | | | |")
    if let cliTime {
      print(
        "| `veedor import` as a command | \(s(cliTime)) | \(ratio(cliTime, signaturesOnly)) | \(ratio(cliTime, allSignatures)) | ≤ 3× |"
      )
    }
    if valid != reports || allValid != reports || merged != reports * 20 { exit(1) }
  }

  /// A report's bytes and its SSHSIG file, read as the signature checks read them.
  static func reportAndSSHSIG(_ file: URL) -> (Data, String) {
    (
      try! Data(contentsOf: file),
      try! String(contentsOf: URL(fileURLWithPath: file.path + ".sshsig"), encoding: .utf8)
    )
  }
}
