import Crypto
import Foundation

/// Checks the detached OpenPGP signatures Veedor writes (v4, EdDSA over SHA-256, binary document),
/// so a report folder is verified whole, `.asc` included, not only by `gpgv` readers.
public enum OpenPGPVerifier {
  /// Whether `armoured` is a valid v4 EdDSA/SHA-256 binary-document signature of `message` by the
  /// raw Ed25519 `publicKey`. Any other shape is refused.
  public static func verify(_ armoured: String, message: Data, publicKey: Data) -> Bool {
    var digest: Data?
    return verify(armoured, message: message, publicKey: publicKey, messageSHA256: &digest)
  }

  /// ``verify(_:message:publicKey:)``, also setting `messageSHA256` to the SHA-256 of `message` alone once
  /// the signature reads far enough to hash it: the two digests share one pass over the message.
  public static func verify(_ armoured: String, message: Data, publicKey: Data, messageSHA256: inout Data?) -> Bool {
    guard let packet = dearmor(armoured), var body = signaturePacket(packet),
      let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey)
    else { return false }
    guard body.count > 6, body.prefix(4).elementsEqual([4, 0x00, 22, 8]) else { return false }
    let hashedLength = Int(body[body.startIndex + 4]) << 8 | Int(body[body.startIndex + 5])
    guard body.count >= 6 + hashedLength + 2 else { return false }
    let sigpart = body.prefix(6 + hashedLength)
    body = body.dropFirst(6 + hashedLength)
    let unhashedLength = Int(body[body.startIndex]) << 8 | Int(body[body.startIndex + 1])
    guard body.count >= 2 + unhashedLength + 2 else { return false }
    body = body.dropFirst(2 + unhashedLength)
    let left16 = body.prefix(2)
    body = body.dropFirst(2)
    guard let r = mpi(&body), let s = mpi(&body), body.isEmpty, r.count <= 32, s.count <= 32 else { return false }
    var trailer = Data([4, 0xFF])
    let n = UInt32(sigpart.count)
    trailer += Data([UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)])
    var hasher = SHA256()
    hasher.update(data: message)
    messageSHA256 = Data(hasher.finalize())
    hasher.update(data: sigpart)
    hasher.update(data: trailer)
    let digest = Data(hasher.finalize())
    guard digest.prefix(2) == left16 else { return false }
    let signature = Data(repeating: 0, count: 32 - r.count) + r + Data(repeating: 0, count: 32 - s.count) + s
    return key.isValidSignature(signature, for: digest)
  }

  /// The binary packets inside ASCII armour whose CRC-24 checks out.
  static func dearmor(_ text: String) -> Data? {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard let begin = lines.firstIndex(of: "-----BEGIN PGP SIGNATURE-----"),
      let end = lines.firstIndex(of: "-----END PGP SIGNATURE-----"), begin < end
    else { return nil }
    lines = Array(lines[(begin + 1)..<end])
    guard let blank = lines.firstIndex(of: "") else { return nil }
    var body = Array(lines[(blank + 1)...]).filter { !$0.isEmpty }
    guard let checksum = body.last, checksum.hasPrefix("=") else { return nil }
    body.removeLast()
    guard let data = Data(base64Encoded: body.joined()), let crc = Data(base64Encoded: String(checksum.dropFirst())),
      crc == OpenPGP.crc24(data)
    else { return nil }
    return data
  }

  /// The body of the single new-format signature packet (tag 2) that makes up `data`.
  static func signaturePacket(_ data: Data) -> Data? {
    guard data.count > 2, data[data.startIndex] == 0xC2 else { return nil }
    let first = Int(data[data.startIndex + 1])
    let (length, header): (Int, Int)
    switch first {
    case ..<192: (length, header) = (first, 2)
    case ..<224:
      guard data.count > 3 else { return nil }
      (length, header) = ((first - 192) << 8 + Int(data[data.startIndex + 2]) + 192, 3)
    default: return nil
    }
    guard data.count == header + length else { return nil }
    return data.dropFirst(header)
  }

  /// Reads one multiprecision integer (bit count, then bytes) from the front of `data`.
  static func mpi(_ data: inout Data) -> Data? {
    guard data.count >= 2 else { return nil }
    let bits = Int(data[data.startIndex]) << 8 | Int(data[data.startIndex + 1])
    let bytes = (bits + 7) / 8
    guard data.count >= 2 + bytes else { return nil }
    let value = data.dropFirst(2).prefix(bytes)
    data = data.dropFirst(2 + bytes)
    return Data(value)
  }
}
