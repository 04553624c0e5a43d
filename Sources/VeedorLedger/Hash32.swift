import Crypto
import Foundation

/// A 32-byte hash held inline (no heap allocation), for the Merkle tree's hot loops.
struct Hash32: Hashable, Sendable {
  var a: UInt64 = 0
  var b: UInt64 = 0
  var c: UInt64 = 0
  var d: UInt64 = 0

  /// All zero bytes.
  init() {}

  /// The bytes of a SHA-256 digest.
  init(_ digest: SHA256.Digest) {
    var hash = Hash32()
    digest.withUnsafeBytes { hash = Hash32($0) }
    self = hash
  }

  /// The first 32 bytes of a buffer (callers check the length).
  init(_ raw: UnsafeRawBufferPointer) {
    withUnsafeMutableBytes(of: &self) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw.prefix(32))) }
  }

  /// The bytes of 32-byte data.
  init(_ data: Data) {
    var hash = Hash32()
    data.withUnsafeBytes { hash = Hash32($0) }
    self = hash
  }

  /// The hash as `Data`.
  var data: Data { withUnsafeBytes(of: self) { Data($0) } }

  /// Lowercase hexadecimal digits of the hash (as `Data.hexString` writes them).
  var hexString: String { withUnsafeBytes(of: self, RFC6962.hex) }

  /// `SHA-256(0x00 || entry)`.
  static func leaf<D: DataProtocol>(_ entry: D) -> Hash32 {
    var hasher = SHA256()
    withUnsafeBytes(of: RFC6962.leafHashPrefix) { hasher.update(bufferPointer: $0) }
    hasher.update(data: entry)
    return Hash32(hasher.finalize())
  }

  /// `SHA-256(0x01 || left || right)` over one 65-byte stack buffer.
  static func node(_ left: Hash32, _ right: Hash32) -> Hash32 {
    var input = (RFC6962.nodeHashPrefix, left, right)
    return withUnsafeBytes(of: &input) { raw in
      // The tuple is laid out as 1 byte, padding to 8, then 64 bytes: hash the three pieces.
      var hasher = SHA256()
      hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: raw[0..<1]))
      hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: raw[8..<72]))
      return Hash32(hasher.finalize())
    }
  }
}
