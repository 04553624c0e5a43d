import Crypto
import CryptoExtras
import Foundation
import VeedorErrors

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The monitor's secret-key file: JSON with a versioned header, the seed sealed with
/// ChaCha20-Poly1305 under a scrypt-derived key, created 0600 in a 0700 folder.
public enum KeyFile {
  /// scrypt cost parameters.
  public struct Cost: Codable, Sendable, Hashable {
    /// log2 of N.
    public var logN: Int
    /// Block size r.
    public var r: Int
    /// Parallelism p.
    public var p: Int

    /// N = 2^15, r = 8, p = 1 (about 32 MiB, a fraction of a second).
    public static let standard = Cost(logN: 15, r: 8, p: 1)
    /// Cheap parameters for tests only.
    public static let testing = Cost(logN: 10, r: 8, p: 1)
    /// The most a key file may ask for: what `standard` asks, so a crafted file cannot make reading it cost more.
    public static let maximum = standard

    /// The first parameter outside `testing`…`maximum`, as its key-file field and a reason; nil when all are within.
    public var problem: (field: String, reason: Phrase)? {
      let field = "encryption.cost."
      if !(Cost.testing.logN...Cost.maximum.logN).contains(logN) {
        let range = "2^\(Cost.testing.logN)…2^\(Cost.maximum.logN)"
        return (
          field + "logN",
          Phrase(
            "scrypt N = 2^\(logN) is outside \(range), the range Veedor writes",
            es: "scrypt N = 2^\(logN) está fuera de \(range), el rango que Veedor escribe")
        )
      }
      if !(1...Cost.maximum.r).contains(r) {
        return (
          field + "r",
          Phrase(
            "scrypt r = \(r) is outside 1…\(Cost.maximum.r), the range Veedor writes",
            es: "scrypt r = \(r) está fuera de 1…\(Cost.maximum.r), el rango que Veedor escribe")
        )
      }
      if !(1...Cost.maximum.p).contains(p) {
        return (
          field + "p",
          Phrase(
            "scrypt p = \(p) is outside 1…\(Cost.maximum.p), the range Veedor writes",
            es: "scrypt p = \(p) está fuera de 1…\(Cost.maximum.p), el rango que Veedor escribe")
        )
      }
      return nil
    }

    /// Memory scrypt needs for these parameters, in bytes.
    var memory: Int { 128 * r * (1 << logN) }

    /// Creates cost parameters.
    public init(logN: Int, r: Int, p: Int) {
      self.logN = logN
      self.r = r
      self.p = p
    }
  }

  private struct Sealed: Codable {
    var kdf: String
    var salt: String
    var cost: Cost
    var cipher: String
    var box: String
  }

  private struct Stored: Codable {
    var format: String
    var name: String
    var email: String?
    var created: Int64
    var publicKey: String
    var encryption: Sealed?
    var seed: String?
  }

  /// The file format tag.
  public static let formatTag = "veedor-key/1"

  /// Fewest characters a new key's passphrase may have.
  public static let minimumPassphraseLength = 8

  /// Refuses a passphrase for a new key that is shorter than `minimumPassphraseLength`; `field` names where it came
  /// from (an option, a variable or the prompt).
  public static func checkNewPassphrase(_ passphrase: String, field: String) throws(SigningError) {
    guard passphrase.count >= minimumPassphraseLength else {
      throw .badField(
        field: field,
        reason: Phrase(
          "the passphrase has \(passphrase.count) characters; use at least \(minimumPassphraseLength), or --unencrypted for a demo key",
          es:
            "la frase de contraseña tiene \(passphrase.count) caracteres; use al menos \(minimumPassphraseLength), o --unencrypted para una clave de demostración"
        )
      )
    }
  }

  /// `$VEEDOR_KEY`, else `$XDG_CONFIG_HOME/veedor/monitor.key`, else `~/.config/veedor/monitor.key`.
  public static func defaultURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
    if let path = environment["VEEDOR_KEY"], !path.isEmpty { return URL(fileURLWithPath: path) }
    let config =
      environment["XDG_CONFIG_HOME"].map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config")
    return config.appendingPathComponent("veedor").appendingPathComponent("monitor.key")
  }

  /// Writes a new key file (never overwriting one); `passphrase` nil stores the seed unencrypted.
  public static func write(_ key: MonitorKey, to url: URL, passphrase: String?, cost: Cost = .standard)
    throws(SigningError)
  {
    var stored = Stored(
      format: formatTag, name: key.name, email: key.email, created: key.created,
      publicKey: key.publicKey.base64EncodedString(), encryption: nil, seed: nil)
    let seed = key.privateKey.rawRepresentation
    if let passphrase {
      let salt = Data((0..<16).map { _ in UInt8.random(in: 0...255) })
      let box: Data
      do {
        let symmetric = try derive(passphrase, salt: salt, cost: cost)
        box = try ChaChaPoly.seal(seed, using: symmetric, authenticating: key.publicKey).combined
      } catch {
        throw .io(
          path: url.path,
          reason: Phrase("cannot encrypt the key: \(error)", es: "no se puede cifrar la clave: \(error)"))
      }
      stored.encryption = Sealed(
        kdf: "scrypt", salt: salt.base64EncodedString(), cost: cost, cipher: "chacha20-poly1305",
        box: box.base64EncodedString())
    } else {
      stored.seed = seed.base64EncodedString()
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    guard let data = try? encoder.encode(stored) else {
      throw .io(path: url.path, reason: Phrase("cannot encode", es: "no se puede codificar"))
    }
    let folder = url.deletingLastPathComponent()
    if !FileManager.default.fileExists(atPath: folder.path) {
      do {
        try FileManager.default.createDirectory(
          at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      } catch {
        let why = SystemError.describe(error)
        throw .io(path: folder.path, reason: Phrase("cannot create: \(why.en)", es: "no se puede crear: \(why.es)"))
      }
    }
    let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
    guard fd >= 0 else {
      if errno == EEXIST { throw .keyFileExists(path: url.path) }
      throw .io(path: url.path, reason: SystemError.phrase(errno))
    }
    defer { close(fd) }
    let ok = data.withUnsafeBytes { systemWrite(fd, $0.baseAddress, $0.count) == $0.count }
    guard ok, fsync(fd) == 0 else {
      throw .io(
        path: url.path, reason: Phrase("cannot write the key file", es: "no se puede escribir el archivo de clave"))
    }
  }

  /// Whether a key file is encrypted, without asking for a passphrase.
  public static func isEncrypted(_ url: URL) throws(SigningError) -> Bool {
    try load(url).encryption != nil
  }

  /// Reads a key file, refusing one that group or others can read; `passphrase` is asked only if needed.
  public static func read(_ url: URL, passphrase: () throws(SigningError) -> String) throws(SigningError) -> MonitorKey
  {
    let stored = try load(url)
    guard let publicKey = Data(base64Encoded: stored.publicKey) else {
      throw .damagedKeyFile(path: url.path, reason: Phrase("bad public key", es: "clave pública incorrecta"))
    }
    let seed: Data
    if let sealed = stored.encryption {
      // Bounded before scrypt runs: a crafted header must not make reading the file take minutes or gigabytes.
      if let (field, reason) = sealed.cost.problem {
        throw .unsupportedKeyFile(path: url.path, field: field, reason: reason)
      }
      guard sealed.kdf == "scrypt", sealed.cipher == "chacha20-poly1305",
        let salt = Data(base64Encoded: sealed.salt), let box = Data(base64Encoded: sealed.box)
      else {
        throw .damagedKeyFile(
          path: url.path,
          reason: Phrase(
            "unsupported or damaged encryption header", es: "encabezado de cifrado no admitido o dañado"))
      }
      let symmetric: SymmetricKey
      do { symmetric = try derive(try passphrase(), salt: salt, cost: sealed.cost) } catch let error as SigningError {
        throw error
      } catch { throw .damagedKeyFile(path: url.path, reason: Phrase("scrypt failed", es: "falló scrypt")) }
      guard let sealedBox = try? ChaChaPoly.SealedBox(combined: box) else {
        throw .damagedKeyFile(
          path: url.path, reason: Phrase("truncated sealed seed", es: "semilla sellada truncada"))
      }
      guard let opened = try? ChaChaPoly.open(sealedBox, using: symmetric, authenticating: publicKey) else {
        throw .wrongPassphrase(path: url.path)
      }
      seed = opened
    } else {
      guard let plain = stored.seed.flatMap({ Data(base64Encoded: $0) }) else {
        throw .damagedKeyFile(path: url.path, reason: Phrase("no seed", es: "sin semilla"))
      }
      seed = plain
    }
    let key = try MonitorKey(seed: seed, name: stored.name, email: stored.email, created: stored.created)
    guard key.publicKey == publicKey else {
      throw .damagedKeyFile(
        path: url.path,
        reason: Phrase("the seed does not match the public key", es: "la semilla no corresponde a la clave pública"))
    }
    return key
  }

  private static func load(_ url: URL) throws(SigningError) -> Stored {
    var info = stat()
    guard stat(url.path, &info) == 0 else { throw .missingKeyFile(path: url.path) }
    let mode = UInt16(info.st_mode & 0o777)
    if mode & 0o077 != 0 { throw .unprotectedKeyFile(path: url.path, mode: mode) }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw .io(path: url.path, reason: Phrase("cannot read", es: "no se puede leer"))
    }
    guard let stored = try? JSONDecoder().decode(Stored.self, from: data) else {
      throw .damagedKeyFile(
        path: url.path,
        reason: Phrase("truncated or not a Veedor key file", es: "truncado o no es un archivo de clave de Veedor"))
    }
    guard stored.format == formatTag else {
      throw .damagedKeyFile(
        path: url.path,
        reason: Phrase("unknown format '\(stored.format)'", es: "formato desconocido '\(stored.format)'"))
    }
    return stored
  }

  private static func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
      return Glibc.write(fd, bytes, count)
    #else
      return Darwin.write(fd, bytes, count)
    #endif
  }

  private static func derive(_ passphrase: String, salt: Data, cost: Cost) throws -> SymmetricKey {
    try KDF.Scrypt.deriveKey(
      from: Data(passphrase.utf8), salt: salt, outputByteCount: 32, rounds: 1 << cost.logN, blockSize: cost.r,
      parallelism: cost.p, maxMemory: 2 * Cost.maximum.memory)
  }
}
