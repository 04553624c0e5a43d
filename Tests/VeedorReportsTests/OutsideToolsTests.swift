import Foundation
import Testing
import VeedorSigning
import VeedorTestSupport

/// The outside verifiers a reader already has: each must accept a fresh report and reject forgeries.
@Suite("ssh-keygen, openssl and gpgv on an exported report")
struct OutsideToolsTests {
  /// The tool, or nil after recording why (a failure when CI requires the tools).
  func tool(_ name: String) -> URL? {
    if let url = TestSupport.tool(name) { return url }
    if TestSupport.toolsRequired {
      Issue.record("\(name) is required (VEEDOR_REQUIRE_TOOLS=1) but not installed")
    } else {
      print("SKIPPED: \(name) is not installed")
    }
    return nil
  }

  /// A copy of the report with one byte flipped inside a string.
  func flipped(_ f: ReportFixture) throws -> URL {
    let url = TestSupport.temporaryFolder().appendingPathComponent("report.json")
    var bytes = try Data(contentsOf: f.report)
    bytes[try #require(bytes.range(of: Data("greener".utf8))).lowerBound] ^= 0x01
    try bytes.write(to: url)
    return url
  }

  let stranger = MonitorKey.generate(name: "Stranger", email: "stranger@example.org", created: 1_700_000_000)

  func write(_ text: String) throws -> URL {
    let url = TestSupport.temporaryFolder().appendingPathComponent("sig")
    try Data(text.utf8).write(to: url)
    return url
  }

  @Test("ssh-keygen -Y verify: good report yes; flipped byte, another key, wrong namespace no")
  func sshKeygen() throws {
    guard let ssh = tool("ssh-keygen") else { return }
    let f = try ReportFixture()
    let signers = f.keys.appendingPathComponent("allowed_signers").path
    func check(_ report: URL, _ signature: URL, namespace: String = SSHSignature.reportNamespace) throws -> Int32 {
      let args = ["-Y", "verify", "-f", signers, "-I", "monitor@example.org", "-n", namespace, "-s", signature.path]
      return try TestSupport.run(ssh, args, input: try Data(contentsOf: report)).status
    }
    let sig = f.out.appendingPathComponent("report.json.sshsig")
    #expect(try check(f.report, sig) == 0)
    #expect(try check(try flipped(f), sig) != 0)
    let other = try write(
      SSHSignature.sign(try Data(contentsOf: f.report), namespace: SSHSignature.reportNamespace, key: stranger))
    #expect(try check(f.report, other) != 0)
    #expect(try check(f.report, sig, namespace: "file") != 0)
  }

  @Test("openssl pkeyutl -verify: good report yes; flipped byte and another key no")
  func openssl() throws {
    guard let openssl = tool("openssl") else { return }
    let f = try ReportFixture()
    func check(_ report: URL, _ signature: URL) throws -> Int32 {
      let args = [
        "pkeyutl", "-verify", "-pubin", "-inkey", f.keys.appendingPathComponent("monitor.pub.pem").path,
        "-rawin", "-in", report.path, "-sigfile", signature.path,
      ]
      return try TestSupport.run(openssl, args).status
    }
    let sig = f.out.appendingPathComponent("report.json.sig")
    #expect(try check(f.report, sig) == 0)
    #expect(try check(try flipped(f), sig) != 0)
    let other = TestSupport.temporaryFolder().appendingPathComponent("other.sig")
    try stranger.sign(try Data(contentsOf: f.report)).write(to: other)
    #expect(try check(f.report, other) != 0)
  }

  @Test("gpgv: good report yes; flipped byte and another key no")
  func gpgv() throws {
    guard let gpgv = tool("gpgv") else { return }
    let f = try ReportFixture()
    let home = TestSupport.temporaryFolder()
    func check(_ report: URL, _ signature: URL) throws -> Int32 {
      let args = [
        "--homedir", home.path, "--keyring", f.keys.appendingPathComponent("monitor.pgp").path, signature.path,
        report.path,
      ]
      return try TestSupport.run(gpgv, args).status
    }
    let sig = f.out.appendingPathComponent("report.json.asc")
    #expect(try check(f.report, sig) == 0)
    #expect(try check(try flipped(f), sig) != 0)
    let other = try write(OpenPGP.sign(try Data(contentsOf: f.report), key: stranger, created: 1_700_000_000))
    #expect(try check(f.report, other) != 0)
  }
}

@Suite("Report export")
struct ReportExportTests {
  @Test("the same ledger, key and clock give byte-identical files")
  func deterministic() throws {
    let f = try ReportFixture()
    let again = TestSupport.temporaryFolder().appendingPathComponent("again")
    try ReportFixture.run(["report", "export", "-w", f.ws, "--key", f.key, "--out", again.path])
    for name in ["report.json", "report.json.sshsig", "report.json.asc", "report.es.html", "report.en.md"] {
      #expect(
        try Data(contentsOf: f.out.appendingPathComponent(name))
          == Data(contentsOf: again.appendingPathComponent(name)), "\(name)")
    }
  }

  @Test("the seed appears in no exported file and no output")
  func noSeed() throws {
    let f = try ReportFixture()
    let seed = try KeyFile.read(URL(fileURLWithPath: f.key)) { "" }.privateKey.rawRepresentation
    let forms = [
      Data(seed), Data(seed.base64EncodedString().utf8), Data(seed.map { String(format: "%02x", $0) }.joined().utf8),
    ]
    var files = try FileManager.default.contentsOfDirectory(at: f.out, includingPropertiesForKeys: nil)
    files += try FileManager.default.contentsOfDirectory(at: f.keys, includingPropertiesForKeys: nil)
    for file in files {
      let data = try Data(contentsOf: file)
      for form in forms { #expect(data.range(of: form) == nil, "seed found in \(file.lastPathComponent)") }
    }
    let shown = try ReportFixture.run(["key", "show", "--key", f.key, "-w", f.ws, "--json"])
    for form in forms { #expect(Data(shown.stdout.utf8).range(of: form) == nil) }
  }

  @Test("HTML and Markdown show level definitions and escape hostile text")
  func rendering() throws {
    let f = try ReportFixture()
    let html = try String(contentsOf: f.out.appendingPathComponent("report.es.html"), encoding: .utf8)
    #expect(html.contains("<html lang=\"es\">") && html.contains("Sustancial"))
    #expect(html.contains("Se realizó la mayoría de las actividades prometidas, pero no todas."))
    #expect(html.contains("Forum &lt;minutes&gt;") && !html.contains("Forum <minutes>"))
    #expect(html.contains("Report &quot;2&quot; &amp; more"))
    let md = try String(contentsOf: f.out.appendingPathComponent("report.en.md"), encoding: .utf8)
    #expect(md.contains("Most of the promised activities were done, but not all\\."))
    #expect(md.contains("Forum \\<minutes\\>"))
    #expect(md.contains("corrects \(f.limitedScore)"))
  }
}
