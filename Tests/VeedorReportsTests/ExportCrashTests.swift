import Foundation
import Testing
import VeedorTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// `report export` killed at random points: the folder is the old complete one, the new complete
/// one, or absent — never a mix that one verifier accepts and another refuses.
@Suite("report export under SIGKILL")
struct ExportCrashTests {
  /// The outside verifiers, or nil after recording why.
  func tools() -> (ssh: URL, openssl: URL, gpgv: URL)? {
    guard let ssh = TestSupport.tool("ssh-keygen"), let openssl = TestSupport.tool("openssl"),
      let gpgv = TestSupport.tool("gpgv")
    else {
      if TestSupport.toolsRequired {
        Issue.record("ssh-keygen, openssl and gpgv are required (VEEDOR_REQUIRE_TOOLS=1)")
      } else {
        print("SKIPPED: export crash test needs ssh-keygen, openssl and gpgv")
      }
      return nil
    }
    return (ssh, openssl, gpgv)
  }

  /// Every verifier's verdict on a report folder.
  func verdicts(_ out: URL, _ f: ReportFixture, _ t: (ssh: URL, openssl: URL, gpgv: URL)) throws -> [Bool] {
    let report = out.appendingPathComponent("report.json")
    let bytes = (try? Data(contentsOf: report)) ?? Data()
    let keys = f.keys
    let ssh = try TestSupport.run(
      t.ssh,
      [
        "-Y", "verify", "-f", keys.appendingPathComponent("allowed_signers").path, "-I", "monitor@example.org", "-n",
        "assessment-report@veedor", "-s", out.appendingPathComponent("report.json.sshsig").path,
      ], input: bytes)
    let openssl = try TestSupport.run(
      t.openssl,
      [
        "pkeyutl", "-verify", "-pubin", "-inkey", keys.appendingPathComponent("monitor.pub.pem").path, "-rawin", "-in",
        report.path, "-sigfile", out.appendingPathComponent("report.json.sig").path,
      ])
    let gpgv = try TestSupport.run(
      t.gpgv,
      [
        "--keyring", keys.appendingPathComponent("monitor.pgp").path,
        out.appendingPathComponent("report.json.asc").path, report.path,
      ],
      environment: ["GNUPGHOME": TestSupport.temporaryFolder("gnupg").path])
    let veedor = try TestSupport.veedor(
      ["verify", report.path, "--trust", keys.appendingPathComponent("allowed_signers").path])
    return [veedor.status == 0, ssh.status == 0, openssl.status == 0, gpgv.status == 0]
  }

  @Test(
    "100 exports killed at random points: every folder left verifies with veedor, ssh-keygen, openssl and gpgv, or is absent"
  )
  func killedExports() throws {
    guard let t = tools() else { return }
    let f = try ReportFixture()
    let out = TestSupport.temporaryFolder("crash").appendingPathComponent("report")
    let args = ["report", "export", "-w", f.ws, "--key", f.key, "--out", out.path, "--lang", "all"]
    let start = Date()
    try ReportFixture.run(args)
    let duration = max(Date().timeIntervalSince(start), 0.02)
    try FileManager.default.removeItem(at: out)
    var killed = 0
    var present = 0
    for round in 0..<100 {
      // Every other round starts from an existing folder, so a kill can also strike a replacement.
      if round % 2 == 1, !FileManager.default.fileExists(atPath: out.path) { try ReportFixture.run(args) }
      let process = Process()
      process.executableURL = TestSupport.veedorBinary
      process.arguments = args
      process.environment = ProcessInfo.processInfo.environment.merging(["SOURCE_DATE_EPOCH": "1700000000"]) { $1 }
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      usleep(useconds_t(Double.random(in: 0...(duration * 1.2)) * 1_000_000))
      if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        killed += 1
      }
      process.waitUntilExit()
      guard FileManager.default.fileExists(atPath: out.path) else { continue }
      present += 1
      let verdict = try verdicts(out, f, t)
      #expect(verdict == [true, true, true, true], "round \(round): veedor, ssh-keygen, openssl, gpgv → \(verdict)")
    }
    print("export crash test: \(killed) of 100 exports killed; the folder was present and verified \(present) times")
    #expect(killed > 10)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
      .filter { $0.hasPrefix(".report.new-") }
    try ReportFixture.run(args)
    let after = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
      .filter { $0.hasPrefix(".report.new-") }
    #expect(
      after.isEmpty, "staging folders of killed exports are removed by the next export (\(leftovers.count) before)")
  }
}
