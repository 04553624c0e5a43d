import Crypto
import Foundation
import VeedorLedger
import VeedorSigning
import VeedorTiles

/// `veedor-bench tiles [ENTRIES]`: publishing a ledger as tlog-tiles, then one more batch
/// (incremental), and a tile-based inclusion check, each beside a reference measured in the same run.
struct TilesBench {
  let count: Int
  let batch = 1_000

  func run() throws {
    print("Generating \(count + batch) entries…")
    let lines = LedgerBench(count: count + batch).entries()
    let first = Array(lines.prefix(count))
    let key = MonitorKey.generate(name: "bench", created: 0)
    let origin = "bench.example/log"
    func note(_ lines: [Data]) throws -> String {
      try SignedNote.sign(
        Checkpoint(origin: origin, size: lines.count, root: try MerkleTree(entries: lines).root()).text, name: origin,
        key: key
      ).serialized
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("veedor-bench-tiles-\(getpid())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = folder.appendingPathComponent("log")
    let firstNote = try note(first)
    let secondNote = try note(lines)

    // References: SHA-256 over the same entry bytes (what any tile writer must do), and reading
    // back the bytes the log holds.
    let bytes = first.reduce(0) { $0 + $1.count }
    let raw = time(3) { for line in first { _ = SHA256.hash(data: line) } }
    // Creating as many files of the same sizes as the log has, with plain writes and one fsync
    // each: what any static tile layout costs on this file system.
    let plain = folder.appendingPathComponent("plain")
    let fileCount = TilePath.all(forSize: count).count
    let fileBytes = (bytes + 2 * count + count / 255 * 32 * 256) / max(fileCount, 1)
    let filler = Data(repeating: 0x61, count: fileBytes)
    let diskWrite = try time(1) {
      for i in 0..<fileCount {
        let sub = plain.appendingPathComponent(String(i / 1_000))
        if i % 1_000 == 0 { try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true) }
        try POSIXFile.writeNew(filler, to: sub.appendingPathComponent(String(i)))
      }
      FolderSwap.syncTree(plain)
    }
    try FileManager.default.removeItem(at: plain)
    var written = TileWriter.Result()
    let publish = try time(1) {
      written = try TileWriter.write(lines: first, checkpoint: firstNote, sizes: [count], to: log)
    }
    var again = TileWriter.Result()
    let incremental = try time(1) {
      again = try TileWriter.write(lines: lines, checkpoint: secondNote, sizes: [count + batch], to: log)
    }
    let onDisk = try totalSize(log)
    let readBack = try time(1) { try readAll(log) }

    // A tile-based inclusion check of 1,000 entries against the signed root, beside the same proofs
    // from an in-memory tree.
    let logKey = try NoteKey(name: origin, publicKey: key.publicKey)
    let tree = MerkleTree(entries: lines)
    let root = try tree.root()
    var fetched = 0
    let step = max(lines.count / 1_000, 1)
    let fromTiles = try time(1) {
      let source = try TileSource(log.path)
      let check = try LogCheck(source: source, key: logKey, held: [])
      let reader = TileReader(source: source, size: check.checkpoint.size)
      for index in stride(from: 0, to: lines.count, by: step) {
        let proof = try reader.inclusionProof(index: index)
        guard
          ProofVerifier.verifyInclusion(
            leafHash: RFC6962.leafHash(lines[index]), index: index, size: lines.count, proof: proof, root: root)
        else { throw TilesError(.integrity, "proof \(index) failed", es: "falló la prueba \(index)") }
      }
      fetched = source.fetchedPaths.count
    }
    let inMemory = try time(1) {
      for index in stride(from: 0, to: lines.count, by: step) {
        _ = try tree.inclusionProof(index: index, size: lines.count)
      }
    }
    let mb = Double(bytes) / 1e6
    print(String(format: "entries: %d (%.1f MB); log on disk %.1f MB", count, mb, Double(onDisk) / 1e6))
    print(
      String(
        format: "publish %d entries as tiles: %.2f s (%d files) | SHA-256 of the same bytes: %.2f s | ratio %.1f×",
        count, publish, written.written, raw, publish / raw))
    print(
      String(
        format: "  second reference: creating %d files of the same total size and fsyncing them: %.2f s | ratio %.1f×",
        fileCount, diskWrite, publish / diskWrite))
    print(
      String(
        format:
          "publish %d more (incremental): %.2f s (%d written, %d kept) | reading the log back: %.2f s | ratio %.1f×",
        batch, incremental, again.written, again.kept, readBack, incremental / readBack))
    print(
      String(
        format: "1,000 inclusion proofs from tiles: %.3f s, %d files read | same proofs from an in-memory tree: %.3f s",
        fromTiles, fetched, inMemory))
  }

  private func totalSize(_ folder: URL) throws -> Int {
    var total = 0
    let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey])
    while let url = walker?.nextObject() as? URL {
      total += (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
    }
    return total
  }

  private func readAll(_ folder: URL) throws {
    let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    while let url = walker?.nextObject() as? URL { _ = try? Data(contentsOf: url) }
  }
}
