import Foundation
import Testing
import VeedorLedger
import VeedorSigning
import VeedorTestSupport
import VeedorTiles

/// Tile, proof and witness-policy errors say in Spanish what they say in English, with the same tile,
/// file, line and values.
@Suite("Tiles errors in Spanish")
struct TilesSpanishTests {
  static let key = MonitorKey.generate(name: "log", created: 0)
  static let origin = "example.org/log"

  /// The tiles error a call throws.
  func refusal(_ body: () throws -> Void) -> TilesError? {
    do { try body() } catch let error as TilesError { return error } catch { return nil }
    return nil
  }

  /// `count` small distinct entries.
  static func lines(_ count: Int) -> [Data] { (0..<count).map { Data("{\"n\":\($0)}".utf8) } }

  /// A published log of `count` entries in a fresh folder.
  func publishedLog(_ count: Int) throws -> (URL, NoteKey) {
    let lines = Self.lines(count)
    let root = try MerkleTree(entries: lines).root()
    let note = try SignedNote.sign(
      Checkpoint(origin: Self.origin, size: lines.count, root: root).text, name: Self.origin, key: Self.key)
    let folder = TestSupport.temporaryFolder("tiles").appendingPathComponent("log")
    _ = try TileWriter.write(lines: lines, checkpoint: note.serialized, sizes: [count], to: folder)
    return (folder, try NoteKey(name: Self.origin, publicKey: Self.key.publicKey))
  }

  @Test("a tampered tile is named the same way in both languages")
  func badTile() throws {
    let (folder, key) = try publishedLog(300)
    let tile = folder.appendingPathComponent("tile/0/000")
    var bytes = try Data(contentsOf: tile)
    bytes[5] ^= 0xFF
    try bytes.write(to: tile)
    let held = Checkpoint(origin: Self.origin, size: 100, root: try MerkleTree(entries: Self.lines(100)).root())
    let error = try #require(refusal { _ = try LogCheck(source: TileSource(folder.path), key: key, held: [held]) })
    #expect(error.description.contains("tile/0/000"))
    #expect(error.spanishDescription.contains("tile/0/000"))
    #expect(error.field == "tile/0/000")
    #expect(error.spanishDescription.hasPrefix("campo 'tile/0/000': tile/0/000 no coincide con el hash"))
    #expect(error.spanishDescription.contains("tesela madre (alterada)"))
  }

  @Test("a missing tile file and a log signed by another key: the same path, Spanish words")
  func missingAndForeign() throws {
    let (folder, key) = try publishedLog(10)
    try FileManager.default.removeItem(at: folder.appendingPathComponent("checkpoint"))
    let missing = try #require(refusal { _ = try LogCheck(source: TileSource(folder.path), key: key, held: []) })
    #expect(missing.description.hasSuffix("checkpoint: cannot read checkpoint from the log folder"))
    #expect(missing.spanishDescription.hasSuffix("checkpoint: no se puede leer checkpoint de la carpeta del registro"))
    let (other, _) = try publishedLog(4)
    let stranger = try NoteKey(name: Self.origin, publicKey: MonitorKey.generate(name: "x", created: 0).publicKey)
    let foreign = try #require(refusal { _ = try LogCheck(source: TileSource(other.path), key: stranger, held: []) })
    #expect(foreign.spanishDescription.contains("(origen \(Self.origin)) no está firmado por \(stranger.description)"))
  }

  @Test("a bad tlog-proof file and a bad witness policy keep their lines")
  func proofAndPolicy() throws {
    let header = try #require(refusal { _ = try TlogProof(parsing: "nonsense\n") })
    #expect(header.line == 1)
    #expect(header.description == "not a c2sp.org/tlog-proof@v1 file")
    #expect(header.spanishDescription == "no es un archivo c2sp.org/tlog-proof@v1")
    let policy = try #require(
      refusal { _ = try WitnessPolicy(text: "quorum none\nbogus line\n", file: "policy.txt") })
    #expect(policy.description == "policy.txt:2: unknown line 'bogus' (log, witness, group, quorum)")
    #expect(policy.spanishDescription == "policy.txt:2: línea desconocida 'bogus' (log, witness, group, quorum)")
    let log = try #require(refusal { _ = try WitnessPolicy(text: "log nonsense\n", file: "policy.txt") })
    #expect(log.spanishDescription == "policy.txt:1: se esperaba 'log VKEY [URL]' con una clave Ed25519 del registro")
  }
}
