import Foundation

/// The right edge of an RFC 6962 tree: the roots of its perfect subtrees, largest first. Adding a
/// leaf costs one hash on average, and the root of the tree so far follows from at most log2(size)
/// more, so a state that has seen every line knows every root without reading the lines again.
public struct MerkleFrontier: Sendable, Hashable, Codable {
  /// Leaves added so far.
  public private(set) var size = 0
  /// The perfect subtrees' roots, largest (leftmost) first: one per set bit of ``size``.
  public private(set) var hashes: [Data] = []

  /// The frontier of the empty tree.
  public init() {}

  private enum CodingKeys: String, CodingKey { case size, hashes }

  /// Decodes a frontier, refusing one whose hashes do not fit its size (one 32-byte hash per set bit).
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    size = try c.decode(Int.self, forKey: .size)
    hashes = try c.decode([Data].self, forKey: .hashes)
    guard size >= 0, hashes.count == size.nonzeroBitCount, hashes.allSatisfy({ $0.count == RFC6962.hashSize }) else {
      throw DecodingError.dataCorrupted(.init(codingPath: [CodingKeys.hashes], debugDescription: "not a frontier"))
    }
  }

  /// Adds the next leaf hash.
  public mutating func append(leaf: Data) {
    var node = leaf
    var n = size
    while n & 1 == 1 {
      node = RFC6962.nodeHash(hashes.removeLast(), node)
      n >>= 1
    }
    hashes.append(node)
    size += 1
  }

  /// The Merkle Tree Hash of the leaves added so far (RFC 6962 §2.1).
  public var root: Data {
    guard var root = hashes.last else { return RFC6962.emptyRoot }
    for left in hashes.dropLast().reversed() { root = RFC6962.nodeHash(left, root) }
    return root
  }
}
