import Foundation
import Testing
import VeedorSigning

/// Veedor reads back the OpenPGP signatures it writes, so `verify` checks `.asc` as gpgv would.
@Suite("OpenPGP detached signatures read back")
struct OpenPGPVerifierTests {
  let key = try! MonitorKey(
    seed: Data(0..<32), name: "Test Monitor", email: "monitor@example.org", created: 1_700_000_000)
  let other = MonitorKey.generate(name: "Other", email: "other@example.org", created: 1_700_000_000)
  let message = Data("{\"format\":\"veedor-report/2\"}\n".utf8)

  @Test("a signature Veedor wrote verifies; another message, another key, a flipped armour byte do not")
  func roundTrip() throws {
    let asc = try OpenPGP.sign(message, key: key, created: 1_700_000_100)
    #expect(OpenPGPVerifier.verify(asc, message: message, publicKey: key.publicKey))
    #expect(!OpenPGPVerifier.verify(asc, message: message + Data(" ".utf8), publicKey: key.publicKey))
    #expect(!OpenPGPVerifier.verify(asc, message: message, publicKey: other.publicKey))
    let byOther = try OpenPGP.sign(message, key: other, created: 1_700_000_100)
    #expect(!OpenPGPVerifier.verify(byOther, message: message, publicKey: key.publicKey))
    var flipped = Array(asc.utf8)
    let at = try #require(asc.range(of: "\n\n")).upperBound.utf16Offset(in: asc) + 10
    flipped[at] = flipped[at] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
    #expect(
      !OpenPGPVerifier.verify(String(decoding: flipped, as: UTF8.self), message: message, publicKey: key.publicKey))
  }

  @Test("hostile armour never crashes and never verifies")
  func hostile() throws {
    let asc = try OpenPGP.sign(message, key: key, created: 1_700_000_100)
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<300 {
      var bytes = Array(asc.utf8)
      for _ in 0..<Int.random(in: 1...4, using: &generator) {
        bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
      }
      let text = String(decoding: bytes, as: UTF8.self)
      if text != asc { _ = OpenPGPVerifier.verify(text, message: message, publicKey: key.publicKey) }
    }
    for junk in ["", "-----BEGIN PGP SIGNATURE-----\n\n=AAAA\n-----END PGP SIGNATURE-----\n", "not armour"] {
      #expect(!OpenPGPVerifier.verify(junk, message: message, publicKey: key.publicKey))
    }
  }
}
