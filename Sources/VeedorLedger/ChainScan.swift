import Crypto
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A ledger's hash chain checked straight from its bytes, without decoding a line: every line after
/// the first names in `"prev":"…"` the leaf hash of the line before it, and the last line's leaf hash
/// is the one expected. That ties every byte of every line to the last leaf: a line changed anywhere
/// changes its leaf hash, which the next line (or the expected last leaf) no longer names. Lines are
/// hashed on every core; those a ``LinePick`` picks are listed for decoding on the way.
public struct ChainScan: Sendable {
  /// A line picked: its 0-based number and its bytes' range (without the newline).
  public struct Line: Sendable, Hashable {
    /// 0-based line number, the `seq` of its entry.
    public var number: Int
    /// Where its bytes are in the buffer scanned.
    public var range: Range<Int>
  }

  /// Number of lines scanned.
  public let count: Int
  /// The lines picked, in ledger order (every line when no pick was given).
  public let picked: [Line]

  /// Lines per unit of work shared between cores.
  static let batch = 16_384

  /// The key that opens a line's link, as canonical lines write it (never inside a string value,
  /// where quotes are escaped).
  static let prevKey = Array(#""prev":""#.utf8)

  /// Scans `bytes`, whole lines each ending in a newline; nil when it does not end with one, a line
  /// does not name the leaf hash of the line before it, or the last line's leaf hash is not
  /// `lastLeaf` (lowercase hex).
  public static func scan(_ bytes: UnsafeRawBufferPointer, lastLeaf: String, pick: LinePick?) -> ChainScan? {
    guard let base = bytes.baseAddress, bytes.last == 0x0A else { return nil }
    var ends: [Int] = []
    var start = 0
    while start < bytes.count, let hit = memchr(base + start, 0x0A, bytes.count - start) {
      let end = base.distance(to: UnsafeRawPointer(hit))
      ends.append(end)
      start = end + 1
    }
    let count = ends.count
    WorkCounter.add("lines read", count)
    WorkCounter.add("leaf hashes", count)
    let batches = (count + batch - 1) / batch
    var ok = [Bool](repeating: false, count: batches)
    var found = [[Line]](repeating: [], count: batches)
    ends.withUnsafeBufferPointer { endsBuffer in
      ok.withUnsafeMutableBufferPointer { okBuffer in
        found.withUnsafeMutableBufferPointer { foundBuffer in
          nonisolated(unsafe) let (okOut, foundOut, lineEnds, source) = (okBuffer, foundBuffer, endsBuffer, bytes)
          DispatchQueue.concurrentPerform(iterations: batches) { b in
            var lines: [Line] = []
            var good = true
            func line(_ i: Int) -> Range<Int> { (i == 0 ? 0 : lineEnds[i - 1] + 1)..<lineEnds[i] }
            for i in b * batch..<min(count, (b + 1) * batch) {
              let range = line(i)
              let raw = UnsafeRawBufferPointer(rebasing: source[range])
              var hasher = SHA256()
              withUnsafeBytes(of: RFC6962.leafHashPrefix) { hasher.update(bufferPointer: $0) }
              hasher.update(bufferPointer: raw)
              let leaf = Hash32(hasher.finalize())
              let linked: Bool
              if i + 1 < count {
                let next = UnsafeRawBufferPointer(rebasing: source[line(i + 1)])
                let at = LinePick.find(prevKey, in: next).map { $0 + prevKey.count }
                linked = at.map { $0 + 64 <= next.count && Self.isHex(of: leaf, next, at: $0) } ?? false
              } else {
                linked = leaf.hexString == lastLeaf
              }
              guard linked else {
                good = false
                break
              }
              if pick?.picks(raw) ?? true { lines.append(Line(number: i, range: range)) }
            }
            okOut[b] = good
            foundOut[b] = lines
          }
        }
      }
    }
    guard ok.allSatisfy({ $0 }) else { return nil }
    return ChainScan(count: count, picked: Array(found.joined()))
  }

  /// Whether the 64 bytes at `offset` are the lowercase hex digits of a hash.
  static func isHex(of hash: Hash32, _ digits: UnsafeRawBufferPointer, at offset: Int) -> Bool {
    let hex: StaticString = "0123456789abcdef"
    return withUnsafeBytes(of: hash) { raw in
      for (i, byte) in raw.enumerated() {
        let high = hex.utf8Start[Int(byte >> 4)]
        let low = hex.utf8Start[Int(byte & 0x0F)]
        guard digits[offset + 2 * i] == high, digits[offset + 2 * i + 1] == low else { return false }
      }
      return true
    }
  }
}
