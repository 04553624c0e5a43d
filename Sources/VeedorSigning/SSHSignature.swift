import Crypto
import Foundation

/// OpenSSH's SSHSIG detached signatures (`ssh-keygen -Y sign/verify`), per PROTOCOL.sshsig.
public enum SSHSignature {
  /// The namespace Veedor signs assessment reports in; a signature is only valid in its namespace.
  public static let reportNamespace = "assessment-report@veedor"

  private static let magic = Data("SSHSIG".utf8)

  /// The bytes Ed25519 signs: `"SSHSIG" || string(ns) || string("") || string("sha512") || string(SHA-512(msg))`.
  static func signedData(message: Data, namespace: String, hash: String = "sha512") -> Data {
    let digest = hash == "sha256" ? Data(SHA256.hash(data: message)) : Data(SHA512.hash(data: message))
    return magic + SSHWire.string(Data(namespace.utf8)) + SSHWire.string(Data()) + SSHWire.string(Data(hash.utf8))
      + SSHWire.string(digest)
  }

  /// The armoured signature of a message, as `ssh-keygen -Y sign` writes it.
  public static func sign(_ message: Data, namespace: String, key: MonitorKey) throws(SigningError) -> String {
    let signature = try key.sign(signedData(message: message, namespace: namespace))
    var blob = magic
    blob.append(contentsOf: [0, 0, 0, 1])
    blob += SSHWire.string(SSHWire.publicKeyBlob(key.publicKey))
    blob += SSHWire.string(Data(namespace.utf8)) + SSHWire.string(Data()) + SSHWire.string(Data("sha512".utf8))
    blob += SSHWire.string(SSHWire.string(Data("ssh-ed25519".utf8)) + SSHWire.string(signature))
    let body = blob.base64EncodedString()
    let lines = stride(from: 0, to: body.count, by: 70).map { start -> String in
      let from = body.index(body.startIndex, offsetBy: start)
      return String(body[from..<(body.index(from, offsetBy: 70, limitedBy: body.endIndex) ?? body.endIndex)])
    }
    return "-----BEGIN SSH SIGNATURE-----\n" + lines.joined(separator: "\n") + "\n-----END SSH SIGNATURE-----\n"
  }

  /// The Ed25519 public key that made an armoured SSHSIG over `message` in `namespace`, if it verifies
  /// (hash `sha512`, ssh-keygen's default, or `sha256`).
  public static func verify(_ armoured: String, message: Data, namespace: String) -> Data? {
    let body = armoured.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
    guard var reader = Data(base64Encoded: body).map(SSHReader.init), reader.bytes(6) == magic,
      reader.uint32() == 1, var keyBlob = reader.string().map(SSHReader.init),
      keyBlob.string() == Data("ssh-ed25519".utf8), let publicKey = keyBlob.string(), publicKey.count == 32,
      reader.string() == Data(namespace.utf8), reader.string() != nil,
      let hash = reader.string(), hash == Data("sha512".utf8) || hash == Data("sha256".utf8),
      var sigBlob = reader.string().map(SSHReader.init),
      reader.atEnd, sigBlob.string() == Data("ssh-ed25519".utf8), let signature = sigBlob.string(),
      let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey),
      key.isValidSignature(
        signature, for: signedData(message: message, namespace: namespace, hash: String(decoding: hash, as: UTF8.self)))
    else { return nil }
    return publicKey
  }

  /// An `allowed_signers` line restricting the key to the report namespace.
  public static func allowedSigners(principal: String, key: MonitorKey) -> String {
    "\(principal) namespaces=\"\(reportNamespace)\" \(key.sshPublicKey) \(key.name.filter { $0 != "\n" })\n"
  }
}

/// Reads RFC 4251 fields from bytes, returning nil past the end.
struct SSHReader {
  private let data: Data
  private var offset: Int

  init(_ data: Data) {
    self.data = Data(data)
    offset = 0
  }

  var atEnd: Bool { offset == data.count }

  mutating func bytes(_ n: Int) -> Data? {
    guard n >= 0, offset + n <= data.count else { return nil }
    defer { offset += n }
    return data.subdata(in: offset..<offset + n)
  }

  mutating func uint32() -> UInt32? {
    bytes(4).map { $0.reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }
  }

  mutating func string() -> Data? {
    guard let n = uint32(), n <= 1 << 20 else { return nil }
    return bytes(Int(n))
  }
}
