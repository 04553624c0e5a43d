import Foundation
import Testing
import VeedorPublish
import VeedorTestSupport

/// The arguments `/bin/sh` sees in `printf '%s\0' WORDS`, each ended by a NUL byte.
func shellArguments(_ words: String) throws -> [String] {
  let result = try TestSupport.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "printf '%s\\0' " + words])
  return result.stdout.split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
}

@Suite("Commands shown to readers are shell-quoted")
struct ShellQuotingTests {
  @Test("a hostile principal survives /bin/sh as one argument; safe words stay bare")
  func quoting() throws {
    let marker = TestSupport.temporaryFolder().appendingPathComponent("PWNED").path
    let hostile = [
      "m@x.org;touch${IFS}\(marker);#", "it's", "a b", "$(touch \(marker))", "`touch \(marker)`", "'", "''", "",
      "x\\y", "\"q\"", "line\nbreak", "*", "ñandú@ejemplo.cl",
    ]
    for word in hostile {
      #expect(try shellArguments(ShellQuoting.quote(word)) == [word], "\(word.debugDescription)")
    }
    #expect(try shellArguments(ShellQuoting.command(hostile)) == hostile)
    #expect(!FileManager.default.fileExists(atPath: marker))
    #expect(ShellQuoting.quote("monitor@example.org") == "monitor@example.org")
    #expect(ShellQuoting.quote("data/keys/allowed_signers") == "data/keys/allowed_signers")
    #expect(ShellQuoting.quote("it's") == #"'it'\''s'"#)
  }

  @Test("the site's verify page quotes the principal read from allowed_signers")
  func verifyPage() throws {
    let f = try ReportFixture()
    let marker = TestSupport.temporaryFolder().appendingPathComponent("PWNED").path
    let principal = "m@x.org;touch${IFS}\(marker);#'"
    let signers = f.keys.appendingPathComponent("allowed_signers")
    let line = try String(contentsOf: signers, encoding: .utf8)
    try Data((principal + line.drop { $0 != " " }).utf8).write(to: signers)
    let site = TestSupport.temporaryFolder().appendingPathComponent("site")
    try ReportFixture.run([
      "publish", "-w", f.ws, "--out", site.path, "--report", f.out.path, "--keys", f.keys.path,
    ])
    let html = try String(contentsOf: site.appendingPathComponent("verify.en.html"), encoding: .utf8)
    let start = try #require(html.range(of: "ssh-keygen -Y verify -f data/keys/allowed_signers -I "))
    let end = try #require(html.range(of: " -n assessment-report@veedor", range: start.upperBound..<html.endIndex))
    let shown = String(html[start.upperBound..<end.lowerBound])
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
      .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&amp;", with: "&")
    #expect(try shellArguments(shown) == [principal], "\(shown)")
    #expect(!FileManager.default.fileExists(atPath: marker))
  }
}
