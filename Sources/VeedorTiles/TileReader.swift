import Foundation
import VeedorLedger

/// Reads the hashes of a tree of `size` entries from a tiled log, fetching each tile once, and
/// builds RFC 6962 roots and proofs from them.
public final class TileReader: @unchecked Sendable {
  /// Where the tiles come from.
  public let source: TileSource
  /// The tree size the tiles are read for (a checkpoint's size).
  public let size: Int
  private var cache: [TilePath: Data] = [:]

  /// A reader for the tree of `size` entries served by `source`.
  public init(source: TileSource, size: Int) {
    self.source = source
    self.size = size
  }

  /// The tiles fetched so far.
  public var tilesRead: [TilePath] { cache.keys.sorted() }

  /// Number of hashes at a level for this tree.
  func count(level: Int) -> Int {
    var n = size
    for _ in 0..<level { n /= 256 }
    return n
  }

  /// The tile holding hash `index` of `level`, full or partial as this tree serves it.
  func tilePath(level: Int, index: Int) -> TilePath {
    let n = index / 256
    let available = count(level: level)
    return TilePath(level: level, index: n, width: (n + 1) * 256 <= available ? nil : available - n * 256)
  }

  /// The bytes of a hash tile, checked for its length.
  func tile(_ path: TilePath) throws(TilesError) -> Data {
    if let cached = cache[path] { return cached }
    let data = try source.fetch(path.description)
    guard data.count == (path.width ?? 256) * 32 else {
      throw TilesError(
        .integrity, "\(path) is \(data.count) bytes, not \((path.width ?? 256) * 32)",
        es: "\(path) tiene \(data.count) bytes, no \((path.width ?? 256) * 32)", field: path.description)
    }
    cache[path] = data
    return data
  }

  /// Hash `index` of tile level `level` (`MTH` of a complete span of 256^level entries).
  func levelHash(_ level: Int, _ index: Int) throws(TilesError) -> Data {
    let path = tilePath(level: level, index: index)
    let data = try tile(path)
    let at = (index - path.index * 256) * 32
    return data.subdata(in: data.startIndex + at..<data.startIndex + at + 32)
  }

  /// `MTH(D[start ..< end])` for a range of the RFC 6962 recursion (complete aligned spans or a right edge).
  public func hash(_ start: Int, _ end: Int) throws(TilesError) -> Data {
    let n = end - start
    guard n > 0, end <= size else {
      throw TilesError(
        .badInput, "range \(start)..<\(end) outside the tree of \(size)",
        es: "el rango \(start)..<\(end) está fuera del árbol de \(size)")
    }
    if n & (n - 1) == 0 && start % n == 0 {
      let height = n.trailingZeroBitCount
      let level = height / 8
      var span = 1
      for _ in 0..<level { span *= 256 }
      var row: [Data] = []
      for i in 0..<(1 << (height % 8)) { row.append(try levelHash(level, start / span + i)) }
      return Self.fold(row)
    }
    var k = 1
    while k << 1 < n { k <<= 1 }
    return RFC6962.nodeHash(try hash(start, start + k), try hash(start + k, end))
  }

  /// The root of a perfect tree over a power-of-two number of hashes.
  static func fold(_ hashes: [Data]) -> Data {
    var row = hashes
    while row.count > 1 { row = stride(from: 0, to: row.count, by: 2).map { RFC6962.nodeHash(row[$0], row[$0 + 1]) } }
    return row.first ?? RFC6962.emptyRoot
  }

  /// The root of the whole tree.
  public func root() throws(TilesError) -> Data { size == 0 ? RFC6962.emptyRoot : try hash(0, size) }

  /// The inclusion proof of entry `index` in this tree (RFC 6962 PATH).
  public func inclusionProof(index: Int) throws(TilesError) -> [Data] {
    guard index >= 0, index < size else {
      throw TilesError(
        .badInput, "entry \(index) is outside the tree of \(size)",
        es: "la entrada \(index) está fuera del árbol de \(size)")
    }
    var proof: [Data] = []
    var (m, start, end) = (index, 0, size)
    var steps: [(Int, Int)] = []
    while end - start > 1 {
      var k = 1
      while k << 1 < end - start { k <<= 1 }
      if m < k {
        steps.append((start + k, end))
        end = start + k
      } else {
        steps.append((start, start + k))
        m -= k
        start += k
      }
    }
    for (a, b) in steps.reversed() { proof.append(try hash(a, b)) }
    return proof
  }

  /// The consistency proof from an older tree of `oldSize` entries to this one (RFC 6962 PROOF).
  public func consistencyProof(oldSize: Int) throws(TilesError) -> [Data] {
    guard oldSize > 0, oldSize <= size else {
      throw TilesError(
        .badInput, "no consistency proof from \(oldSize) to \(size) entries",
        es: "no hay prueba de consistencia de \(oldSize) a \(size) entradas")
    }
    var proof: [Data] = []
    try subproof(oldSize, 0, size, complete: true, into: &proof)
    return proof
  }

  private func subproof(_ m: Int, _ start: Int, _ end: Int, complete: Bool, into proof: inout [Data]) throws(TilesError)
  {
    let n = end - start
    if m == n {
      if !complete { proof.append(try hash(start, end)) }
      return
    }
    var k = 1
    while k << 1 < n { k <<= 1 }
    if m <= k {
      try subproof(m, start, start + k, complete: complete, into: &proof)
      proof.append(try hash(start + k, end))
    } else {
      try subproof(m - k, start + k, end, complete: false, into: &proof)
      proof.append(try hash(start, start + k))
    }
  }

  /// The first tile read whose hashes do not match the hash its parent tile holds for it, or nil
  /// when every full tile read agrees with its parent (then a partial tile at the right edge is at fault).
  public func firstInconsistentTile() -> TilePath? {
    for path in tilesRead where path.width == nil {
      guard let level = path.level, let data = cache[path],
        let parent = try? levelHash(level + 1, path.index)
      else { continue }
      let hashes = stride(from: 0, to: data.count, by: 32).map {
        data.subdata(in: data.startIndex + $0..<data.startIndex + $0 + 32)
      }
      if Self.fold(hashes) != parent { return path }
    }
    return nil
  }
}
