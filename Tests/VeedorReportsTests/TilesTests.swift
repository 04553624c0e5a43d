import Foundation
import Testing
import VeedorLedger
import VeedorSigning
import VeedorTestSupport
import VeedorTiles

/// The ledger as C2SP tlog-tiles: layout as the spec states it, roots and proofs from tiles equal to
/// the tree's, incremental writes, and tampered tiles or bundles named.
@Suite("tlog-tiles: writing and reading")
struct TilesTests {
  static let key = MonitorKey.generate(name: "log", created: 0)
  static let origin = "example.org/log"

  /// `count` small distinct entries.
  static func lines(_ count: Int) -> [Data] { (0..<count).map { Data("{\"n\":\($0)}".utf8) } }

  /// A signed checkpoint note for the first `size` lines.
  static func note(_ lines: [Data]) throws -> String {
    let root = try MerkleTree(entries: lines).root()
    return try SignedNote.sign(Checkpoint(origin: origin, size: lines.count, root: root).text, name: origin, key: key)
      .serialized
  }

  @Test("paths as the spec writes them: x001/x234/067, and a tree of 70,000 as the spec lists it")
  func paths() throws {
    #expect(TilePath(level: 0, index: 1_234_067, width: nil).description == "tile/0/x001/x234/067")
    #expect(TilePath(level: 2, index: 5, width: 17).description == "tile/2/005.p/17")
    #expect(TilePath(level: nil, index: 0, width: 3).description == "tile/entries/000.p/3")
    for text in ["tile/0/x001/x234/067", "tile/1/000.p/17", "tile/entries/x002/000"] {
      #expect(TilePath(text)?.description == text)
    }
    for bad in ["tile/0/1234", "tile/0/x1/234", "tile/00/000", "tile/0/000.p/256", "tile/0/000.p/0", "tile/0/../000"] {
      #expect(TilePath(bad) == nil, "\(bad)")
    }
    let all = TilePath.all(forSize: 70_000).filter { $0.level != nil }
    #expect(all.filter { $0.level == 0 && $0.width == nil }.count == 273)
    #expect(all.contains(TilePath(level: 0, index: 273, width: 112)))
    #expect(all.filter { $0.level == 1 && $0.width == nil }.count == 1)
    #expect(all.contains(TilePath(level: 1, index: 1, width: 17)))
    #expect(all.contains(TilePath(level: 2, index: 0, width: 1)))
    #expect(all.count == 277)
    #expect(
      TilePath.all(forSize: 256).filter { $0.level != nil }.map(\.description) == ["tile/0/000", "tile/1/000.p/1"])
  }

  @Test("roots, inclusion and consistency proofs read from tiles equal the tree's, fetching few files")
  func proofs() throws {
    let lines = Self.lines(70_000)
    let tree = MerkleTree(entries: lines)
    let folder = TestSupport.temporaryFolder("tiles").appendingPathComponent("log")
    let sizes = [1, 2, 255, 256, 257, 511, 65_536, 65_537, 70_000]
    // Partial tiles are served for checkpoint sizes only: publish the sizes read below.
    _ = try TileWriter.write(lines: lines, checkpoint: try Self.note(lines), sizes: sizes, to: folder)
    for size in sizes {
      let reader = TileReader(source: try TileSource(folder.path), size: size)
      #expect(try reader.root() == tree.root(size: size), "root \(size)")
      for index in Set([0, size / 3, size - 1]) {
        #expect(
          try reader.inclusionProof(index: index) == tree.inclusionProof(index: index, size: size), "\(index)@\(size)")
      }
      for old in Set([1, size / 2, size - 1]) where old > 0 {
        #expect(try reader.consistencyProof(oldSize: old) == tree.consistencyProof(oldSize: old, newSize: size))
      }
    }
    let source = try TileSource(folder.path)
    let check = try LogCheck(
      source: source, key: try NoteKey(name: Self.origin, publicKey: Self.key.publicKey),
      held: [Checkpoint(origin: Self.origin, size: 1_000, root: try tree.root(size: 1_000))])
    // A consistency proof from 1,000 to 70,000 entries needs a handful of tiles, not the 277 there are.
    #expect(check.fetched.count <= 8, "\(check.fetched)")
    #expect(check.fetched.first == "checkpoint")
  }

  @Test("writing again links what is right and writes only new or grown tiles; earlier partial tiles stay")
  func incremental() throws {
    let folder = TestSupport.temporaryFolder("tiles").appendingPathComponent("log")
    let first = Self.lines(1_000)
    let a = try TileWriter.write(lines: first, checkpoint: try Self.note(first), sizes: [1_000], to: folder)
    #expect(a.kept == 0 && a.written == TilePath.all(forSize: 1_000).count)
    let second = Self.lines(1_300)
    let b = try TileWriter.write(lines: second, checkpoint: try Self.note(second), sizes: [1_300], to: folder)
    // Kept: full level-0 tiles 0–2 and bundles 0–2, and the three partial files served for size 1,000.
    #expect(b.kept == 3 + 3 + 3, "\(b)")
    // Written: level-0 tiles 3 and 4 (now full) and 5.p/20, level-1 000.p/5, bundles 3, 4 and 5.p/20.
    #expect(b.written == 3 + 1 + 3, "\(b)")
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("tile/0/003.p/232").path))
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("tile/0/005.p/20").path))
    // A stale or tampered file in the previous folder is not kept.
    let tile = folder.appendingPathComponent("tile/0/000")
    var bytes = try Data(contentsOf: tile)
    bytes[5] ^= 1
    try FileManager.default.removeItem(at: tile)
    try bytes.write(to: tile)
    let c = try TileWriter.write(lines: second, checkpoint: try Self.note(second), sizes: [1_300], to: folder)
    #expect(c.written == 1)
    #expect(try Data(contentsOf: tile) != bytes)
  }

  @Test("a tampered tile or entry bundle fails with the file named")
  func tampered() throws {
    let lines = Self.lines(70_000)
    let tree = MerkleTree(entries: lines)
    let folder = TestSupport.temporaryFolder("tiles").appendingPathComponent("log")
    _ = try TileWriter.write(lines: lines, checkpoint: try Self.note(lines), sizes: [], to: folder)
    let key = try NoteKey(name: Self.origin, publicKey: Self.key.publicKey)
    let held = [Checkpoint(origin: Self.origin, size: 1_000, root: try tree.root(size: 1_000))]
    #expect(try LogCheck(source: TileSource(folder.path), key: key, held: held).checkpoint.size == 70_000)
    for path in ["tile/0/003", "tile/1/000"] {
      let url = folder.appendingPathComponent(path)
      let original = try Data(contentsOf: url)
      var bytes = original
      bytes[40] ^= 0x80
      try bytes.write(to: url)
      let error = try #require(throws: TilesError.self) {
        try LogCheck(source: TileSource(folder.path), key: key, held: held)
      }
      #expect(error.description.contains("tile/"), "\(path): \(error)")
      try original.write(to: url)
    }
    let (good, _) = try LedgerFetch.entries(source: TileSource(folder.path), key: key)
    #expect(good == lines)
    let bundle = folder.appendingPathComponent("tile/entries/007")
    var bytes = try Data(contentsOf: bundle)
    bytes[10] ^= 0x01
    try bytes.write(to: bundle)
    let error = try #require(throws: TilesError.self) {
      try LedgerFetch.entries(source: TileSource(folder.path), key: key)
    }
    #expect(error.description.contains("tile/entries/007"), "\(error)")
  }

  @Test("a ledger line over 65,535 bytes is refused when appended, with the limit named")
  func longLine() throws {
    let f = try ReportFixture()
    let before = try Data(contentsOf: URL(fileURLWithPath: f.ws + "/ledger.jsonl"))
    let result = try TestSupport.veedor(["note", String(repeating: "a", count: 70_000), "-w", f.ws])
    #expect(result.status == 2 && result.stderr.contains("at most 65535 bytes"), "\(result.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: f.ws + "/ledger.jsonl")) == before)
  }

  @Test("signature lines of unknown keys or types (e.g. a future ML-DSA cosignature) are ignored, not refused")
  func unknownSignatures() throws {
    let lines = Self.lines(300)
    let folder = TestSupport.temporaryFolder("tiles").appendingPathComponent("log")
    let note = try SignedNote(parsing: try Self.note(lines))
    let unknown = SignedNote.Signature(
      name: "witness.example/pq", keyID: Data([1, 2, 3, 4]), signature: Data(repeating: 7, count: 2_428))
    _ = try TileWriter.write(lines: lines, checkpoint: note.adding([unknown]).serialized, sizes: [], to: folder)
    let key = try NoteKey(name: Self.origin, publicKey: Self.key.publicKey)
    let check = try LogCheck(source: TileSource(folder.path), key: key, held: [])
    #expect(check.note.signatures.count == 2 && check.checkpoint.size == 300)
    let policy = try WitnessPolicy(text: "quorum none\n")
    #expect(policy.isSatisfied(by: check.note) && policy.cosigned(check.note).isEmpty)
  }
}
