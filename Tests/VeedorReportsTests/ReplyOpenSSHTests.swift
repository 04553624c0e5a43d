import Foundation
import Testing
import VeedorTestSupport

/// A party's side with OpenSSH only: a key from ssh-keygen, a reply signed by `ssh-keygen -Y sign`,
/// and the roster and published files checked by `ssh-keygen -Y verify`.
@Suite("Replies with plain OpenSSH")
struct ReplyOpenSSHTests {
  @Test("ssh-keygen signs, veedor records; ssh-keygen verifies against the workspace roster and the published site")
  func roundTrip() throws {
    guard let ssh = TestSupport.tool("ssh-keygen") else {
      if TestSupport.toolsRequired {
        Issue.record("ssh-keygen is required (VEEDOR_REQUIRE_TOOLS=1) but not installed")
      } else {
        print("SKIPPED: ssh-keygen is not installed")
      }
      return
    }
    let f = try ReplyFixture()
    let key = f.root.appendingPathComponent("unidad")
    try TestSupport.run(ssh, ["-q", "-t", "ed25519", "-N", "", "-C", "unidad", "-f", key.path])
    try ReportFixture.run([
      "party", "add", "unidad", "--role", "government", "--key", key.path + ".pub", "--title", "Unidad de ejemplo",
      "-w",
      f.ws,
    ])
    let reply = f.root.appendingPathComponent("respuesta.txt")
    try ReportFixture.run([
      "reply", "template", "--party", "unidad", "--commitment", "CLPLN0002", "--scale", "completion", "--lang", "es",
      "--text",
      "El acta de mayo muestra el hito cumplido.", "--out", reply.path, "-w", f.ws,
    ])
    let signed = try TestSupport.run(ssh, ["-Y", "sign", "-f", key.path, "-n", "reply@veedor", reply.path])
    #expect(signed.status == 0, "\(signed.stderr)")
    let added = try f.add(reply, [reply.path + ".sig"])
    #expect(added.status == 0 && added.stdout.contains("signed by unidad (government)"), "\(added.stderr)")
    let input = try Data(contentsOf: reply)
    let check = try TestSupport.run(
      ssh, ["-Y", "verify", "-f", f.ws + "/parties", "-I", "unidad", "-n", "reply@veedor", "-s", reply.path + ".sig"],
      input: input)
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    let other = try TestSupport.run(
      ssh, ["-Y", "verify", "-f", f.ws + "/parties", "-I", "dideco", "-n", "reply@veedor", "-s", reply.path + ".sig"],
      input: input)
    #expect(other.status != 0)
    // `-O hashalg=sha256` signatures verify too.
    let second = f.root.appendingPathComponent("second.txt")
    try ReportFixture.run([
      "reply", "template", "--party", "unidad", "--text", "Otra respuesta.", "--out", second.path, "-w", f.ws,
    ])
    let sha256 = try TestSupport.run(
      ssh, ["-Y", "sign", "-O", "hashalg=sha256", "-f", key.path, "-n", "reply@veedor", second.path])
    #expect(sha256.status == 0, "\(sha256.stderr)")
    #expect(try f.add(second).status == 0)
    try ReportFixture.run(["reply", "answer", "R1", "--reject", "--rationale", "No minutes attached", "-w", f.ws])
    try ReportFixture.run(["reply", "answer", "R2", "--accept", "--rationale", "Noted", "-w", f.ws])
    let out = f.root.appendingPathComponent("final")
    try ReportFixture.run(["report", "export", "--close-early", "--key", f.base.key, "--out", out.path, "-w", f.ws])
    let site = f.root.appendingPathComponent("site")
    try ReportFixture.run(["publish", "--out", site.path, "--report", out.path, "--keys", f.base.keys.path, "-w", f.ws])
    let data = site.appendingPathComponent("data")
    let published = try TestSupport.run(
      ssh,
      [
        "-Y", "verify", "-f", data.appendingPathComponent("parties").path, "-I", "unidad", "-n", "reply@veedor", "-s",
        data.appendingPathComponent("replies/R1.txt.sig").path,
      ], input: try Data(contentsOf: data.appendingPathComponent("replies/R1.txt")))
    #expect(published.status == 0, "\(published.stderr)")
    #expect(try Data(contentsOf: data.appendingPathComponent("replies/R1.txt")) == input)
  }
}
