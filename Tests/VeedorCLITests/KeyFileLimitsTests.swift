import Foundation
import Testing
import VeedorTestSupport

@Suite("Key files ask for no more work than Veedor writes; new keys need a real passphrase")
struct KeyFileLimitsTests {
  let passphrase = ["VEEDOR_PASSPHRASE": "a long passphrase only you know"]

  /// An encrypted key file whose scrypt cost header is replaced by `cost`.
  func keyFile(cost: [String: Int]) throws -> String {
    let key = TestSupport.temporaryFolder().appendingPathComponent("keys/monitor.key").path
    try veedor("key", "generate", "--key", key, "--name", "M", env: passphrase)
    let url = URL(fileURLWithPath: key)
    var stored = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    var encryption = try #require(stored["encryption"] as? [String: Any])
    encryption["cost"] = cost
    stored["encryption"] = encryption
    try JSONSerialization.data(withJSONObject: stored).write(to: url)
    return key
  }

  @Test("a passphrase file that cannot be read, or a second passphrase that differs, is said in the run's language")
  func passphraseFileUnreadable() throws {
    let key = TestSupport.temporaryFolder().appendingPathComponent("keys/monitor.key").path
    let missing = TestSupport.temporaryFolder().appendingPathComponent("no-passphrase").path
    let english = try veedor("key", "generate", "--key", key, "--name", "M", "--passphrase-file", missing, status: 1)
    #expect(english.stderr == "veedor: error: \(missing): cannot read the passphrase file\n", "\(english.stderr)")
    let spanish = try veedor(
      "key", "generate", "--key", key, "--name", "M", "--passphrase-file", missing, "--lang", "es", status: 1)
    #expect(
      spanish.stderr == "veedor: error: \(missing): no se puede leer el archivo de la frase de contraseña\n",
      "\(spanish.stderr)")
    #expect(!FileManager.default.fileExists(atPath: key))
    // Opening an encrypted key with it: the same line, not "no passphrase".
    try veedor("key", "generate", "--key", key, "--name", "M", env: passphrase)
    let show = try veedor("key", "show", "--key", key, "--passphrase-file", missing, "--lang", "es", status: 1)
    #expect(
      show.stderr == "veedor: error: \(missing): no se puede leer el archivo de la frase de contraseña\n",
      "\(show.stderr)")
  }

  @Test("a header asking for N = 2^22, r = 32, p = 4 is refused at once, naming the file and field")
  func costlyHeaderRefused() throws {
    let key = try keyFile(cost: ["logN": 22, "r": 32, "p": 4])
    let start = Date()
    let result = try veedor("key", "show", "--key", key, status: 2, env: passphrase)
    #expect(Date().timeIntervalSince(start) < 2)
    #expect(result.stderr.contains("\(key): field 'encryption.cost.logN'"), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
  }

  @Test("each parameter just above what key generate writes is refused; the standard cost still opens")
  func boundIsStandard() throws {
    for (cost, field) in [
      (["logN": 16, "r": 8, "p": 1], "logN"), (["logN": 15, "r": 9, "p": 1], "r"), (["logN": 15, "r": 8, "p": 2], "p"),
    ] {
      let result = try veedor("key", "show", "--key", try keyFile(cost: cost), status: 2, env: passphrase)
      #expect(result.stderr.contains("field 'encryption.cost.\(field)'"), "\(result.stderr)")
    }
    try veedor("key", "show", "--key", try keyFile(cost: ["logN": 15, "r": 8, "p": 1]), env: passphrase)
  }

  @Test("key generate refuses an empty or short passphrase, naming where it came from, and writes nothing")
  func shortPassphraseRefused() throws {
    let key = TestSupport.temporaryFolder().appendingPathComponent("keys/monitor.key").path
    for value in ["", "short", "7 chars"] {
      let result = try veedor(
        "key", "generate", "--key", key, "--name", "M", status: 2, env: ["VEEDOR_PASSPHRASE": value])
      #expect(result.stderr.contains("field 'VEEDOR_PASSPHRASE'"), "\(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1)
    }
    let file = TestSupport.temporaryFolder().appendingPathComponent("pass")
    try Data("short\n".utf8).write(to: file)
    let fromFile = try veedor("key", "generate", "--key", key, "--name", "M", "--passphrase-file", file.path, status: 2)
    #expect(fromFile.stderr.contains("field '--passphrase-file'"), "\(fromFile.stderr)")
    #expect(!FileManager.default.fileExists(atPath: key))
    try veedor("key", "generate", "--key", key, "--name", "M", "--unencrypted", env: ["VEEDOR_PASSPHRASE": ""])
  }
}
