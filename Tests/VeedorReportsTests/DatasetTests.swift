import Foundation
import Testing
import VeedorDataset
import VeedorPlan
import VeedorRecords
import VeedorTestSupport
import VeedorWorkspace

@Suite("OGP-shaped export and import")
struct DatasetTests {
  @Test("export → parse keeps every field, multi-line cells included")
  func roundTrip() throws {
    let f = try ReportFixture()
    let out = TestSupport.temporaryFolder().appendingPathComponent("rows.csv")
    try ReportFixture.run(["export", "-w", f.ws, "--report", f.report.path, "--format", "ogp-csv", "--out", out.path])
    let parsed = try Dataset.parse(csv: try Data(contentsOf: out), file: out.path)
    #expect(parsed.rows.count == 11)
    let row = try #require(parsed.rows.first { $0["Commitment Unique Identifier"] == "CLPLN0002" })
    #expect(row["Completion (End Of Term)"] == "Substantial")
    #expect(
      row["Verifiable"] == "Yes" && row["OGP Value Civic Participation"] == "1" && row["OGP Value Technology"] == "0")
    #expect(
      row["Did It Open Government (Overall)"] == "ND" && row["Did It Open Government (Civic Participation)"] == "NR")
    #expect(row["Start Date"] == "January 2022" && row["x_start_date_iso"] == "2022-01")
    #expect(row["x_novelty"] == "new" && row["x_report_sha256"]?.count == 64)
    #expect(row["x_evidence"]?.contains("sha256:") == true)
    let json = TestSupport.temporaryFolder().appendingPathComponent("rows.json")
    try ReportFixture.run(["export", "-w", f.ws, "--report", f.report.path, "--format", "ogp-json", "--out", json.path])
    let document = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any]
    let columns = try #require(document?["columns"] as? [String])
    let rows = try #require(document?["rows"] as? [[Any]]).map { cells in
      Dictionary(
        uniqueKeysWithValues: zip(columns, cells).compactMap { name, cell in (cell as? String).map { (name, $0) } })
    }
    #expect(rows.first { $0["Commitment Unique Identifier"] == "CLPLN0002" } == row)
    var multi = Dataset()
    multi.add(["Commitment Unique Identifier": "X0001", "Lead Institution": "●  One,\n●  \"Two\"\r\nthree"])
    #expect(try Dataset.parse(csv: Data(multi.csv().utf8), file: "m").rows == multi.rows)
  }

  @Test("OGP's sheet goes through import and export without losing a row or a column value")
  func sheetRoundTrip() throws {
    let shared = TestSupport.shared.appendingPathComponent("data/ogp-commitments-open-parliament-2024-07.csv")
    let excerpt = TestSupport.packageRoot.appendingPathComponent(
      "Tests/VeedorWorkspaceTests/Fixtures/ogp-sheet-excerpt.csv")
    for url in [excerpt, shared] where FileManager.default.fileExists(atPath: url.path) {
      let trust = TestSupport.temporaryFolder().appendingPathComponent("trust")
      try Data("* ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4\n".utf8).write(
        to: trust)
      let result = try DatasetImporter(inputs: [url], trust: trust)
      let original = try OGPSheet(rows: try CSV.parse(try Data(contentsOf: url), file: url.path), file: url.path)
      let back = try Dataset.parse(csv: Data(result.dataset.csv().utf8), file: "back")
      #expect(back.rows.count == original.records.count)
      for (row, record) in zip(back.rows, original.records) {
        for (column, value) in record.values where row[column] != value {
          Issue.record("\(record.values["Commitment Unique Identifier"] ?? ""): \(column) changed")
        }
      }
      #expect(Set(original.headers).isSubset(of: Set(back.headers)))
    }
  }

  @Test("import merges the good, names each bad file with its reason, and reports equivocation")
  func importMixed() throws {
    let f = try ReportFixture()
    let root = TestSupport.temporaryFolder()
    let inbox = root.appendingPathComponent("inbox")
    try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
    func place(_ folder: URL, as name: String) throws {
      try FileManager.default.copyItem(at: folder, to: inbox.appendingPathComponent(name))
    }
    try place(f.out, as: "good")
    let tampered = try f.copy()
    let tamperedJSON = tampered.appendingPathComponent("report.json")
    var bytes = try Data(contentsOf: tamperedJSON)
    bytes[try #require(bytes.range(of: Data("greener".utf8))).lowerBound] ^= 0x01
    try bytes.write(to: tamperedJSON)
    try place(tampered, as: "tampered")
    let unsigned = try f.copy()
    for name in ["report.json.sshsig", "report.json.sig"] {
      try FileManager.default.removeItem(at: unsigned.appendingPathComponent(name))
    }
    try place(unsigned, as: "unsigned")

    // Two more monitors: one nobody trusts, one trusted only for another member.
    func monitor(_ name: String) throws -> (key: String, out: URL, line: String) {
      let ws = root.appendingPathComponent("ws-\(name)").path
      try FileManager.default.copyItem(
        atPath: TestSupport.packageRoot.appendingPathComponent("evidence").path, toPath: ws)
      let key = root.appendingPathComponent("\(name).key").path
      try ReportFixture.run(["key", "generate", "--key", key, "--name", name, "--unencrypted"])
      let out = root.appendingPathComponent("out-\(name)")
      try ReportFixture.run(["report", "export", "-w", ws, "--key", key, "--out", out.path, "--lang", "en"])
      let keys = root.appendingPathComponent("keys-\(name)")
      try ReportFixture.run(["key", "export", "--key", key, "--out", keys.path])
      let line = try String(contentsOf: keys.appendingPathComponent("allowed_signers"), encoding: .utf8)
      return (key, out, String(line.split(separator: " ", maxSplits: 1)[1]))
    }
    let stranger = try monitor("Stranger")
    try place(stranger.out, as: "untrusted")
    let elsewhere = try monitor("Elsewhere")
    try place(elsewhere.out, as: "out-of-scope")

    // The fixture's monitor signs a second, different ledger with the same origin and size: equivocation.
    let fork = root.appendingPathComponent("fork").path
    try FileManager.default.copyItem(
      atPath: TestSupport.packageRoot.appendingPathComponent("evidence").path, toPath: fork)
    for i in 0..<4 { try ReportFixture.run(["note", "forked history \(i)", "-w", fork]) }
    let forkOut = root.appendingPathComponent("fork-out")
    try ReportFixture.run(["report", "export", "-w", fork, "--key", f.key, "--out", forkOut.path, "--lang", "en"])

    let trust = root.appendingPathComponent("monitors.allowed_signers")
    let own = try String(contentsOf: f.keys.appendingPathComponent("allowed_signers"), encoding: .utf8)
    let ownKey = String(own.split(separator: " ", maxSplits: 1)[1])
    try Data("CLPLN,ARBA \(ownKey)ARBA \(elsewhere.line)".utf8).write(to: trust)

    let dataset = root.appendingPathComponent("dataset")
    let first = try TestSupport.veedor(["import", inbox.path, "--trust", trust.path, "--out", dataset.path])
    #expect(first.status == 1)
    for (name, reason) in [
      ("tampered", "report signature"), ("unsigned", "no signature"), ("untrusted", "lists this key"),
      ("out-of-scope", "out of scope"),
    ] {
      #expect(
        first.stderr.contains("\(name)/report.json: ") && first.stderr.contains(reason), "\(name): \(first.stderr)")
    }
    #expect(!first.stderr.contains("good/report.json"))
    let merged = try Dataset.parse(
      csv: try Data(contentsOf: dataset.appendingPathComponent("commitments.csv")), file: "c")
    #expect(merged.rows.count == 11)

    try place(forkOut, as: "fork")
    let second = try TestSupport.veedor(["import", inbox.path, "--trust", trust.path, "--out", dataset.path])
    #expect(second.status == 1)
    #expect(second.stderr.contains("EQUIVOCATION: veedor.example/penalolen-2021-2024"), "\(second.stderr)")
  }
}
