import Foundation
import Testing
import VeedorDataset
import VeedorPlan
import VeedorTestSupport

/// Who signed is part of identity: ledgers are (origin, key), rows are (commitment, monitor), and a
/// key is held to the members it is trusted for, commitment by commitment.
@Suite("Import: monitors, ledgers and scope")
struct ImportIdentityTests {
  let root = TestSupport.temporaryFolder("import")

  /// A new workspace of the Peñalolén plan (or `plan`), scored once on CLPLN0001 as `level`, exported by a new key.
  func monitor(_ name: String, level: String = "yes", plan: URL? = nil) throws -> (ws: String, key: String, out: URL) {
    let ws = root.appendingPathComponent("ws-\(name)").path
    let planFile = plan ?? TestSupport.packageRoot.appendingPathComponent("scripts/example/penalolen-plan.json")
    try ReportFixture.run(["init", ws, "--plan", planFile.path, "--rubric", "ogp-local-2021"])
    try ReportFixture.run([
      "evidence", "add", "CLPLN0001", "--url", "https://example.org/\(name)", "--title", "Page", "-w", ws,
    ])
    try ReportFixture.run([
      "score", "CLPLN0001", "verifiable", level, "--rationale", "Read by \(name)", "--evidence", "E1", "-w", ws,
    ])
    let key = root.appendingPathComponent("\(name).key").path
    try ReportFixture.run([
      "key", "generate", "--key", key, "--name", name, "--email", "\(name.lowercased())@example.org", "--unencrypted",
    ])
    let out = root.appendingPathComponent("out-\(name)")
    try ReportFixture.run(["report", "export", "-w", ws, "--key", key, "--out", out.path, "--lang", "en"])
    try ReportFixture.run(["key", "export", "--key", key, "--out", root.appendingPathComponent("keys-\(name)").path])
    return (ws, key, out)
  }

  /// A trust line for a monitor's exported key with the given principals.
  func trustLine(_ name: String, members: String) throws -> String {
    let line = try String(
      contentsOf: root.appendingPathComponent("keys-\(name)/allowed_signers"), encoding: .utf8)
    return members + " " + line.split(separator: " ", maxSplits: 1)[1]
  }

  func write(_ text: String, _ name: String) throws -> URL {
    let url = root.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
  }

  func rows(_ dataset: URL) throws -> [[String: String]] {
    try Dataset.parse(csv: try Data(contentsOf: dataset.appendingPathComponent("commitments.csv")), file: "c").rows
  }

  @Test("two honest monitors of one plan are both merged and both appear, one row each per commitment")
  func twoHonestMonitors() throws {
    let a = try monitor("Alpha", level: "yes")
    let b = try monitor("Beta", level: "no")
    let trust = try write(try trustLine("Alpha", members: "CLPLN") + (try trustLine("Beta", members: "CL*")), "trust")
    let out = root.appendingPathComponent("dataset")
    let result = try TestSupport.veedor([
      "import", a.out.path, b.out.path, "--trust", trust.path, "--out", out.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let merged = try rows(out)
    #expect(merged.count == 22)
    let first = merged.filter { $0["Commitment Unique Identifier"] == "CLPLN0001" }
    #expect(Set(first.compactMap { $0["Verifiable"] }) == ["Yes", "No"])
    #expect(Set(first.compactMap { $0["x_monitor_name"] }) == ["Alpha", "Beta"])
    #expect(Set(first.compactMap { $0["x_monitor"] }).count == 2)
    let summary = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
    #expect(summary.contains("| AP_CLPLN01 | Peñalolén, Chile | 22 | 2 |"), "\(summary)")
  }

  @Test("copying another monitor's ledger and checkpoints into one's own workspace takes nothing over")
  func copiedLedger() throws {
    let a = try monitor("Alpha", level: "yes")
    let thief = root.appendingPathComponent("ws-thief").path
    try FileManager.default.copyItem(atPath: a.ws, toPath: thief)
    try FileManager.default.removeItem(atPath: thief + "/checkpoints/verifier.vkey")
    try ReportFixture.run([
      "score", "CLPLN0001", "verifiable", "no", "--correct", "--rationale", "Taken over", "--evidence", "E1", "-w",
      thief,
    ])
    let key = root.appendingPathComponent("thief.key").path
    try ReportFixture.run(["key", "generate", "--key", key, "--name", "Alpha", "--unencrypted"])
    let out = root.appendingPathComponent("out-thief")
    try ReportFixture.run(["report", "export", "-w", thief, "--key", key, "--out", out.path, "--lang", "en"])
    try ReportFixture.run(["key", "export", "--key", key, "--out", root.appendingPathComponent("keys-thief").path])
    let trust = try write(try trustLine("Alpha", members: "CLPLN") + (try trustLine("thief", members: "CLPLN")), "t")
    let dataset = root.appendingPathComponent("dataset")
    let result = try TestSupport.veedor(["import", a.out.path, out.path, "--trust", trust.path, "--out", dataset.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("is signed by 2 keys: treated as 2 separate ledgers"), "\(result.stderr)")
    #expect(!result.stderr.contains("superseded"))
    let first = try rows(dataset).filter { $0["Commitment Unique Identifier"] == "CLPLN0001" }
    #expect(first.count == 2)
    let alpha = try TestSupport.veedor(["export", "--report", a.out.appendingPathComponent("report.json").path])
    let alphaRow = try Dataset.parse(csv: Data(alpha.stdout.utf8), file: "a").rows.first {
      $0["Commitment Unique Identifier"] == "CLPLN0001"
    }
    #expect(first.contains { $0 == alphaRow }, "Alpha's own row must survive unchanged")
    #expect(first.contains { $0["Verifiable"] == "No" && $0["x_monitor"] != alphaRow?["x_monitor"] })
  }

  @Test("a commitment outside the key's members makes the whole report refused")
  func outOfScopeRow() throws {
    var plan = try PlanImporter.load(
      TestSupport.packageRoot.appendingPathComponent("scripts/example/penalolen-plan.json"))
    plan.commitments[10].id = "CLMPU0001"
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let planFile = root.appendingPathComponent("plan.json")
    try encoder.encode(plan).write(to: planFile)
    let m = try monitor("Gamma", plan: planFile)
    let trust = try write(try trustLine("Gamma", members: "CLPLN"), "trust")
    let dataset = root.appendingPathComponent("dataset")
    let result = try TestSupport.veedor(["import", m.out.path, "--trust", trust.path, "--out", dataset.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("out of scope: CLMPU0001 belongs to member CLMPU"), "\(result.stderr)")
    #expect(try rows(dataset).isEmpty)
    let wider = try write(try trustLine("Gamma", members: "CLPLN,CLMPU"), "wider")
    let accepted = try TestSupport.veedor(["import", m.out.path, "--trust", wider.path, "--out", dataset.path])
    #expect(accepted.status == 0, "\(accepted.stderr)")
    #expect(try rows(dataset).count == 11)
  }

  @Test("an expired trust line and a line for another namespace are refused, with the reason")
  func expiredAndOtherNamespace() throws {
    let a = try monitor("Alpha")
    let key = try trustLine("Alpha", members: "CLPLN").split(separator: " ").drop { !$0.hasPrefix("ssh-") }
      .joined(separator: " ")
    let dataset = root.appendingPathComponent("dataset")
    for (line, reason) in [
      ("CLPLN namespaces=\"assessment-report@veedor\",valid-before=\"20200101Z\" \(key)", "expired"),
      ("CLPLN namespaces=\"file,report@veedor\" \(key)", "namespace"),
    ] {
      let trust = try write(line, "trust-\(reason)")
      let result = try TestSupport.veedor(["import", a.out.path, "--trust", trust.path, "--out", dataset.path])
      #expect(result.status == 1, "\(result.stderr)")
      #expect(result.stderr.contains("report signature: valid signature by"), "\(result.stderr)")
      #expect(result.stderr.lowercased().contains(reason), "\(result.stderr)")
      #expect(try rows(dataset).isEmpty)
    }
  }

  /// A plan file from the Peñalolén example with some fields changed.
  func plan(_ change: (inout ActionPlan) -> Void) throws -> URL {
    var plan = try PlanImporter.load(
      TestSupport.packageRoot.appendingPathComponent("scripts/example/penalolen-plan.json"))
    change(&plan)
    let url = root.appendingPathComponent("plan-\(UUID().uuidString.prefix(6)).json")
    try JSONEncoder().encode(plan).write(to: url)
    return url
  }

  @Test("a plan may not claim a member code its key is not trusted for, nor borrow a shorter code")
  func claimedMemberCode() throws {
    let other = try monitor("Delta", plan: try plan { $0.memberCode = "CLMPU" })
    let trust = try write(try trustLine("Delta", members: "CLPLN"), "trust")
    let dataset = root.appendingPathComponent("dataset")
    let first = try TestSupport.veedor(["import", other.out.path, "--trust", trust.path, "--out", dataset.path])
    #expect(
      first.status == 1 && first.stderr.contains("out of scope: the plan belongs to member CLMPU"), "\(first.stderr)")
    let short = try monitor("Epsilon", plan: try plan { $0.memberCode = "CL" })
    let trustCL = try write(try trustLine("Epsilon", members: "CL"), "trust-cl")
    let second = try TestSupport.veedor(["import", short.out.path, "--trust", trustCL.path, "--out", dataset.path])
    #expect(second.status == 1 && second.stderr.contains("CLPLN0001 belongs to member CLPLN"), "\(second.stderr)")
    #expect(try rows(dataset).isEmpty)
  }

  @Test("one key with two ledgers (two origins) of the same commitments: neither is merged")
  func oneKeyTwoLedgers() throws {
    let a = try monitor("Alpha", level: "yes")
    let twin = root.appendingPathComponent("ws-twin").path
    try ReportFixture.run([
      "init", twin, "--plan",
      TestSupport.packageRoot.appendingPathComponent("scripts/example/penalolen-plan.json").path,
      "--rubric", "ogp-local-2021",
    ])
    try ReportFixture.run([
      "evidence", "add", "CLPLN0001", "--url", "https://example.org/t", "--title", "P", "-w", twin,
    ])
    try ReportFixture.run([
      "score", "CLPLN0001", "verifiable", "no", "--rationale", "Other story", "--evidence", "E1", "-w", twin,
    ])
    let out = root.appendingPathComponent("out-twin")
    try ReportFixture.run(["report", "export", "-w", twin, "--key", a.key, "--out", out.path, "--lang", "en"])
    let trust = try write(try trustLine("Alpha", members: "CLPLN"), "trust")
    let dataset = root.appendingPathComponent("dataset")
    let result = try TestSupport.veedor(["import", a.out.path, out.path, "--trust", trust.path, "--out", dataset.path])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("EQUIVOCATION: key SHA256:") && result.stderr.contains("signs two ledgers"),
      "\(result.stderr)")
    #expect(try rows(dataset).isEmpty)
  }

  @Test("a FIFO planted beside a report does not hang the import")
  func fifo() throws {
    let a = try monitor("Alpha")
    let b = try monitor("Beta")
    let sig = b.out.appendingPathComponent("report.json.sig")
    try FileManager.default.removeItem(at: sig)
    #expect(mkfifo(sig.path, 0o600) == 0)
    let trust = try write(try trustLine("Alpha", members: "CLPLN") + (try trustLine("Beta", members: "CLPLN")), "trust")
    let dataset = root.appendingPathComponent("dataset")
    let result = try TestSupport.veedor([
      "import", a.out.path, b.out.path, "--trust", trust.path, "--out", dataset.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try rows(dataset).count == 22)
  }

  @Test("a 500 MB report.json is refused unread; the good reports beside it still merge")
  func hugeReport() throws {
    let a = try monitor("Alpha")
    let inbox = root.appendingPathComponent("inbox")
    try FileManager.default.createDirectory(at: inbox.appendingPathComponent("junk"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: a.out, to: inbox.appendingPathComponent("good"))
    let junk = inbox.appendingPathComponent("junk/report.json")
    #expect(FileManager.default.createFile(atPath: junk.path, contents: nil))
    let handle = try FileHandle(forWritingTo: junk)
    try handle.truncate(atOffset: 500 << 20)
    try handle.close()
    let trust = try write(try trustLine("Alpha", members: "CLPLN"), "trust")
    let dataset = root.appendingPathComponent("dataset")
    let result = try TestSupport.veedor(["import", inbox.path, "--trust", trust.path, "--out", dataset.path])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("junk/report.json: report file: 524288000 bytes, over the limit"), "\(result.stderr)")
    #expect(try rows(dataset).count == 11)
  }
}
