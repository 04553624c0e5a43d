import Foundation
import Testing
import VeedorSigning
import VeedorTestSupport

/// No input may make Veedor read or write outside the folders it was given.
@Suite("Paths: traversal, absolute names and symlinks")
struct PathSafetyTests {
  /// Rewrites the fixture's report with `edit` and re-signs it with the monitor's own key.
  func tampered(_ f: ReportFixture, _ edit: (inout [String: Any]) -> Void) throws -> URL {
    let copy = try f.copy()
    let url = copy.appendingPathComponent("report.json")
    var json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    edit(&json)
    let bytes = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
    try bytes.write(to: url)
    for name in ["report.json.sig", "report.json.asc"] {
      try FileManager.default.removeItem(at: copy.appendingPathComponent(name))
    }
    let key = try KeyFile.read(URL(fileURLWithPath: f.key)) { "" }
    try Data(try SSHSignature.sign(bytes, namespace: SSHSignature.reportNamespace, key: key).utf8)
      .write(to: copy.appendingPathComponent("report.json.sshsig"))
    return url
  }

  @Test("an evidence file name with ../ or an absolute path is looked up only inside --evidence-dir")
  func evidenceNames() throws {
    let f = try ReportFixture()
    let outside = TestSupport.temporaryFolder()
    let secret = outside.appendingPathComponent("secret.txt")
    try Data("Minutes of the environment forum".utf8).write(to: secret)
    for name in ["../../\(outside.lastPathComponent)/secret.txt", secret.path] {
      // The hostile name must be in the ledger itself: an edited report fails the content step first.
      let url = try f.rewritten { _, object in
        guard var record = object["evidence"] as? [String: Any], record["sha256"] != nil else { return }
        record["fileName"] = name
        object["evidence"] = record
      }
      let empty = TestSupport.temporaryFolder()
      let result = try TestSupport.veedor(["verify", url.path, "--evidence-dir", empty.path])
      #expect(result.status == 1 && result.stdout.contains("is not in \(empty.path)"), "\(result.stdout)")
    }
  }

  @Test("hostile commitment ids in a re-signed report never reach the site: publish refuses, writes nothing")
  func siteNames() throws {
    let f = try ReportFixture()
    try ReportFixture.run(["key", "export", "--key", f.key, "--out", f.ws + "/public", "-w", f.ws])
    let url = try tampered(f) { json in
      var commitments = json["commitments"] as! [[String: Any]]
      commitments[5]["id"] = "../../../escaped"
      commitments[6]["id"] = "/tmp/absolute"
      json["commitments"] = commitments
    }
    let root = TestSupport.temporaryFolder()
    let site = root.appendingPathComponent("site")
    let result = try ReportFixture.run(
      ["publish", "-w", f.ws, "--out", site.path, "--report", url.deletingLastPathComponent().path], status: 1)
    #expect(result.stderr.contains("$.commitments[5].id differs from what the ledger derives"), "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
    #expect(!FileManager.default.fileExists(atPath: "/tmp/absolute.html"))
  }

  @Test("a symlink planted where an output goes is replaced, not written through")
  func symlinkedOutput() throws {
    let f = try ReportFixture()
    let victim = TestSupport.temporaryFolder().appendingPathComponent("victim.txt")
    try Data("keep me".utf8).write(to: victim)
    let out = TestSupport.temporaryFolder().appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      at: out.appendingPathComponent("report.json"), withDestinationURL: victim)
    try ReportFixture.run(["report", "export", "-w", f.ws, "--key", f.key, "--out", out.path])
    #expect(try String(contentsOf: victim, encoding: .utf8) == "keep me")
    let type = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("report.json").path)[.type]
    #expect(type as? FileAttributeType == .typeRegular)
  }
}
