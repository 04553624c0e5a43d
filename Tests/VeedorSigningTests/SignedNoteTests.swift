import Foundation
import Testing
import VeedorLedger
import VeedorSigning

let testSeed = Data(0..<32)
let neumannText =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"

@Suite("Signed notes and checkpoints (C2SP, Go sumdb/note)")
struct SignedNoteTests {
  @Test("RFC 8032 TEST 1 and the test seed's public key")
  func rfc8032() throws {
    let key = try MonitorKey(
      seed: Data(hex: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")!, name: "t", created: 0)
    #expect(key.publicKey.hexString == "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
    let signature = try key.sign(Data())
    #if !canImport(CryptoKit)
      #expect(
        signature.hexString
          == "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
      )
    #endif
    #expect(signature.count == 64)
    let test = try MonitorKey(seed: testSeed, name: "t", created: 0)
    #expect(test.publicKey.hexString == "03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8")
  }

  @Test("the Go sumdb/note golden signature")
  func goVector() throws {
    let key = try MonitorKey(
      seed: Data(hex: "810a1402d5146c8d84f2443330f54080ebf98ee17d9c74f6252fc5d5c7283173")!, name: "PeterNeumann",
      created: 0)
    let vkey = try NoteKey(name: "PeterNeumann", publicKey: key.publicKey)
    #expect(vkey.description == "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
    let note = try SignedNote.sign(neumannText, name: "PeterNeumann", key: key)
    #if !canImport(CryptoKit)
      #expect(
        note.serialized == neumannText
          + "\n\u{2014} PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
      )
    #endif
    #expect(try SignedNote(parsing: note.serialized).isSigned(by: vkey))
  }

  @Test("other published notes verify, and only with their own key")
  func verifyOnly() throws {
    let enoch = try NoteKey(text: "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop")
    let note = try SignedNote(
      parsing: neumannText
        + "\n\u{2014} EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n"
    )
    #expect(note.isSigned(by: enoch))
    let c2sp = try NoteKey(text: "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k")
    let example = try SignedNote(
      parsing:
        "This is an example message.\n\n\u{2014} example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n"
    )
    #expect(example.isSigned(by: c2sp))
    #expect(!example.isSigned(by: enoch))
    let altered = try SignedNote(
      parsing: example.serialized.replacingOccurrences(of: "example message", with: "example massage"))
    #expect(!altered.isSigned(by: c2sp))
  }

  @Test("the checkpoint vector reproduces byte for byte")
  func checkpointVector() throws {
    let key = try MonitorKey(seed: testSeed, name: "Example Monitor", created: 0)
    let origin = "example.org/monitor-log"
    let vkey = try NoteKey(name: origin, publicKey: key.publicKey)
    #expect(vkey.description == "example.org/monitor-log+9a3929de+AQOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4")
    let root = Data(base64Encoded: "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=")!
    let note = try SignedNote.sign(Checkpoint(origin: origin, size: 8, root: root).text, name: origin, key: key)
    #if !canImport(CryptoKit)
      #expect(
        note.serialized
          == "example.org/monitor-log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n\u{2014} example.org/monitor-log mjkp3jFf9wucmJz7zPEeY8veAq95gy0r9sLmuNpRhPmHzNIGUvbkiGleNjVQc7oKrgoiJGN6mj412qHD9Sw9MPhjDgA=\n"
      )
    #endif
    #expect(note.isSigned(by: vkey))
  }

  @Test("malformed notes and keys are refused")
  func malformed() throws {
    let key = try MonitorKey(seed: testSeed, name: "m", created: 0)
    #expect(throws: SigningError.self) { try SignedNote.sign("no newline", name: "m", key: key) }
    #expect(throws: SigningError.self) { try SignedNote.sign("bell \u{7}\n", name: "m", key: key) }
    #expect(throws: SigningError.self) { try NoteKey(name: "a+b", publicKey: key.publicKey) }
    #expect(throws: SigningError.self) {
      try NoteKey(text: "example.org/monitor-log+9a3929df+AQOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4")
    }
    #expect(throws: SigningError.self) { try SignedNote(parsing: "text\n\nnot a signature\n") }
    let note = try SignedNote.sign("hello\n", name: "m", key: key)
    let wrongID = note.serialized.replacingOccurrences(of: "\u{2014} m ", with: "\u{2014} n ")
    #expect(!(try SignedNote(parsing: wrongID)).isSigned(by: try NoteKey(name: "m", publicKey: key.publicKey)))
  }
}
