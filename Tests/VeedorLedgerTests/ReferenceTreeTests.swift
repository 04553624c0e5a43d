import Foundation
import Testing
import VeedorLedger

/// A naive recursive RFC 6962 implementation, for testing only.
enum ReferenceTree {
  static func mth(_ d: ArraySlice<Data>) -> Data {
    if d.isEmpty { return RFC6962.emptyRoot }
    if d.count == 1 { return RFC6962.leafHash(d[d.startIndex]) }
    var k = 1
    while k * 2 < d.count { k *= 2 }
    return RFC6962.nodeHash(mth(d.prefix(k)), mth(d.dropFirst(k)))
  }
}

@Suite("Proofs against a reference implementation")
struct ReferenceTreeTests {
  static let leaves = (0..<130).map { Data("entry \($0)".utf8) }

  @Test("roots match the recursive definition for every size 0…130, and appends match a batch build")
  func roots() throws {
    let batch = MerkleTree(entries: Self.leaves)
    var incremental = MerkleTree(leafHashes: [])
    for size in 0...Self.leaves.count {
      let reference = ReferenceTree.mth(Self.leaves.prefix(size))
      #expect(try batch.root(size: size) == reference)
      #expect(try incremental.root() == reference)
      if size < Self.leaves.count { incremental.append(leafHash: RFC6962.leafHash(Self.leaves[size])) }
    }
  }

  @Test("every inclusion and consistency proof up to size 130 verifies")
  func everyProof() throws {
    let tree = MerkleTree(entries: Self.leaves)
    let roots = try (0...Self.leaves.count).map { try tree.root(size: $0) }
    for size in 1...Self.leaves.count {
      for index in 0..<size {
        let proof = try tree.inclusionProof(index: index, size: size)
        #expect(
          ProofVerifier.verifyInclusion(
            leafHash: tree.leafHash(at: index), index: index, size: size, proof: proof, root: roots[size]))
      }
      for old in 1...size {
        let proof = try tree.consistencyProof(oldSize: old, newSize: size)
        #expect(
          ProofVerifier.verifyConsistency(
            oldSize: old, newSize: size, oldRoot: roots[old], newRoot: roots[size], proof: proof))
      }
    }
  }

  static func flipped(_ data: Data, bit: Int) -> Data {
    var copy = data
    copy[bit / 8] ^= UInt8(1 << (bit % 8))
    return copy
  }

  @Test("every single-bit change to an inclusion proof, leaf, root, index or size fails (sizes up to 20)")
  func inclusionBitFlips() throws {
    let tree = MerkleTree(entries: Self.leaves)
    for size in 1...20 {
      let root = try tree.root(size: size)
      for index in 0..<size {
        let proof = try tree.inclusionProof(index: index, size: size)
        let leaf = tree.leafHash(at: index)
        for bit in 0..<256 {
          #expect(
            !ProofVerifier.verifyInclusion(
              leafHash: Self.flipped(leaf, bit: bit), index: index, size: size, proof: proof, root: root))
          #expect(
            !ProofVerifier.verifyInclusion(
              leafHash: leaf, index: index, size: size, proof: proof, root: Self.flipped(root, bit: bit)))
          for p in proof.indices {
            var bad = proof
            bad[p] = Self.flipped(proof[p], bit: bit)
            #expect(!ProofVerifier.verifyInclusion(leafHash: leaf, index: index, size: size, proof: bad, root: root))
          }
        }
        // A size only means something with its own root (as in a checkpoint), so a changed
        // size is checked against the root of a tree of that size.
        for bit in 0..<8 {
          let otherIndex = index ^ (1 << bit)
          #expect(
            !ProofVerifier.verifyInclusion(leafHash: leaf, index: otherIndex, size: size, proof: proof, root: root))
          let otherSize = size ^ (1 << bit)
          let otherRoot = otherSize <= Self.leaves.count ? try tree.root(size: otherSize) : root
          #expect(
            !ProofVerifier.verifyInclusion(leafHash: leaf, index: index, size: otherSize, proof: proof, root: otherRoot)
          )
        }
      }
    }
  }

  @Test("every single-bit change to a consistency proof, root or size fails (sizes up to 20)")
  func consistencyBitFlips() throws {
    let tree = MerkleTree(entries: Self.leaves)
    for new in 1...20 {
      let newRoot = try tree.root(size: new)
      for old in 1...new {
        let oldRoot = try tree.root(size: old)
        let proof = try tree.consistencyProof(oldSize: old, newSize: new)
        for bit in 0..<256 {
          #expect(
            !ProofVerifier.verifyConsistency(
              oldSize: old, newSize: new, oldRoot: Self.flipped(oldRoot, bit: bit), newRoot: newRoot, proof: proof))
          #expect(
            !ProofVerifier.verifyConsistency(
              oldSize: old, newSize: new, oldRoot: oldRoot, newRoot: Self.flipped(newRoot, bit: bit), proof: proof))
          for p in proof.indices {
            var bad = proof
            bad[p] = Self.flipped(proof[p], bit: bit)
            #expect(
              !ProofVerifier.verifyConsistency(
                oldSize: old, newSize: new, oldRoot: oldRoot, newRoot: newRoot, proof: bad))
          }
        }
        for bit in 0..<6 {
          for (o, n) in [(old ^ (1 << bit), new), (old, new ^ (1 << bit))] where o > 0 && n <= Self.leaves.count {
            let (r1, r2) = (try tree.root(size: o), try tree.root(size: n))
            #expect(!ProofVerifier.verifyConsistency(oldSize: o, newSize: n, oldRoot: r1, newRoot: r2, proof: proof))
          }
        }
      }
    }
  }
}
