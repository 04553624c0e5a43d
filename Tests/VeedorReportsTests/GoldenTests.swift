import Foundation
import Testing
import VeedorSigning
import VeedorTestSupport

/// Every format Veedor signs or shows, byte for byte, from the bundled example with a fixed key and
/// `SOURCE_DATE_EPOCH`. `VEEDOR_RECORD_GOLDEN=1` rewrites the files and fails that run, so a recording
/// is never mistaken for a pass.
@Suite("Golden files: report.json, Markdown, HTML, the site index")
struct GoldenTests {
  static let folder = TestSupport.packageRoot.appendingPathComponent("Tests/VeedorReportsTests/Fixtures/golden")
  static let recording = ProcessInfo.processInfo.environment["VEEDOR_RECORD_GOLDEN"] == "1"

  /// A copy of the bundled workspace in `root` and the monitor key file made from a fixed seed.
  static func workspace(in root: URL) throws -> (ws: String, keyFile: URL) {
    let ws = root.appendingPathComponent("ws").path
    try FileManager.default.copyItem(
      atPath: TestSupport.packageRoot.appendingPathComponent("evidence").path, toPath: ws)
    let key = try MonitorKey(
      seed: Data((0..<32).map { UInt8($0 * 7 % 251) }), name: "Golden Monitor", email: "monitor@example.org",
      created: 1_700_000_000)
    let keyFile = root.appendingPathComponent("keys/monitor.key")
    try KeyFile.write(key, to: keyFile, passphrase: nil, cost: .testing)
    return (ws, keyFile)
  }

  /// The bundled workspace exported and published with a key made from a fixed seed.
  static func render() throws -> (report: URL, site: URL) {
    let root = TestSupport.temporaryFolder("golden")
    let (ws, keyFile) = try Self.workspace(in: root)
    let out = root.appendingPathComponent("report")
    let keys = root.appendingPathComponent("public")
    let site = root.appendingPathComponent("site")
    try ReportFixture.run(["report", "export", "-w", ws, "--key", keyFile.path, "--out", out.path, "--lang", "all"])
    try ReportFixture.run(["key", "export", "--key", keyFile.path, "--out", keys.path, "-w", ws])
    try ReportFixture.run(["publish", "-w", ws, "--out", site.path, "--report", out.path, "--keys", keys.path])
    return (out, site)
  }

  /// Compares a produced file with its golden copy, or records it (and fails) in record mode.
  static func check(_ produced: URL, as name: String) throws {
    let golden = folder.appendingPathComponent(name)
    let bytes = try Data(contentsOf: produced)
    if recording {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try bytes.write(to: golden)
      Issue.record("recorded \(name); run again without VEEDOR_RECORD_GOLDEN=1 to check it")
      return
    }
    guard let expected = try? Data(contentsOf: golden) else {
      Issue.record("no golden file \(name); record it with VEEDOR_RECORD_GOLDEN=1 swift test --filter GoldenTests")
      return
    }
    if bytes != expected {
      let a = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
      let b = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
      let line = Array(zip(a, b)).firstIndex { $0.0 != $0.1 }.map { $0 + 1 } ?? min(a.count, b.count) + 1
      Issue.record("\(name) differs from its golden copy at line \(line) (\(produced.path))")
    }
  }

  @Test("report.json, its signatures, the Markdown and HTML reports and the site index match their golden copies")
  func golden() throws {
    let (report, site) = try Self.render()
    for name in [
      "report.json", "report.json.sshsig", "report.json.sig", "report.json.asc", "report.en.md", "report.es.md",
      "report.en.html", "report.es.html",
    ] {
      try Self.check(report.appendingPathComponent(name), as: name)
    }
    try Self.check(site.appendingPathComponent("index.html"), as: "site-index.html")
    try Self.check(site.appendingPathComponent("index.en.html"), as: "site-index.en.html")
  }

  @Test("the OGP Local forms: the Inception and End-of-Commitment Assessments and their pages in both languages")
  func goldenForms() throws {
    let root = TestSupport.temporaryFolder("golden-forms")
    let (ws, keyFile) = try Self.workspace(in: root)
    let inception = root.appendingPathComponent("inception")
    let ending = root.appendingPathComponent("end")
    try ReportFixture.run([
      "report", "export", "-w", ws, "--key", keyFile.path, "--out", inception.path, "--form", "inception",
    ])
    try ReportFixture.run([
      "report", "export", "-w", ws, "--key", keyFile.path, "--out", ending.path, "--form", "end-of-commitment",
      "--commitment", "CLPLN0001",
    ])
    for name in ["report.json", "form.en.md", "form.es.md", "form.en.html", "form.es.html"] {
      try Self.check(inception.appendingPathComponent(name), as: "form-inception-\(name)")
    }
    for name in ["form.en.md", "form.es.html"] {
      try Self.check(ending.appendingPathComponent(name), as: "form-end-of-commitment-\(name)")
    }
  }

  @Test("a review round: the draft, a reply file and its signature, the final report with replies, the reply page")
  func goldenReview() throws {
    let root = TestSupport.temporaryFolder("golden-review")
    let (ws, keyFile) = try Self.workspace(in: root)
    let party = try MonitorKey(seed: Data((0..<32).map { UInt8($0 * 11 % 251) }), name: "unidad", created: 0)
    let pub = root.appendingPathComponent("unidad.pub")
    try Data("\(party.sshPublicKey) unidad\n".utf8).write(to: pub)
    try ReportFixture.run(["party", "add", "unidad", "--role", "government", "--key", pub.path, "-w", ws])
    let draft = root.appendingPathComponent("draft")
    try ReportFixture.run(["report", "export", "--draft", "-w", ws, "--key", keyFile.path, "--out", draft.path])
    let reply = root.appendingPathComponent("respuesta.txt")
    try ReportFixture.run([
      "reply", "template", "--party", "unidad", "--commitment", "CLPLN0002", "--scale", "potential-change", "--lang",
      "es", "--text",
      "Proponemos «vinculante».", "--out", reply.path, "-w", ws,
    ])
    try Data(try SSHSignature.sign(Data(contentsOf: reply), namespace: "reply@veedor", key: party).utf8)
      .write(to: URL(fileURLWithPath: reply.path + ".sig"))
    try ReportFixture.run(["reply", "add", reply.path, "-w", ws])
    try ReportFixture.run([
      "reply", "answer", "R1", "--reject", "--rationale", "Se mantiene la codificación.", "-w", ws,
    ])
    let final = root.appendingPathComponent("final")
    let keys = root.appendingPathComponent("public")
    let site = root.appendingPathComponent("site")
    try ReportFixture.run(["report", "export", "--close-early", "-w", ws, "--key", keyFile.path, "--out", final.path])
    try ReportFixture.run(["key", "export", "--key", keyFile.path, "--out", keys.path, "-w", ws])
    try ReportFixture.run(["publish", "-w", ws, "--out", site.path, "--report", final.path, "--keys", keys.path])
    try Self.check(draft.appendingPathComponent("report.es.md"), as: "review-draft.es.md")
    try Self.check(reply, as: "review-respuesta.txt")
    try Self.check(URL(fileURLWithPath: reply.path + ".sig"), as: "review-respuesta.txt.sig")
    try Self.check(URL(fileURLWithPath: ws + "/parties"), as: "review-parties")
    for name in ["report.json", "report.en.md", "report.es.html"] {
      try Self.check(final.appendingPathComponent(name), as: "review-final-\(name)")
    }
    try Self.check(site.appendingPathComponent("reply.html"), as: "review-site-reply.html")
    try Self.check(site.appendingPathComponent("commitment-CLPLN0002.en.html"), as: "review-site-commitment.en.html")
  }

  @Test("rendering is deterministic: two exports of the same ledger with the same key and clock are identical")
  func deterministic() throws {
    let first = try Self.render()
    let second = try Self.render()
    for name in ["report.json", "report.json.asc", "report.es.html", "report.en.md"] {
      #expect(
        try Data(contentsOf: first.report.appendingPathComponent(name))
          == Data(contentsOf: second.report.appendingPathComponent(name)), "\(name)")
    }
  }
}
