import Foundation

/// The hashes C2SP tlog-tiles serves for a tree: at level 0 the leaf hashes, at level L + 1 the
/// Merkle Tree Hash of each run of 256 level-L hashes (a full tile), so level L holds
/// `MTH(D[i·256^L ..< (i+1)·256^L])` for every complete span.
public struct TileHashes: Sendable {
  /// Hashes per full tile.
  public static let width = 256

  /// `levels[L][i]` is the i-th hash at tile level L.
  private var levels: [[Hash32]]

  /// Hashes every entry's exact bytes and builds the levels above.
  public init(entries: [Data]) {
    self.init(leaves: Self.leafHashes(entries))
  }

  /// The leaf hashes of the entries, computed on every core in chunks.
  static func leafHashes(_ entries: [Data]) -> [Hash32] {
    let count = entries.count
    WorkCounter.add("leaf hashes", count)
    var leaves = [Hash32](repeating: Hash32(), count: count)
    let chunk = 16_384
    leaves.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let out = buffer
      DispatchQueue.concurrentPerform(iterations: (count + chunk - 1) / chunk) { part in
        for i in part * chunk..<min(count, (part + 1) * chunk) { out[i] = Hash32.leaf(entries[i]) }
      }
    }
    return leaves
  }

  /// Builds the levels above the given 32-byte leaf hashes.
  public init(leafHashes: [Data]) {
    self.init(leaves: leafHashes.map { Hash32($0) })
  }

  private init(leaves: [Hash32]) {
    levels = [leaves]
    while let last = levels.last, last.count >= Self.width {
      var next: [Hash32] = []
      next.reserveCapacity(last.count / Self.width)
      var start = 0
      while start + Self.width <= last.count {
        var row = Array(last[start..<start + Self.width])
        while row.count > 1 {
          row = stride(from: 0, to: row.count, by: 2).map { Hash32.node(row[$0], row[$0 + 1]) }
        }
        next.append(row[0])
        start += Self.width
      }
      levels.append(next)
    }
  }

  /// Number of entries.
  public var size: Int { levels[0].count }

  /// Number of tile levels with at least one hash.
  public var levelCount: Int { levels.count }

  /// Number of hashes at a level (`size / 256^level`).
  public func count(level: Int) -> Int { level < levels.count ? levels[level].count : 0 }

  /// The bytes of a tile: `width` hashes of `level` starting at `index · 256` (callers keep within `count`).
  public func tile(level: Int, index: Int, width: Int) -> Data {
    levels[level][index * Self.width..<index * Self.width + width].withUnsafeBytes { Data($0) }
  }

  /// The leaf hash of entry `index`.
  public func leafHash(_ index: Int) -> Data { levels[0][index].data }
}
