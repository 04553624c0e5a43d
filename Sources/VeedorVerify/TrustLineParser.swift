import Foundation
import VeedorSigning

/// Reads one trust-file line as OpenSSH's `parse_principals_key_and_options` and `sshsigopt_parse` do.
struct TrustLineParser {
  let path: String
  let number: Int
  private let b: [UInt8]

  init(_ bytes: [UInt8], line: Int, path: String) {
    // C string functions stop at a NUL byte.
    b = Array(bytes.prefix { $0 != 0 })
    number = line
    self.path = path
  }

  /// The entry on the line, nil for a blank or `#` line, or what is malformed about it.
  func parse() -> Result<TrustFile.Entry?, VerifyError> {
    var i = 0
    while i < b.count, b[i] == .space || b[i] == .tab { i += 1 }
    if i == b.count || b[i] == UInt8(ascii: "#") || b[i...].allSatisfy(Self.isSpace) { return .success(nil) }
    if let vkey = verifierKey(from: i) { return .success(vkey) }
    do {
      return .success(try entry(from: i))
    } catch {
      return .failure(error)
    }
  }

  private func fail(_ field: String, _ message: String, es: String) -> VerifyError {
    VerifyError(.badInput, message, es: es, file: path, line: number, field: field)
  }

  private func fail(_ field: String, _ problem: KeyProblem) -> VerifyError {
    fail(field, problem.message, es: problem.messageES)
  }

  /// A C2SP verifier key (`name+keyid+base64`) alone on the line: Veedor's own extension.
  private func verifierKey(from start: Int) -> TrustFile.Entry? {
    let token = b[start...].reversed().drop(while: Self.isSpace).reversed()
    guard !token.contains(where: Self.isSpace), let text = String(bytes: token, encoding: .utf8),
      let key = try? NoteKey(text: text)
    else { return nil }
    return TrustFile.Entry(
      line: number, principals: key.name, keyType: TrustFile.Entry.verifierKeyType, publicKey: key.publicKey,
      certAuthority: false, namespaces: nil, validAfter: nil, validBefore: nil, comment: "")
  }

  private func entry(from start: Int) throws(VerifyError) -> TrustFile.Entry {
    // Principals: OpenSSH's strdelimw, which also understands one double-quoted run.
    guard let delimiter = b[start...].firstIndex(where: { Self.isDelimiter($0) || $0 == .quote }) else {
      throw fail("key", KeyProblem.missing)
    }
    var principals = Array(b[start..<delimiter])
    var cp: Int
    if b[delimiter] == .quote {
      guard let close = b[(delimiter + 1)...].firstIndex(of: .quote) else {
        throw fail("principals", "missing end quote", es: "falta la comilla de cierre")
      }
      principals += b[(delimiter + 1)..<close]
      cp = close + 1
    } else {
      cp = delimiter + 1
    }
    while cp < b.count, Self.isDelimiter(b[cp]) { cp += 1 }
    var options: [UInt8] = []
    var key = readKey(at: cp)
    // When the field after the principals names a key type, its own problem is the one to report.
    var keyProblem: KeyProblem?
    if case .failure(let problem) = key,
      Self.keyTypes[String(decoding: b[cp...].prefix { $0 != .space && $0 != .tab }, as: UTF8.self)] != nil
    {
      keyProblem = problem
    }
    if case .failure = key {
      // No key here, so these are options: up to the first space or tab outside double quotes.
      var end = cp
      var quoted = false
      while end < b.count, quoted || (b[end] != .space && b[end] != .tab) {
        if b[end] == UInt8(ascii: "\\"), end + 1 < b.count, b[end + 1] == .quote {
          end += 1
        } else if b[end] == .quote {
          quoted.toggle()
        }
        end += 1
      }
      if quoted { throw fail("options", "missing end quote", es: "falta la comilla de cierre") }
      if end >= b.count {
        throw fail(
          "key", keyProblem ?? KeyProblem("missing key after the options", es: "falta la clave después de las opciones")
        )
      }
      options = Array(b[cp..<end])
      cp = end + 1
      while cp < b.count, b[cp] == .space || b[cp] == .tab { cp += 1 }
      key = readKey(at: cp)
    }
    guard case .success(let (type, publicKey, commentStart)) = key else {
      if case .failure(let problem) = key { throw fail("key", keyProblem ?? problem) }
      throw fail("key", "invalid key", es: "clave no válida")
    }
    var entry = TrustFile.Entry(
      line: number, principals: String(decoding: principals, as: UTF8.self), keyType: type, publicKey: publicKey,
      certAuthority: false, namespaces: nil, validAfter: nil, validBefore: nil,
      comment: String(decoding: b[commentStart...], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    try TrustOptions(options, parser: self).apply(to: &entry)
    return entry
  }

  /// Why no key could be read.
  struct KeyProblem: Error {
    var message: String
    var messageES: String

    init(_ message: String, es: String) {
      self.message = message
      messageES = es
    }

    static let missing = KeyProblem(
      "missing key: expected 'principals [options] ssh-ed25519 BASE64 [comment]'",
      es: "falta la clave: se esperaba 'principals [options] ssh-ed25519 BASE64 [comment]'")
  }

  /// OpenSSH's `sshkey_read`: a key type, spaces, base64; returns the type, the Ed25519 key (nil for
  /// other types) and where the comment starts.
  private func readKey(at start: Int) -> Result<(String, Data?, Int), KeyProblem> {
    guard let typeEnd = b[start...].firstIndex(where: { $0 == .space || $0 == .tab }) else {
      return .failure(KeyProblem.missing)
    }
    let type = String(decoding: b[start..<typeEnd], as: UTF8.self)
    guard let blobType = Self.keyTypes[type] else {
      return .failure(
        KeyProblem(
          "invalid key: unknown key type \"\(type)\"", es: "clave no válida: tipo de clave desconocido \"\(type)\""))
    }
    var cp = typeEnd
    while cp < b.count, b[cp] == .space || b[cp] == .tab { cp += 1 }
    let blobEnd = b[cp...].firstIndex { $0 == .space || $0 == .tab } ?? b.count
    guard cp < b.count,
      let blob = Data(base64Encoded: Data(b[cp..<blobEnd].filter { !Self.isSpace($0) }))
    else {
      return .failure(
        KeyProblem(
          "invalid key: the \(type) key is not valid base64",
          es: "clave no válida: la clave \(type) no es base64 válido"))
    }
    var offset = blob.startIndex
    guard let inner = Self.sshString(blob, &offset), String(decoding: inner, as: UTF8.self) == blobType else {
      return .failure(
        KeyProblem(
          "invalid key: the base64 data is not a \(type) key",
          es: "clave no válida: los datos en base64 no son una clave \(type)"))
    }
    var publicKey: Data?
    if type == "ssh-ed25519" {
      guard let raw = Self.sshString(blob, &offset), raw.count == 32, offset == blob.endIndex else {
        return .failure(
          KeyProblem(
            "invalid key: not a 32-byte Ed25519 public key",
            es: "clave no válida: no es una clave pública Ed25519 de 32 bytes"))
      }
      publicKey = raw
    }
    var comment = blobEnd
    while comment < b.count, b[comment] == .space || b[comment] == .tab { comment += 1 }
    return .success((type, publicKey, comment))
  }

  /// OpenSSH 9's key type names and the type each one's encoded key starts with.
  static let keyTypes: [String: String] = {
    var types: [String: String] = [:]
    let plain = [
      "ssh-ed25519", "sk-ssh-ed25519@openssh.com", "ssh-rsa", "ssh-dss", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521", "sk-ecdsa-sha2-nistp256@openssh.com", "ssh-xmss@openssh.com",
    ]
    for name in plain {
      types[name] = name
      let cert = name.replacingOccurrences(of: "@openssh.com", with: "") + "-cert-v01@openssh.com"
      types[cert] = cert
    }
    for hash in ["256", "512"] {
      types["rsa-sha2-\(hash)"] = "ssh-rsa"
      types["rsa-sha2-\(hash)-cert-v01@openssh.com"] = "ssh-rsa-cert-v01@openssh.com"
    }
    return types
  }()

  /// An RFC 4251 `string` at `offset`, advancing past it; nil when the data ends first.
  static func sshString(_ data: Data, _ offset: inout Data.Index) -> Data? {
    guard data.endIndex - offset >= 4 else { return nil }
    let length = data[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
    guard data.endIndex - offset - 4 >= length else { return nil }
    defer { offset += 4 + length }
    return Data(data[(offset + 4)..<(offset + 4 + length)])
  }

  /// OpenSSH's token delimiters in `strdelimw`: space, tab, CR and LF.
  static func isDelimiter(_ c: UInt8) -> Bool { c == .space || c == .tab || c == 0x0D || c == 0x0A }

  /// C's `isspace` in the C locale.
  static func isSpace(_ c: UInt8) -> Bool { c == .space || (0x09...0x0D).contains(c) }
}

extension UInt8 {
  static let space = UInt8(ascii: " ")
  static let tab = UInt8(ascii: "\t")
  static let quote = UInt8(ascii: "\"")
}
