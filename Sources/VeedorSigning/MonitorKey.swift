import Crypto
import CryptoExtras
import Foundation
import VeedorErrors

/// A monitor's Ed25519 signing key with the identity it signs as.
public struct MonitorKey: Sendable {
  /// The Ed25519 private key (its raw form is the 32-byte RFC 8032 seed).
  public let privateKey: Curve25519.Signing.PrivateKey
  /// The monitor's name, e.g. "Example Monitor".
  public var name: String
  /// Optional e-mail address.
  public var email: String?
  /// Creation time in Unix seconds, kept so OpenPGP fingerprints are stable.
  public var created: Int64

  /// A key from its seed.
  public init(seed: Data, name: String, email: String? = nil, created: Int64) throws(SigningError) {
    do {
      privateKey = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
    } catch {
      throw .malformed(Phrase("an Ed25519 seed is 32 bytes", es: "una semilla Ed25519 tiene 32 bytes"))
    }
    self.name = name
    self.email = email
    self.created = created
  }

  /// A new random key.
  public static func generate(name: String, email: String? = nil, created: Int64) -> MonitorKey {
    let key = Curve25519.Signing.PrivateKey()
    // A fresh key's raw representation is always 32 bytes, so this cannot fail.
    return (try? MonitorKey(seed: key.rawRepresentation, name: name, email: email, created: created))!
  }

  /// The 32-byte public key.
  public var publicKey: Data { privateKey.publicKey.rawRepresentation }

  /// Signs bytes with pure Ed25519 (deterministic on Linux).
  public func sign<D: DataProtocol>(_ message: D) throws(SigningError) -> Data {
    do { return try privateKey.signature(for: message) } catch {
      throw .malformed(Phrase("signing failed: \(error)", es: "falló la firma: \(error)"))
    }
  }

  /// OpenSSH's `SHA256:` fingerprint of the public key.
  public var sshFingerprint: String { Self.sshFingerprint(publicKey) }

  /// The public key as an OpenSSH `authorized_keys` line.
  public var sshPublicKey: String { Self.sshPublicKey(publicKey) }

  /// OpenSSH's `SHA256:` fingerprint of a raw Ed25519 public key.
  public static func sshFingerprint(_ publicKey: Data) -> String {
    "SHA256:"
      + Data(SHA256.hash(data: SSHWire.publicKeyBlob(publicKey))).base64EncodedString()
      .replacingOccurrences(of: "=", with: "")
  }

  /// The raw 32-byte Ed25519 key of an OpenSSH line `ssh-ed25519 BASE64 [comment]`, if it is one.
  public static func publicKey(sshLine line: String) -> Data? {
    let parts = line.split(whereSeparator: \.isWhitespace)
    guard parts.count >= 2, parts[0] == "ssh-ed25519", let blob = Data(base64Encoded: String(parts[1])),
      blob.count == 51
    else { return nil }
    let key = Data(blob.suffix(32))
    return sshPublicKey(key) == "ssh-ed25519 \(parts[1])" ? key : nil
  }

  /// A raw Ed25519 public key as an OpenSSH `authorized_keys` line without comment.
  public static func sshPublicKey(_ publicKey: Data) -> String {
    "ssh-ed25519 " + SSHWire.publicKeyBlob(publicKey).base64EncodedString()
  }
}

/// RFC 4251 wire encoding pieces used by OpenSSH formats.
public enum SSHWire {
  /// `uint32 length || bytes`.
  public static func string<D: DataProtocol>(_ bytes: D) -> Data {
    var out = Data()
    let n = UInt32(bytes.count)
    out.append(contentsOf: [UInt8(n >> 24), UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff), UInt8(n & 0xff)])
    out.append(contentsOf: bytes)
    return out
  }

  /// `string("ssh-ed25519") || string(pub32)`.
  public static func publicKeyBlob(_ publicKey: Data) -> Data {
    string(Data("ssh-ed25519".utf8)) + string(publicKey)
  }
}

extension MonitorKey {
  /// The public key as a PEM SubjectPublicKeyInfo, as `openssl pkeyutl -pubin` reads it.
  public var publicKeyPEM: String {
    privateKey.publicKey.pemRepresentation + "\n"
  }
}
