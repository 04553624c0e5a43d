import Foundation
import Testing
import VeedorLedger

/// The CT / transparency-dev 8-leaf test tree.
let vectorLeaves: [Data] = [
  "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f",
]
.map { Data(hex: $0)! }

func hex(_ text: String) -> Data { Data(hex: text)! }

@Suite("RFC 6962 known answers")
struct RFC6962VectorTests {
  static let roots = [
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
  ]
  static let l = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
    "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
    "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
    "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
  ]
  static let n01 = "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"
  static let n23 = "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"
  static let n45 = "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"
  static let n67 = "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"
  static let n03 = "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"
  static let n47 = "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"

  @Test("roots of the 8-leaf tree at every size 0…8")
  func roots() throws {
    let tree = MerkleTree(entries: vectorLeaves)
    for size in 0...8 { #expect(try tree.root(size: size).hexString == Self.roots[size], "size \(size)") }
  }

  @Test("single hashes")
  func singleHashes() {
    #expect(
      RFC6962.leafHash(Data("L123456".utf8)).hexString
        == "395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56")
    #expect(
      RFC6962.nodeHash(Data("N123".utf8), Data("N456".utf8)).hexString
        == "aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb")
    #expect(RFC6962.leafHash(Data()).hexString == Self.l[0])
    for (i, leaf) in vectorLeaves.enumerated() { #expect(RFC6962.leafHash(leaf).hexString == Self.l[i]) }
  }

  @Test("published inclusion proofs")
  func inclusion() throws {
    let tree = MerkleTree(entries: vectorLeaves)
    let cases: [(Int, Int, [String])] = [
      (0, 1, []), (0, 8, [Self.l[1], Self.n23, Self.n47]), (5, 8, [Self.l[4], Self.n67, Self.n03]),
      (2, 3, [Self.n01]), (1, 5, [Self.l[0], Self.n23, Self.l[4]]),
    ]
    for (index, size, expected) in cases {
      let proof = try tree.inclusionProof(index: index, size: size)
      #expect(proof.map(\.hexString) == expected, "(\(index), \(size))")
      #expect(
        ProofVerifier.verifyInclusion(
          leafHash: hex(Self.l[index]), index: index, size: size, proof: proof, root: hex(Self.roots[size])))
    }
  }

  @Test("published consistency proofs")
  func consistency() throws {
    let tree = MerkleTree(entries: vectorLeaves)
    let extra = "837dbb152e9b079010717e84e865da4ebc0fa198a806d59d31bf15accef22d0e"
    let cases: [(Int, Int, [String])] = [
      (1, 1, []), (1, 8, [Self.l[1], Self.n23, Self.n47]), (6, 8, [Self.n45, Self.n67, Self.n03]),
      (2, 5, [Self.n23, Self.l[4]]), (6, 7, [Self.n45, Self.l[6], Self.n03]),
      (3, 7, [Self.l[2], Self.l[3], Self.n01, extra]), (4, 7, [extra]),
    ]
    for (old, new, expected) in cases {
      let proof = try tree.consistencyProof(oldSize: old, newSize: new)
      #expect(proof.map(\.hexString) == expected, "(\(old), \(new))")
      #expect(
        ProofVerifier.verifyConsistency(
          oldSize: old, newSize: new, oldRoot: hex(Self.roots[old]), newRoot: hex(Self.roots[new]), proof: proof))
    }
  }

  @Test("edge cases: empty old tree, equal sizes, hashes that are not 32 bytes")
  func edges() throws {
    let root8 = hex(Self.roots[8])
    #expect(
      !ProofVerifier.verifyConsistency(oldSize: 0, newSize: 8, oldRoot: hex(Self.roots[0]), newRoot: root8, proof: []))
    #expect(ProofVerifier.verifyConsistency(oldSize: 8, newSize: 8, oldRoot: root8, newRoot: root8, proof: []))
    #expect(!ProofVerifier.verifyConsistency(oldSize: 8, newSize: 8, oldRoot: root8, newRoot: root8, proof: [root8]))
    #expect(!ProofVerifier.verifyInclusion(leafHash: Data(), index: 0, size: 1, proof: [], root: Data()))
    #expect(!ProofVerifier.verifyInclusion(leafHash: hex(Self.l[0]), index: 0, size: 1, proof: [], root: Data([1])))
    #expect(throws: LedgerError.self) { try MerkleTree(entries: vectorLeaves).inclusionProof(index: 8, size: 8) }
  }
}
