import Foundation
import VeedorLedger
import VeedorSigning

/// Checks a published tiled log against checkpoints a reader holds: the log's checkpoint is signed
/// by the expected key, and each held checkpoint is consistent with it, proved from the few tiles
/// needed (a tampered tile is named).
public struct LogCheck: Sendable {
  /// The log's current checkpoint note.
  public var note: SignedNote
  /// Its body.
  public var checkpoint: Checkpoint
  /// Every resource fetched, in order.
  public var fetched: [String]

  /// Fetches `checkpoint` from the source, checks its signature by `key`, then proves each of
  /// `held` (same origin) consistent with it from tiles.
  public init(source: TileSource, key: NoteKey, held: [Checkpoint]) throws(TilesError) {
    let text = String(decoding: try source.fetch("checkpoint"), as: UTF8.self)
    guard let note = try? SignedNote(parsing: text), let body = try? Checkpoint(text: note.text) else {
      throw TilesError(
        .integrity, "the log's checkpoint is not a signed checkpoint note",
        es: "el punto de control del registro no es una nota de punto de control firmada", field: "checkpoint")
    }
    guard body.origin == key.name, note.isSigned(by: key) else {
      throw TilesError(
        .integrity, "the log's checkpoint (origin \(body.origin)) is not signed by \(key.description)",
        es: "el punto de control del registro (origen \(body.origin)) no está firmado por \(key.description)",
        field: "checkpoint")
    }
    let reader = TileReader(source: source, size: body.size)
    for old in held {
      guard old.origin == body.origin else {
        throw TilesError(
          .integrity, "a checkpoint of origin \(old.origin), not this log's \(body.origin)",
          es: "un punto de control de origen \(old.origin), no \(body.origin), el de este registro")
      }
      guard old.size <= body.size else {
        throw TilesError(
          .integrity,
          "the log serves \(body.size) entries, fewer than the \(old.size) a signed checkpoint covers (rolled back)",
          es:
            "el registro sirve \(body.size) entradas, menos que las \(old.size) que cubre un punto de control firmado (retroceso)",
          field: "checkpoint")
      }
      let consistent: Bool
      if old.size == 0 {
        consistent = old.root == RFC6962.emptyRoot
      } else if old.size == body.size {
        consistent = old.root == body.root && (try? reader.root()) == body.root
      } else {
        let proof = try reader.consistencyProof(oldSize: old.size)
        consistent = ProofVerifier.verifyConsistency(
          oldSize: old.size, newSize: body.size, oldRoot: old.root, newRoot: body.root, proof: proof)
      }
      guard consistent else {
        if let tile = reader.firstInconsistentTile() {
          throw TilesError(
            .integrity, "\(tile) does not match the hash its parent tile holds (tampered)",
            es: "\(tile) no coincide con el hash que guarda su tesela madre (alterada)", field: tile.description)
        }
        if (try? reader.root()) != body.root {
          let edge = reader.tilesRead.filter { $0.width != nil }.map(\.description).joined(separator: ", ")
          throw TilesError(
            .integrity, "the tiles do not hash to the log's signed root (right-edge tiles: \(edge))",
            es:
              "el hash de las teselas no coincide con la raíz firmada del registro (teselas del borde derecho: \(edge))",
            field: "tile")
        }
        throw TilesError(
          .integrity,
          "the checkpoint of \(old.size) entries is not a prefix of the log's \(body.size) (a split view or rewritten history)",
          es:
            "el punto de control de \(old.size) entradas no es un prefijo de las \(body.size) del registro (una vista dividida o una historia reescrita)"
        )
      }
    }
    self.note = note
    checkpoint = body
    fetched = source.fetchedPaths
  }
}

/// Rebuilds `ledger.jsonl` from a tiled log's entry bundles and checks it against the signed checkpoint.
public enum LedgerFetch {
  /// The log's entries, checked against its checkpoint (signed by `key` when given); a bundle or tile
  /// that does not match is named.
  public static func entries(source: TileSource, key: NoteKey?, maxEntries: Int = 10_000_000) throws(TilesError)
    -> (lines: [Data], note: SignedNote)
  {
    let text = String(decoding: try source.fetch("checkpoint"), as: UTF8.self)
    guard let note = try? SignedNote(parsing: text), let body = try? Checkpoint(text: note.text) else {
      throw TilesError(
        .integrity, "the log's checkpoint is not a signed checkpoint note",
        es: "el punto de control del registro no es una nota de punto de control firmada", field: "checkpoint")
    }
    if let key, body.origin != key.name || !note.isSigned(by: key) {
      throw TilesError(
        .integrity, "the log's checkpoint is not signed by \(key.description)",
        es: "el punto de control del registro no está firmado por \(key.description)", field: "checkpoint")
    }
    guard body.size <= maxEntries else {
      throw TilesError(
        .badInput, "the log claims \(body.size) entries, more than the limit of \(maxEntries) (--max-entries)",
        es: "el registro declara \(body.size) entradas, más que el límite de \(maxEntries) (--max-entries)",
        field: "checkpoint")
    }
    guard body.size > 0 || body.root == RFC6962.emptyRoot else {
      throw TilesError(
        .integrity, "an empty log must have the empty tree's root",
        es: "un registro vacío debe tener la raíz del árbol vacío", field: "checkpoint")
    }
    var lines: [Data] = []
    let bundles = (body.size + 255) / 256
    for n in 0..<bundles {
      let path = TilePath(level: nil, index: n, width: (n + 1) * 256 <= body.size ? nil : body.size - n * 256)
      let bundle = try source.fetch(path.description)
      var at = bundle.startIndex
      var count = 0
      while at < bundle.endIndex {
        guard at + 2 <= bundle.endIndex else {
          throw TilesError(
            .integrity, "\(path) ends inside a length prefix", es: "\(path) termina dentro de un prefijo de longitud",
            field: path.description)
        }
        let length = Int(bundle[at]) << 8 | Int(bundle[at + 1])
        guard at + 2 + length <= bundle.endIndex else {
          throw TilesError(
            .integrity, "\(path) ends inside an entry", es: "\(path) termina dentro de una entrada",
            field: path.description)
        }
        lines.append(bundle.subdata(in: at + 2..<at + 2 + length))
        at += 2 + length
        count += 1
      }
      guard count == (path.width ?? 256) else {
        throw TilesError(
          .integrity, "\(path) holds \(count) entries, not \(path.width ?? 256)",
          es: "\(path) contiene \(count) entradas, no \(path.width ?? 256)", field: path.description)
      }
    }
    guard (try? MerkleTree(entries: lines).root()) ?? RFC6962.emptyRoot == body.root else {
      // Name the bundle whose entries do not hash to the level-0 tile, or the tile at fault.
      let reader = TileReader(source: source, size: body.size)
      for (i, line) in lines.enumerated() where (try? reader.levelHash(0, i)) != RFC6962.leafHash(line) {
        let bundle = TilePath(
          level: nil, index: i / 256, width: (i / 256 + 1) * 256 <= body.size ? nil : body.size % 256)
        throw TilesError(
          .integrity, "entry \(i) in \(bundle) does not match its hash in \(reader.tilePath(level: 0, index: i))",
          es: "la entrada \(i) de \(bundle) no coincide con su hash en \(reader.tilePath(level: 0, index: i))",
          field: bundle.description)
      }
      throw TilesError(
        .integrity, "the entries do not hash to the log's signed root",
        es: "el hash de las entradas no coincide con la raíz firmada del registro", field: "checkpoint")
    }
    return (lines, note)
  }
}
