import Foundation

/// An RFC 6962 Merkle tree over a list of leaf hashes, keeping every complete interior node.
///
/// Any tree size up to ``size`` can be asked for its root or proofs, because the perfect
/// subtrees of a prefix are the same nodes as in the full tree.
public struct MerkleTree: Sendable {
  /// `levels[h][i]` is the root of the perfect subtree of height `h` covering leaves `i·2^h ..< (i+1)·2^h`.
  private var levels: [[Hash32]]

  /// Builds the tree over the given leaf hashes (each 32 bytes).
  public init(leafHashes: [Data]) {
    self.init(leaves: leafHashes.map { Hash32($0) })
  }

  /// Builds the tree over entries' exact bytes.
  public init<C: Collection>(entries: C) where C.Element: DataProtocol {
    WorkCounter.add("leaf hashes", entries.count)
    self.init(leaves: entries.map { Hash32.leaf($0) })
  }

  /// Builds the tree over entries' exact bytes, hashing on every core.
  public init(entries: [Data]) {
    self.init(leaves: TileHashes.leafHashes(entries))
  }

  init(leaves: [Hash32]) {
    WorkCounter.add("node hashes", max(leaves.count - 1, 0))
    levels = [leaves]
    while let last = levels.last, last.count > 1 {
      levels.append(Self.parents(last))
    }
  }

  /// The level above: each pair of hashes hashed together, in chunks on every core when large.
  static func parents(_ level: [Hash32]) -> [Hash32] {
    let count = level.count / 2
    var next = [Hash32](repeating: Hash32(), count: count)
    let chunk = 32_768
    next.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let out = buffer
      let parts = (count + chunk - 1) / chunk
      DispatchQueue.concurrentPerform(iterations: parts) { part in
        for i in part * chunk..<min(count, (part + 1) * chunk) { out[i] = Hash32.node(level[2 * i], level[2 * i + 1]) }
      }
    }
    return next
  }

  /// Number of leaves.
  public var size: Int { levels[0].count }

  /// The leaf hash at an index.
  public func leafHash(at index: Int) -> Data { levels[0][index].data }

  /// Every leaf hash, in lowercase hex (as ledger entries name the entry before them in `prev`).
  public var leafHexes: [String] { levels[0].map(\.hexString) }

  /// Appends one leaf hash, updating the interior nodes it completes (O(log n)).
  public mutating func append(leafHash: Data) {
    levels[0].append(Hash32(leafHash))
    var height = 0
    var index = levels[0].count - 1
    while index % 2 == 1 {
      let parent = Hash32.node(levels[height][index - 1], levels[height][index])
      height += 1
      index /= 2
      if levels.count == height { levels.append([]) }
      levels[height].append(parent)
    }
  }

  /// The root of the tree made of the first `size` leaves.
  ///
  /// - Throws: ``LedgerError/sizeOutOfRange(_:size:)`` when `size` exceeds the tree.
  public func root(size: Int? = nil) throws(LedgerError) -> Data {
    let n = size ?? self.size
    guard n >= 0, n <= self.size else { throw .sizeOutOfRange(n, size: self.size) }
    return n == 0 ? RFC6962.emptyRoot : hash(0, n).data
  }

  /// MTH(D[start ..< end]) for a range that appears in the RFC 6962 recursion.
  func hash(_ start: Int, _ end: Int) -> Hash32 {
    let n = end - start
    if n & (n - 1) == 0 && start % n == 0 {
      let height = n.trailingZeroBitCount
      return levels[height][start >> height]
    }
    let k = RFC6962.split(n)
    return Hash32.node(hash(start, start + k), hash(start + k, end))
  }

  /// The inclusion proof of leaf `index` in the tree of `size` leaves (RFC 6962 §2.1.1 PATH).
  public func inclusionProof(index: Int, size: Int) throws(LedgerError) -> [Data] {
    guard size <= self.size else { throw .sizeOutOfRange(size, size: self.size) }
    guard index >= 0, index < size else { throw .indexOutOfRange(index, size: size) }
    var proof: [Data] = []
    path(index, 0, size, into: &proof)
    return proof
  }

  private func path(_ m: Int, _ start: Int, _ end: Int, into proof: inout [Data]) {
    let n = end - start
    guard n > 1 else { return }
    let k = RFC6962.split(n)
    if m < k {
      path(m, start, start + k, into: &proof)
      proof.append(hash(start + k, end).data)
    } else {
      path(m - k, start + k, end, into: &proof)
      proof.append(hash(start, start + k).data)
    }
  }

  /// The consistency proof from `oldSize` to `newSize` (RFC 6962 §2.1.2 PROOF).
  ///
  /// Requires `0 < oldSize <= newSize <= size`.
  public func consistencyProof(oldSize: Int, newSize: Int) throws(LedgerError) -> [Data] {
    guard newSize <= size else { throw .sizeOutOfRange(newSize, size: size) }
    guard oldSize > 0, oldSize <= newSize else {
      throw .badConsistencyRange(oldSize: oldSize, newSize: newSize)
    }
    var proof: [Data] = []
    subproof(oldSize, 0, newSize, complete: true, into: &proof)
    return proof
  }

  private func subproof(_ m: Int, _ start: Int, _ end: Int, complete: Bool, into proof: inout [Data]) {
    let n = end - start
    if m == n {
      if !complete { proof.append(hash(start, end).data) }
      return
    }
    let k = RFC6962.split(n)
    if m <= k {
      subproof(m, start, start + k, complete: complete, into: &proof)
      proof.append(hash(start + k, end).data)
    } else {
      subproof(m - k, start + k, end, complete: false, into: &proof)
      proof.append(hash(start, start + k).data)
    }
  }
}
