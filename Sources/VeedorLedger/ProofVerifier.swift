import Foundation

/// Verifies RFC 6962 proofs with the RFC 9162 §2.1.3.2 and §2.1.4.2 loops.
public enum ProofVerifier {
  /// Whether `leafHash` is leaf `index` of the tree of `size` leaves with root `root`.
  public static func verifyInclusion(
    leafHash: Data, index: Int, size: Int, proof: [Data], root: Data
  ) -> Bool {
    guard let computed = rootFromInclusion(leafHash: leafHash, index: index, size: size, proof: proof)
    else { return false }
    return root.count == RFC6962.hashSize && computed == root
  }

  /// The root implied by an inclusion proof, or nil when the proof is malformed.
  public static func rootFromInclusion(leafHash: Data, index: Int, size: Int, proof: [Data])
    -> Data?
  {
    guard index >= 0, index < size, leafHash.count == RFC6962.hashSize,
      proof.allSatisfy({ $0.count == RFC6962.hashSize })
    else { return nil }
    var fn = index
    var sn = size - 1
    var r = leafHash
    for p in proof {
      if sn == 0 { return nil }
      if fn & 1 == 1 || fn == sn {
        r = RFC6962.nodeHash(p, r)
        if fn & 1 == 0 {
          while fn & 1 == 0 && fn != 0 {
            fn >>= 1
            sn >>= 1
          }
        }
      } else {
        r = RFC6962.nodeHash(r, p)
      }
      fn >>= 1
      sn >>= 1
    }
    return sn == 0 ? r : nil
  }

  /// Whether the tree of `oldSize` with `oldRoot` is a prefix of the tree of `newSize` with `newRoot`.
  ///
  /// An old size of zero is rejected: a proof from the empty tree proves nothing.
  public static func verifyConsistency(
    oldSize: Int, newSize: Int, oldRoot: Data, newRoot: Data, proof: [Data]
  ) -> Bool {
    guard oldRoot.count == RFC6962.hashSize, newRoot.count == RFC6962.hashSize,
      proof.allSatisfy({ $0.count == RFC6962.hashSize }), oldSize > 0, oldSize <= newSize
    else { return false }
    if oldSize == newSize { return proof.isEmpty && oldRoot == newRoot }
    guard !proof.isEmpty else { return false }
    var path = proof
    if oldSize & (oldSize - 1) == 0 { path.insert(oldRoot, at: 0) }
    var fn = oldSize - 1
    var sn = newSize - 1
    while fn & 1 == 1 {
      fn >>= 1
      sn >>= 1
    }
    var fr = path[0]
    var sr = path[0]
    for c in path.dropFirst() {
      if sn == 0 { return false }
      if fn & 1 == 1 || fn == sn {
        fr = RFC6962.nodeHash(c, fr)
        sr = RFC6962.nodeHash(c, sr)
        if fn & 1 == 0 {
          while fn & 1 == 0 && fn != 0 {
            fn >>= 1
            sn >>= 1
          }
        }
      } else {
        sr = RFC6962.nodeHash(sr, c)
      }
      fn >>= 1
      sn >>= 1
    }
    return fr == oldRoot && sr == newRoot && sn == 0
  }
}
