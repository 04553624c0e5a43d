import Crypto
import Foundation

/// OpenPGP v4 EdDSA (algorithm 22, "EdDSALegacy") keys and detached signatures for `gpgv`,
/// per RFC 4880 and draft-koch-eddsa-for-openpgp.
public enum OpenPGP {
  static let ed25519OID: [UInt8] = [0x2B, 0x06, 0x01, 0x04, 0x01, 0xDA, 0x47, 0x0F, 0x01]

  /// The Public-Key packet body.
  static func publicKeyBody(_ key: MonitorKey) -> Data { publicKeyBody(key.publicKey, created: key.created) }

  /// The Public-Key packet body of a raw Ed25519 public key created at a Unix time.
  static func publicKeyBody(_ publicKey: Data, created: Int64) -> Data {
    var body = Data([0x04]) + be32(UInt32(truncatingIfNeeded: created)) + Data([22, UInt8(ed25519OID.count)])
    body += Data(ed25519OID)
    body += Data([0x01, 0x07, 0x40]) + publicKey
    return body
  }

  /// The v4 fingerprint: SHA-1 of `0x99 || u16 length || body`.
  public static func fingerprint(_ key: MonitorKey) -> Data {
    fingerprint(publicKey: key.publicKey, created: key.created)
  }

  /// The v4 fingerprint of a raw Ed25519 public key created at a Unix time.
  public static func fingerprint(publicKey: Data, created: Int64) -> Data {
    let body = publicKeyBody(publicKey, created: created)
    return Data(Insecure.SHA1.hash(data: Data([0x99]) + be16(body.count) + body))
  }

  /// The user id: `Name <email>` or the name alone.
  static func userID(_ key: MonitorKey) -> Data {
    Data((key.email.map { "\(key.name) <\($0)>" } ?? key.name).utf8)
  }

  /// The transferable public key (key, user id, self-signature), binary.
  public static func publicKey(_ key: MonitorKey) throws(SigningError) -> Data {
    let body = publicKeyBody(key)
    let uid = userID(key)
    let prefix = Data([0x99]) + be16(body.count) + body + Data([0xB4]) + be32(UInt32(uid.count)) + uid
    let selfSignature = try signature(
      type: 0x13, hashedPrefix: prefix, created: key.created, key: key, keyFlags: true)
    return packet(6, body) + packet(13, uid) + packet(2, selfSignature)
  }

  /// A detached binary-document signature (type 0x00) over a message, armoured.
  public static func sign(_ message: Data, key: MonitorKey, created: Int64) throws(SigningError) -> String {
    armor(packet(2, try signature(type: 0x00, hashedPrefix: message, created: created, key: key)), kind: "SIGNATURE")
  }

  private static func signature(
    type: UInt8, hashedPrefix: Data, created: Int64, key: MonitorKey, keyFlags: Bool = false
  )
    throws(SigningError) -> Data
  {
    let fp = fingerprint(key)
    var hashed = Data([5, 2]) + be32(UInt32(truncatingIfNeeded: created))
    hashed += Data([22, 33, 4]) + fp
    if keyFlags { hashed += Data([2, 27, 0x03]) }
    let sigpart = Data([4, type, 22, 8]) + be16(hashed.count) + hashed
    let digest = Data(SHA256.hash(data: hashedPrefix + sigpart + Data([4, 0xFF]) + be32(UInt32(sigpart.count))))
    let sig = try key.sign(digest)
    let unhashed = Data([9, 16]) + fp.suffix(8)
    return sigpart + be16(unhashed.count) + unhashed + digest.prefix(2) + mpi(sig.prefix(32)) + mpi(sig.suffix(32))
  }

  /// ASCII armour with the CRC-24 checksum.
  public static func armor(_ data: Data, kind: String) -> String {
    let body = data.base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
    let checksum = crc24(data).base64EncodedString()
    return "-----BEGIN PGP \(kind)-----\n\n\(body)\n=\(checksum)\n-----END PGP \(kind)-----\n"
  }

  /// The RFC 4880 §6.1 CRC-24 of the armoured bytes, as three bytes.
  static func crc24(_ data: Data) -> Data {
    var crc: UInt32 = 0xB704CE
    for byte in data {
      crc ^= UInt32(byte) << 16
      for _ in 0..<8 {
        crc <<= 1
        if crc & 0x1000000 != 0 { crc ^= 0x1864CFB }
      }
    }
    return Data([UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)])
  }

  static func packet(_ tag: UInt8, _ body: Data) -> Data {
    var header = Data([0xC0 | tag])
    switch body.count {
    case ..<192: header.append(UInt8(body.count))
    case ..<8384:
      let n = body.count - 192
      header += Data([UInt8(n >> 8 + 192), UInt8(n & 0xFF)])
    default: header += Data([0xFF]) + be32(UInt32(body.count))
    }
    return header + body
  }

  static func mpi(_ bytes: Data) -> Data {
    let trimmed = bytes.drop { $0 == 0 }
    let bits = trimmed.first.map { trimmed.count * 8 - $0.leadingZeroBitCount } ?? 0
    return be16(bits) + trimmed
  }

  static func be16(_ n: Int) -> Data { Data([UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]) }

  static func be32(_ n: UInt32) -> Data {
    Data([UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)])
  }
}
