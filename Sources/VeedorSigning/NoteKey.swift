import Crypto
import Foundation
import VeedorErrors

/// A signed-note verifier key: `<name>+<hex keyID>+<base64(0x01 || pub32)>` (C2SP signed-note).
public struct NoteKey: Sendable, Hashable, CustomStringConvertible {
  /// Ed25519 signature type in signed notes.
  public static let ed25519Type: UInt8 = 0x01

  /// Key name; for a checkpoint it is the log origin.
  public let name: String
  /// The 32-byte Ed25519 public key.
  public let publicKey: Data

  /// A verifier key from a name and public key; the name may not contain spaces or `+`.
  public init(name: String, publicKey: Data) throws(SigningError) {
    guard !name.isEmpty, !name.contains("+"), !name.unicodeScalars.contains(where: { $0.properties.isWhitespace }),
      publicKey.count == 32
    else {
      throw .malformed(
        Phrase(
          "a note key name must be non-empty without spaces or '+', and the key 32 bytes",
          es:
            "el nombre de una clave de nota no puede estar vacío ni tener espacios ni '+', y la clave debe tener 32 bytes"
        ))
    }
    self.name = name
    self.publicKey = publicKey
  }

  /// Parses the `<name>+<hex8>+<base64>` text form, checking that the key ID matches.
  public init(text: String) throws(SigningError) {
    let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(
      separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count == 3, let encoded = Data(base64Encoded: String(parts[2])), encoded.count == 33,
      encoded.first == Self.ed25519Type
    else {
      throw .malformed(
        Phrase(
          "not a verifier key (expected NAME+KEYID+BASE64 of an Ed25519 key)",
          es: "no es una clave de verificación (se esperaba NAME+KEYID+BASE64 de una clave Ed25519)"))
    }
    try self.init(name: String(parts[0]), publicKey: encoded.dropFirst())
    guard keyID.hexString == parts[1].lowercased() else {
      throw .malformed(
        Phrase(
          "verifier key ID \(parts[1]) does not match its key",
          es: "el ID de clave de verificación \(parts[1]) no corresponde a su clave"))
    }
  }

  /// `SHA-256(name || 0x0A || 0x01 || pub32)[0:4]`.
  public var keyID: Data {
    var hasher = SHA256()
    hasher.update(data: Data(name.utf8))
    hasher.update(data: [0x0A, Self.ed25519Type])
    hasher.update(data: publicKey)
    return Data(Data(hasher.finalize()).prefix(4))
  }

  /// The text form.
  public var description: String {
    "\(name)+\(keyID.hexString)+\((Data([Self.ed25519Type]) + publicKey).base64EncodedString())"
  }
}

extension Data {
  /// Lowercase hexadecimal digits of the bytes.
  var hexString: String { map { String(format: "%02x", $0) }.joined() }
}
