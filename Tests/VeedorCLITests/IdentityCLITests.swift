import Foundation
import Testing
import VeedorTestSupport

@Suite("Names and addresses that end up in shell commands")
struct IdentityCLITests {
  @Test("key generate refuses an e-mail that is not a plain local@domain, and a name with control characters")
  func refusesHostileIdentity() throws {
    let folder = TestSupport.temporaryFolder()
    let key = folder.appendingPathComponent("keys/monitor.key").path
    let emails = ["m@x.org;touch${IFS}/tmp/PWNED;#", "m @x.org", "\"m\"@x.org", "m@x.org,n@x.org", "$m@x.org", "m"]
    for email in emails {
      let result = try veedor(
        "key", "generate", "--key", key, "--name", "M", "--email", email, "--unencrypted", status: 2)
      #expect(result.stderr.contains("field '--email'"), "\(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1)
    }
    for name in ["M\nX", "M\u{1B}[2K", "M\u{85}", "  "] {
      let result = try veedor("key", "generate", "--key", key, "--name", name, "--unencrypted", status: 2)
      #expect(result.stderr.contains("field '--name'"), "\(result.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: key))
    try veedor(
      "key", "generate", "--key", key, "--name", "Ñandú Monitor", "--email", "m.o+1@ejemplo.example.org",
      "--unencrypted")
  }

  @Test("demo prints commands whose paths stay one argument each, even with spaces and quotes")
  func demoCommandsAreQuoted() throws {
    let folder = TestSupport.temporaryFolder().appendingPathComponent("it's a demo").path
    let out = try veedor("demo", folder).stdout
    let line = try #require(out.split(separator: "\n").first { $0.contains("ssh-keygen -Y verify") })
    let words = line.trimmingCharacters(in: .whitespaces).dropFirst("ssh-keygen ".count)
    let result = try TestSupport.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "printf '%s\\n' " + words])
    #expect(
      result.stdout.split(separator: "\n").map(String.init) == [
        "-Y", "verify", "-f", folder + "/public/allowed_signers", "-I", "Demo-Monitor", "-n",
        "assessment-report@veedor", "-s", folder + "/report/report.json.sshsig",
      ], "\(line)\n\(result.stderr)")
  }
}
