import Foundation
import VeedorErrors

/// The first problem found in a ledger, located by its 1-based line number.
public struct LedgerFinding: Sendable, Hashable, CustomStringConvertible, SpanishDescribable {
  /// 1-based line of `ledger.jsonl`.
  public var line: Int
  /// What is wrong with it.
  public var message: String
  /// The same in Spanish.
  public var messageES: String

  /// Creates a finding with its message in English and in Spanish.
  public init(line: Int, message: String, es messageES: String) {
    self.line = line
    self.message = message
    self.messageES = messageES
  }

  /// `line N: message`.
  public var description: String { "line \(line): \(message)" }

  /// `línea N: mensaje`.
  public var spanishDescription: String { "línea \(line): \(messageES)" }
}

/// A full re-check of a ledger's lines: JSON, numbering, hash links and the Merkle tree.
///
/// Each entry records its position (`seq`) and the leaf hash of the entry before it (`prev`),
/// so an edit, a swap or a deletion is pinned to a line; a signed checkpoint pins the last line.
public struct LedgerAudit: Sendable {
  /// The tree over every complete line.
  public let tree: MerkleTree
  /// The first problem in the lines themselves, if any.
  public let finding: LedgerFinding?

  /// Audits the given contents; `progress` is called now and then with the number of lines done.
  ///
  /// `anchors` are checkpoints already known to be genuine; they decide which of two lines
  /// changed when the last line's hash link is broken and no later line can tell.
  public init(_ contents: LedgerFile.Contents, anchors: [Checkpoint] = [], progress: ((Int) -> Void)? = nil) {
    let lines = contents.lines
    let hashes = TileHashes.leafHashes(lines)
    tree = MerkleTree(leaves: hashes)
    let leaves = hashes.map(\.data)
    finding =
      Self.firstProblem(lines, leaves, anchors: anchors, progress: progress)
      ?? contents.tornTail.map { _ in
        LedgerFinding(
          line: lines.count + 1,
          message: "incomplete last line (interrupted write); 'veedor ledger repair' moves it aside",
          es: "última línea incompleta (escritura interrumpida); 'veedor ledger repair' la aparta")
      }
  }

  private static func firstProblem(
    _ lines: [Data], _ leaves: [Data], anchors: [Checkpoint], progress: ((Int) -> Void)?
  ) -> LedgerFinding? {
    let decoder = JSONDecoder()
    var current: LedgerEnvelope?
    func envelope(_ i: Int) -> LedgerEnvelope? {
      try? decoder.decode(LedgerEnvelope.self, from: lines[i])
    }
    for i in lines.indices {
      if i % 65_536 == 0 { progress?(i) }
      guard let entry = i == 0 || current == nil ? envelope(i) : current else {
        return LedgerFinding(
          line: i + 1, message: "not a valid entry (bad JSON or missing seq/type)",
          es: "no es una entrada válida (JSON incorrecto o faltan seq/type)")
      }
      let next = i + 1 < lines.count ? envelope(i + 1) : nil
      defer { current = next }
      if entry.seq != i {
        return LedgerFinding(
          line: i + 1,
          message:
            "entry number \(entry.seq) where \(i) was expected (entries reordered, missing or duplicated)",
          es:
            "entrada número \(entry.seq) donde se esperaba la \(i) (entradas reordenadas, faltantes o duplicadas)"
        )
      }
      let expected = i == 0 ? nil : leaves[i - 1].hexString
      if entry.prev != expected {
        // Either the previous line changed, or this line's own link did; the next line decides.
        if let next, next.prev != leaves[i].hexString { return altered(line: i + 1) }
        if next == nil && !previousLineMatches(i, leaves, claimed: entry.prev, anchors: anchors) {
          return altered(line: i + 1)
        }
        return LedgerFinding(
          line: i, message: "entry was altered after it was written (the next entry's hash link no longer matches)",
          es:
            "la entrada fue alterada después de escribirse (el enlace de hash de la entrada siguiente ya no coincide)")
      }
    }
    progress?(lines.count)
    return nil
  }

  /// The finding for a line changed after it was written.
  private static func altered(line: Int) -> LedgerFinding {
    LedgerFinding(
      line: line, message: "entry was altered after it was written", es: "la entrada fue alterada después de escribirse"
    )
  }

  /// Whether a genuine checkpoint agrees with the tree in which line `i - 1` has the hash line `i` claims.
  private static func previousLineMatches(_ i: Int, _ leaves: [Data], claimed: String?, anchors: [Checkpoint])
    -> Bool
  {
    guard i > 0, let claimed = claimed.flatMap({ Data(hex: $0) }), claimed.count == RFC6962.hashSize else {
      return false
    }
    guard let anchor = anchors.first(where: { $0.size > i - 1 && $0.size <= leaves.count }) else { return true }
    var repaired = Array(leaves.prefix(anchor.size))
    repaired[i - 1] = claimed
    return (try? MerkleTree(leafHashes: repaired).root()) == anchor.root
  }

  /// Checks that a checkpoint's tree head agrees with the ledger: not rolled back, same root.
  public func check(_ checkpoint: Checkpoint, name: String) -> LedgerFinding? {
    if checkpoint.size > tree.size {
      return LedgerFinding(
        line: tree.size + 1,
        message:
          "missing: checkpoint \(name) signed \(checkpoint.size) entries but the ledger has \(tree.size) (rollback)",
        es:
          "falta: el punto de control \(name) firmó \(checkpoint.size) entradas pero el registro tiene \(tree.size) (retroceso)"
      )
    }
    guard let root = try? tree.root(size: checkpoint.size), root == checkpoint.root else {
      return LedgerFinding(
        line: max(checkpoint.size, 1),
        message:
          "does not match checkpoint \(name): the first \(checkpoint.size) entries no longer hash to its signed root",
        es:
          "no coincide con el punto de control \(name): el hash de las primeras \(checkpoint.size) entradas ya no coincide con su raíz firmada"
      )
    }
    return nil
  }
}
