import Foundation
import Testing
import VeedorLedger
import VeedorSigning

let testMessage = Data("{\"report\":\"example\"}\n".utf8)

@Suite("Detached signature formats (vectors with the test seed)")
struct FileSignatureTests {
  let key: MonitorKey

  init() throws {
    key = try MonitorKey(
      seed: Data(0..<32), name: "Example Monitor", email: "monitor@example.org", created: 1_700_000_000)
  }

  @Test("raw Ed25519 and the PEM public key")
  func raw() throws {
    let signature = try key.sign(testMessage)
    #if !canImport(CryptoKit)
      #expect(
        signature.hexString
          == "f9a854f910aebc562192600a54e793a4c9c4501cb3cd87bca23a43bff8a1780625375a6437a61c65da3dfe52c399e8d47eba51d67f918ca84180b93781915904"
      )
    #endif
    #expect(
      key.publicKeyPEM
        == "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAA6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=\n-----END PUBLIC KEY-----\n"
    )
  }

  @Test("SSHSIG matches ssh-keygen byte for byte and verifies only in its namespace")
  func sshsig() throws {
    let armoured = try SSHSignature.sign(testMessage, namespace: "file", key: key)
    #if !canImport(CryptoKit)
      #expect(
        armoured == """
          -----BEGIN SSH SIGNATURE-----
          U1NIU0lHAAAAAQAAADMAAAALc3NoLWVkMjU1MTkAAAAgA6EHv/POEL4dcN0Y50vAmWfk1j
          CbpQ1fHdyGZBJVMbgAAAAEZmlsZQAAAAAAAAAGc2hhNTEyAAAAUwAAAAtzc2gtZWQyNTUx
          OQAAAEA1Pz6xGJjcPPzWQ38gDcJH1A81YLynUU6Om+N3yyUYQlAOPSDI7xb5q+5w+Q04BW
          M9K5kV2T1h1alSj8z0NUAA
          -----END SSH SIGNATURE-----

          """)
    #endif
    #expect(SSHSignature.verify(armoured, message: testMessage, namespace: "file") == key.publicKey)
    #expect(SSHSignature.verify(armoured, message: testMessage, namespace: "other") == nil)
    #expect(SSHSignature.verify(armoured, message: testMessage + Data([0x20]), namespace: "file") == nil)
  }

  @Test("OpenPGP key and signature match the gpg-checked vector byte for byte")
  func openPGP() throws {
    #expect(OpenPGP.fingerprint(key).hexString.uppercased() == "0550F45F55746CECA3E8AE97F7A32568E2019652")
    let signature = try OpenPGP.sign(testMessage, key: key, created: 1_700_000_000)
    let publicKey = OpenPGP.armor(try OpenPGP.publicKey(key), kind: "PUBLIC KEY BLOCK")
    #if !canImport(CryptoKit)
      #expect(
        signature == """
          -----BEGIN PGP SIGNATURE-----

          wnUEABYIAB0FAmVT8QAWIQQFUPRfVXRs7KPorpf3oyVo4gGWUgAKCRD3oyVo4gGW
          UlbiAP43gfYwl3ZcMjjOHqGJog6RHGKh25Q8zWcnp+TfhX/uxwEAs0LercT1HbE3
          756WkXErBehrKOSIFhU9a+VuUWntQQc=
          =d3d9
          -----END PGP SIGNATURE-----

          """)
      #expect(
        publicKey == """
          -----BEGIN PGP PUBLIC KEY BLOCK-----

          xjMEZVPxABYJKwYBBAHaRw8BAQdAA6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyG
          ZBJVMbjNJUV4YW1wbGUgTW9uaXRvciA8bW9uaXRvckBleGFtcGxlLm9yZz7CeAQT
          FggAIAUCZVPxABYhBAVQ9F9VdGzso+iul/ejJWjiAZZSAhsDAAoJEPejJWjiAZZS
          5aAA/ik3VzvDdDRixe2yhJC2LjHTyKqe0+UsstQfRKeLbip0AP9QXXOv8GOYGQOg
          m4DwBUs2DBToa6QgUKNUtdFOlNnZCA==
          =Gvq+
          -----END PGP PUBLIC KEY BLOCK-----

          """)
    #endif
  }
}
