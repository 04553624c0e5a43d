import Foundation
import Testing
import VeedorSigning
import VeedorTestSupport
import VeedorVerify

/// What TrustFile tells its callers: grants, one-line refusals, malformed lines, and the lines it writes.
@Suite("TrustFile grants, refusals and editing")
struct TrustFileAPITests {
  let key = MonitorKey.generate(name: "Monitor", email: "monitor@example.org", created: 1_700_000_000)
  let other = MonitorKey.generate(name: "Other", email: "other@example.org", created: 1_700_000_000)
  let ns = SSHSignature.reportNamespace
  let noon = Date(timeIntervalSince1970: 1_748_779_200)

  func file(_ lines: [String]) throws -> URL {
    let url = TestSupport.temporaryFolder().appendingPathComponent("monitors.allowed_signers")
    try Data(lines.joined(separator: "\n").utf8).write(to: url)
    return url
  }

  @Test("a grant unions the principals of every applicable line")
  func grant() throws {
    let trust = try TrustFile(
      try file([
        "CLPLN,CLMPU namespaces=\"\(ns)\" \(key.sshPublicKey)", "ARBUE namespaces=\"file\" \(key.sshPublicKey)",
        "CO* \(key.sshPublicKey)",
      ]))
    let grant = try trust.authorize(key.publicKey, namespace: ns, at: noon).get()
    #expect(grant.principals == ["CLPLN,CLMPU", "CO*"])
    #expect(grant.lines == [1, 3])
    #expect(grant.allows("CLMPU") && grant.allows("COBOG"))
    #expect(!grant.allows("ARBUE") && !grant.allows("CLXXX"))
    #expect(trust.publicKeys == [key.publicKey])
  }

  @Test("each refusal says why in one line")
  func refusals() throws {
    let pub = key.sshPublicKey
    let cases: [([String], TrustFile.Refusal.Kind, String)] = [
      (["CLPLN \(other.sshPublicKey)"], .unknownKey, "no line"),
      (["CLPLN namespaces=\"file\" \(pub)"], .namespace, "only for namespaces \"file\""),
      (["CLPLN valid-after=\"20300101Z\" \(pub)"], .notYetValid, "valid-after \"20300101Z\" (2030-01-01T00:00:00Z)"),
      (["CLPLN valid-before=\"20200101Z\" \(pub)"], .expired, "valid-before \"20200101Z\" (2020-01-01T00:00:00Z)"),
      (
        ["CLPLN cert-authority \(pub)", "X \(other.sshPublicKey)"], .certAuthority,
        "only via cert-authority is not trusted"
      ),
    ]
    for (lines, kind, words) in cases {
      let trust = try TrustFile(try file(lines + ["Z \(other.sshPublicKey)"]))
      guard case .failure(let refusal) = trust.authorize(key.publicKey, namespace: ns, at: noon) else {
        Issue.record("\(lines) should refuse")
        continue
      }
      #expect(refusal.kind == kind, "\(refusal)")
      #expect(refusal.reason.contains(words), "\(refusal.reason)")
      #expect(!refusal.reason.contains("\n"))
    }
  }

  @Test("a verifier key line trusts its name in any namespace, always")
  func verifierKey() throws {
    let vkey = try NoteKey(name: "o.example/log", publicKey: key.publicKey)
    let trust = try TrustFile(try file(["# checkpoint key", vkey.description]))
    let grant = try trust.authorize(key.publicKey, namespace: "anything", at: Date.distantFuture).get()
    #expect(grant.principals == ["o.example/log"] && grant.lines == [2])
    #expect(trust.entries.first?.isVerifierKey == true)
  }

  @Test("a malformed line grants nothing and is named by file, line and field")
  func malformed() throws {
    let url = try file(["CLPLN \(key.sshPublicKey)", "CLMPU valid-after=\"2025\" \(other.sshPublicKey)"])
    let trust = try TrustFile(url)
    #expect(trust.problems.count == 1)
    let problem = try #require(trust.problems.first)
    #expect(problem.file == url.path && problem.line == 2 && problem.field == "valid-after")
    #expect(problem.code == .badInput && problem.description.contains(":2: field 'valid-after'"))
    guard case .failure(let refusal) = trust.authorize(other.publicKey, namespace: ns, at: noon) else {
      Issue.record("a malformed line must not grant")
      return
    }
    #expect(refusal.reason.contains("1 malformed line(s) ignored"))
  }

  @Test("unreadable, empty, malformed-only and ECDSA-only files are bad input")
  func badInput() throws {
    let ecdsa =
      "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBEdiZkK5o2QmJlCXnpfjSmQswCtO9ShGRmv/"
      + "kvgoQf/yeQqvTUXQ0vPDAwhHsGnvniopfg8e1MQyo4FRSFx4pW4="
    let missing = TestSupport.temporaryFolder().appendingPathComponent("none")
    for (url, words) in [
      (missing, "cannot read"), (try file(["# nothing"]), "no usable key"),
      (try file(["CLPLN ssh-ed25519 AAAA!!!"]), "invalid key"), (try file(["CLPLN \(ecdsa)"]), "no usable key"),
    ] {
      #expect {
        try TrustFile(url)
      } throws: { error in
        guard let error = error as? VerifyError else { return false }
        return error.code == .badInput && error.file == url.path && error.description.contains(words)
      }
    }
  }

  @Test("line() writes what ssh-keygen reads; readPublicKey takes monitor.pub, allowed_signers and verifier keys")
  func building() throws {
    let line = try TrustFile.line(
      members: ["CLPLN", "CLMPU"], key: key.publicKey, comment: "Monitor\nName", validAfter: "20250101Z")
    #expect(
      line == "CLPLN,CLMPU namespaces=\"\(ns)\",valid-after=\"20250101Z\" \(key.sshPublicKey) Monitor Name")
    let folder = TestSupport.temporaryFolder()
    let forms = [
      "\(key.sshPublicKey) monitor@example.org\n", SSHSignature.allowedSigners(principal: "m@example.org", key: key),
      try NoteKey(name: "o.example/log", publicKey: key.publicKey).description + "\n",
    ]
    for (i, text) in forms.enumerated() {
      let url = folder.appendingPathComponent("key\(i)")
      try Data(text.utf8).write(to: url)
      #expect(try TrustFile.readPublicKey(url).key == key.publicKey, "\(text)")
    }
    #expect(throws: VerifyError.self) { try TrustFile.line(members: ["a b"], key: key.publicKey) }
    #expect(throws: VerifyError.self) { try TrustFile.line(members: ["X"], key: key.publicKey, validBefore: "2025") }
  }

  @Test("append creates the file, adds lines, and refuses an exact repeat or a malformed file")
  func append() throws {
    let url = TestSupport.temporaryFolder().appendingPathComponent("monitors.allowed_signers")
    let first = try TrustFile.line(members: ["CLPLN"], key: key.publicKey)
    #expect(try TrustFile.append(first, to: url).line == 1)
    #expect(throws: VerifyError.self) { try TrustFile.append(first + " another comment", to: url) }
    let second = try TrustFile.line(members: ["CLMPU"], key: key.publicKey)
    #expect(try TrustFile.append(second, to: url).line == 2)
    #expect(try String(contentsOf: url, encoding: .utf8) == first + "\n" + second + "\n")
    try Data("X namespaces=bad \(key.sshPublicKey)".utf8).write(to: url)
    #expect(throws: VerifyError.self) { try TrustFile.append(second, to: url) }
  }
}
