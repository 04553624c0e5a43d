import Crypto
import Foundation
import VeedorErrors

/// A witness key for C2SP tlog-cosignature v1 (Ed25519, signature type 0x04): it signs
/// `cosignature/v1\ntime T\n` followed by a checkpoint's body, with a timestamp in the signature.
public struct Cosigner: Sendable, Hashable, CustomStringConvertible {
  /// The cosignature/v1 (Ed25519) signature type.
  public static let type: UInt8 = 0x04

  /// The witness name (a schema-less URL).
  public let name: String
  /// The 32-byte Ed25519 public key.
  public let publicKey: Data

  /// A cosigner key from a name and public key; the name may not contain spaces or `+`.
  public init(name: String, publicKey: Data) throws(SigningError) {
    guard !name.isEmpty, !name.contains("+"), !name.unicodeScalars.contains(where: { $0.properties.isWhitespace }),
      publicKey.count == 32
    else {
      throw .malformed(
        Phrase(
          "a witness key name must be non-empty without spaces or '+', and the key 32 bytes",
          es:
            "el nombre de una clave de testigo no puede estar vacío ni tener espacios ni '+', y la clave debe tener 32 bytes"
        ))
    }
    self.name = name
    self.publicKey = publicKey
  }

  /// Parses a vkey `<name>+<hex keyID>+<base64(0x04 || pub32)>`, checking the key ID.
  public init(vkey text: String) throws(SigningError) {
    let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(
      separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count == 3, let encoded = Data(base64Encoded: String(parts[2])), encoded.count == 33,
      encoded.first == Self.type
    else {
      throw .malformed(
        Phrase(
          "not a witness key (expected NAME+KEYID+BASE64 of type 0x04, an Ed25519 cosigner)",
          es: "no es una clave de testigo (se esperaba NAME+KEYID+BASE64 de tipo 0x04, un cofirmante Ed25519)"))
    }
    try self.init(name: String(parts[0]), publicKey: encoded.dropFirst())
    guard keyID.hexString == parts[1].lowercased() else {
      throw .malformed(
        Phrase(
          "witness key ID \(parts[1]) does not match its key",
          es: "el ID de clave de testigo \(parts[1]) no corresponde a su clave"))
    }
  }

  /// `SHA-256(name || 0x0A || 0x04 || pub32)[0:4]`.
  public var keyID: Data {
    var hasher = SHA256()
    hasher.update(data: Data(name.utf8))
    hasher.update(data: [0x0A, Self.type])
    hasher.update(data: publicKey)
    return Data(Data(hasher.finalize()).prefix(4))
  }

  /// The vkey text form.
  public var description: String {
    "\(name)+\(keyID.hexString)+\((Data([Self.type]) + publicKey).base64EncodedString())"
  }

  /// The message a cosignature signs: `cosignature/v1\ntime T\n` and the note body.
  public static func message(body: String, timestamp: UInt64) -> Data {
    Data("cosignature/v1\ntime \(timestamp)\n".utf8) + Data(body.utf8)
  }

  /// The timestamp of a valid cosignature by this key on the note, if there is one.
  public func verify(_ note: SignedNote) -> UInt64? {
    note.signatures.lazy.compactMap { verify($0, body: note.text) }.first
  }

  /// The timestamp of one signature line, if it is this key's valid cosignature of the note body
  /// (name and key ID match, a non-zero timestamp below 2^63, the Ed25519 signature verifies).
  public func verify(_ sig: SignedNote.Signature, body: String) -> UInt64? {
    guard sig.name == name, sig.keyID == keyID, sig.signature.count == 72,
      let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey)
    else { return nil }
    let timestamp = sig.signature.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    guard timestamp > 0, timestamp < 1 << 63,
      key.isValidSignature(sig.signature.dropFirst(8), for: Self.message(body: body, timestamp: timestamp))
    else { return nil }
    return timestamp
  }

  /// A cosignature line's signature for a note body, made with a witness's key (for tests and witnesses).
  public static func cosign(body: String, timestamp: UInt64, name: String, key: MonitorKey) throws(SigningError)
    -> SignedNote.Signature
  {
    let cosigner = try Cosigner(name: name, publicKey: key.publicKey)
    var stamp = Data(count: 8)
    for i in 0..<8 { stamp[i] = UInt8(truncatingIfNeeded: timestamp >> (56 - 8 * UInt64(i))) }
    let signature = try key.sign(message(body: body, timestamp: timestamp))
    return SignedNote.Signature(name: name, keyID: cosigner.keyID, signature: stamp + signature)
  }
}
