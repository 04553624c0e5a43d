import Foundation
import Testing
import VeedorSigning
import VeedorTestSupport

@Suite("Monitor key files")
struct KeyFileTests {
  func newKeyFile(passphrase: String?) throws -> (URL, MonitorKey) {
    let url = TestSupport.temporaryFolder().appendingPathComponent("keys/monitor.key")
    let key = MonitorKey.generate(name: "Test Monitor", email: "m@example.org", created: 1_700_000_000)
    try KeyFile.write(key, to: url, passphrase: passphrase, cost: .testing)
    return (url, key)
  }

  func mode(_ path: String) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
  }

  @Test("an encrypted key round-trips; the file is 0600 in a 0700 folder and holds no seed")
  func roundTrip() throws {
    let (url, key) = try newKeyFile(passphrase: "correct horse")
    #expect(try mode(url.path) == 0o600)
    #expect(try mode(url.deletingLastPathComponent().path) == 0o700)
    let loaded = try KeyFile.read(url) { "correct horse" }
    #expect(loaded.publicKey == key.publicKey && loaded.created == 1_700_000_000 && loaded.email == "m@example.org")
    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(!text.contains(key.privateKey.rawRepresentation.base64EncodedString()))
    #expect(throws: SigningError.keyFileExists(path: url.path)) {
      try KeyFile.write(key, to: url, passphrase: nil, cost: .testing)
    }
  }

  @Test("a wrong passphrase is a clear error")
  func wrongPassphrase() throws {
    let (url, _) = try newKeyFile(passphrase: "right")
    #expect(throws: SigningError.wrongPassphrase(path: url.path)) { try KeyFile.read(url) { "wrong" } }
  }

  @Test("a key file readable by others is refused, as OpenSSH does")
  func permissions() throws {
    let (url, _) = try newKeyFile(passphrase: nil)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
    #expect(throws: SigningError.unprotectedKeyFile(path: url.path, mode: 0o644)) { try KeyFile.read(url) { "" } }
  }

  @Test("a truncated key file is a clear error")
  func truncated() throws {
    let (url, _) = try newKeyFile(passphrase: "p")
    let data = try Data(contentsOf: url)
    try data.prefix(data.count / 2).write(to: url)
    var failure: SigningError?
    do { _ = try KeyFile.read(url) { "p" } } catch { failure = error }
    guard case .damagedKeyFile = failure else {
      Issue.record("expected damagedKeyFile, got \(String(describing: failure))"); return
    }
    #expect(failure?.description.contains("truncated") == true)
  }

  @Test("an unencrypted key never asks for a passphrase")
  func unencrypted() throws {
    let (url, key) = try newKeyFile(passphrase: nil)
    #expect(try KeyFile.isEncrypted(url) == false)
    let loaded = try KeyFile.read(url) { () throws(SigningError) -> String in throw .noPassphrase }
    #expect(loaded.publicKey == key.publicKey)
    #expect(key.sshFingerprint.hasPrefix("SHA256:") && key.sshPublicKey.hasPrefix("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5"))
  }
}

@Suite("Fingerprints agree with OpenSSH")
struct FingerprintInteropTests {
  @Test("ssh-keygen -l prints the same SHA256 fingerprint")
  func sshKeygen() throws {
    guard let tool = TestSupport.tool("ssh-keygen") else {
      if TestSupport.toolsRequired { Issue.record("ssh-keygen is required (VEEDOR_REQUIRE_TOOLS=1) but not installed") }
      print("SKIPPED: ssh-keygen not installed")
      return
    }
    let key = try MonitorKey(seed: Data(0..<32), name: "t", created: 0)
    let file = TestSupport.temporaryFolder().appendingPathComponent("k.pub")
    try (key.sshPublicKey + " test\n").write(to: file, atomically: true, encoding: .utf8)
    let result = try TestSupport.run(tool, ["-l", "-f", file.path])
    #expect(result.status == 0)
    #expect(result.stdout.contains(key.sshFingerprint), "\(result.stdout) vs \(key.sshFingerprint)")
  }
}
