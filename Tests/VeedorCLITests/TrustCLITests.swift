import Foundation
import Testing
import VeedorSigning
import VeedorTestSupport

/// `veedor trust`: the file it writes is one ssh-keygen reads the same way.
@Suite("veedor trust add and list")
struct TrustFileCLITests {
  @Test("trust add writes a line ssh-keygen -Y verify accepts for -I CLPLN (and not for another member)")
  func addThenSSHKeygen() throws {
    let key = MonitorKey.generate(name: "Monitor", email: "monitor@example.org", created: 1_700_000_000)
    let folder = TestSupport.temporaryFolder()
    let pub = folder.appendingPathComponent("monitor.pub")
    try Data("\(key.sshPublicKey) monitor@example.org\n".utf8).write(to: pub)
    let trust = folder.appendingPathComponent("monitors.allowed_signers").path
    let added = try veedor("trust", "add", "--member", "CLPLN,CLMPU", pub.path, "--trust", trust)
    #expect(added.stdout.contains("principals CLPLN,CLMPU"))
    #expect(
      try String(contentsOfFile: trust, encoding: .utf8)
        == "CLPLN,CLMPU namespaces=\"assessment-report@veedor\" \(key.sshPublicKey) monitor@example.org\n")
    let list = try veedor("trust", "list", "--trust", trust).stdout
    #expect(list.contains(key.sshFingerprint) && list.contains("namespaces \"assessment-report@veedor\""), "\(list)")
    let repeated = try veedor("trust", "add", "--member", "CLPLN,CLMPU", pub.path, "--trust", trust, status: 2)
    #expect(repeated.stderr.contains("\(trust):1: already there"), "\(repeated.stderr)")

    guard let ssh = TestSupport.tool("ssh-keygen") else {
      if TestSupport.toolsRequired { Issue.record("ssh-keygen is required (VEEDOR_REQUIRE_TOOLS=1) but not installed") }
      print("SKIPPED: ssh-keygen is not installed")
      return
    }
    let data = Data("{\"report\":1}\n".utf8)
    let sig = folder.appendingPathComponent("report.json.sshsig")
    try Data(try SSHSignature.sign(data, namespace: SSHSignature.reportNamespace, key: key).utf8).write(to: sig)
    func verify(_ principal: String) throws -> Int32 {
      let args = ["-Y", "verify", "-f", trust, "-I", principal, "-n", "assessment-report@veedor", "-s", sig.path]
      return try TestSupport.run(ssh, args, input: data).status
    }
    #expect(try verify("CLPLN") == 0)
    #expect(try verify("CLMPU") == 0)
    #expect(try verify("ARBUE") != 0)
  }

  @Test("a malformed trust file: list names file, line and field and exits 2; add refuses to extend it")
  func malformed() throws {
    let key = MonitorKey.generate(name: "Monitor", created: 1_700_000_000)
    let folder = TestSupport.temporaryFolder()
    let trust = folder.appendingPathComponent("t").path
    try Data("CLPLN valid-after=\"2025-01-01\" \(key.sshPublicKey)\n".utf8).write(to: URL(fileURLWithPath: trust))
    let list = try veedor("trust", "list", "--trust", trust, status: 2)
    #expect(list.stderr.contains("\(trust):1: field 'valid-after'"), "\(list.stderr)")
    let pub = folder.appendingPathComponent("monitor.pub")
    try Data("\(key.sshPublicKey) m\n".utf8).write(to: pub)
    let add = try veedor("trust", "add", "--member", "CLPLN", pub.path, "--trust", trust, status: 2)
    #expect(add.stderr.split(separator: "\n").count == 1 && add.stderr.contains(":1: field 'valid-after'"))
  }
}
