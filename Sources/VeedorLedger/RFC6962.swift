import Crypto
import Foundation

/// RFC 6962 §2.1 hashing: the only hash rules the Merkle log uses.
public enum RFC6962 {
  /// Prefix of a leaf hash input: `SHA-256(0x00 || entry)`.
  public static let leafHashPrefix: UInt8 = 0x00
  /// Prefix of an interior node hash input: `SHA-256(0x01 || left || right)`.
  public static let nodeHashPrefix: UInt8 = 0x01
  /// Size of every hash in bytes.
  public static let hashSize = 32

  /// The root of the empty tree: SHA-256 of no bytes.
  public static let emptyRoot = Data(SHA256.hash(data: Data()))

  /// The leaf hash of an entry's exact bytes.
  public static func leafHash<D: DataProtocol>(_ entry: D) -> Data {
    Hash32.leaf(entry).data
  }

  /// ``leafHash(_:)`` in lowercase hex.
  public static func leafHex<D: DataProtocol>(_ entry: D) -> String {
    Hash32.leaf(entry).hexString
  }

  /// The hash of an interior node from its two children.
  public static func nodeHash(_ left: Data, _ right: Data) -> Data {
    var hasher = SHA256()
    withUnsafeBytes(of: nodeHashPrefix) { hasher.update(bufferPointer: $0) }
    hasher.update(data: left)
    hasher.update(data: right)
    return Data(hasher.finalize())
  }

  /// Lowercase hexadecimal digits of some bytes (``Foundation/Data/hexString`` and leaf hashes).
  static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
    let digits: StaticString = "0123456789abcdef"
    return String(unsafeUninitializedCapacity: bytes.count * 2) { out in
      for (i, byte) in bytes.enumerated() {
        out[2 * i] = digits.utf8Start[Int(byte >> 4)]
        out[2 * i + 1] = digits.utf8Start[Int(byte & 0x0f)]
      }
      return bytes.count * 2
    }
  }

  /// The largest power of two strictly smaller than `n`; requires `n > 1`.
  static func split(_ n: Int) -> Int {
    var k = 1
    while k << 1 < n { k <<= 1 }
    return k
  }
}

extension Data {
  /// Lowercase hexadecimal digits of the bytes.
  public var hexString: String { withUnsafeBytes(RFC6962.hex) }

  /// Bytes from hexadecimal text (either case); nil when the text is not hex.
  public init?(hex: String) {
    let chars = Array(hex.utf8)
    guard chars.count % 2 == 0 else { return nil }
    var bytes = [UInt8]()
    bytes.reserveCapacity(chars.count / 2)
    func nibble(_ c: UInt8) -> UInt8? {
      switch c {
      case 48...57: return c - 48
      case 97...102: return c - 87
      case 65...70: return c - 55
      default: return nil
      }
    }
    var i = 0
    while i < chars.count {
      guard let hi = nibble(chars[i]), let lo = nibble(chars[i + 1]) else { return nil }
      bytes.append(hi << 4 | lo)
      i += 2
    }
    self.init(bytes)
  }
}
