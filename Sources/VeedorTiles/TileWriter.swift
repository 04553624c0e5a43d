import Foundation
import VeedorLedger

/// Writes a ledger as a C2SP tlog-tiles log: `checkpoint`, hash tiles and entry bundles, with the
/// partial tiles of every checkpoint size given. The folder is built beside the target and swapped
/// in; a file of the previous folder whose bytes are already right is hard-linked, not rewritten.
public enum TileWriter {
  /// The longest entry a bundle can hold (2-byte length prefix).
  public static let maxEntry = 65_535

  /// What a write did.
  public struct Result: Sendable, Hashable {
    /// Tiles and bundles written anew.
    public var written = 0
    /// Tiles and bundles kept from the previous folder (hard-linked, unchanged).
    public var kept = 0
    /// Files of the previous folder that were not right for this ledger and were left out.
    public var dropped: [String] = []
    /// Files the previous folder held with other bytes, written anew (a different history was there).
    public var rewritten = 0
    /// Relative paths (`tile/…`) that were hard-linked from the previous folder, already durable.
    public var linked: Set<String> = []

    /// An empty result.
    public init() {}
  }

  /// Writes the log for `lines` into `folder` (replacing it), serving `checkpoint` (a signed note whose
  /// size is `lines.count`) and the partial tiles of each size in `sizes`; the partial tiles of earlier
  /// checkpoints found in the previous folder are kept when they are right for these lines.
  public static func write(lines: [Data], checkpoint: String, sizes: [Int], to folder: URL) throws -> Result {
    final class Box: @unchecked Sendable { var result = Result() }
    let box = Box()
    try FolderSwap.replace(folder, keepOthers: true, alreadyDurable: { box.result.linked.contains($0) }) { staging in
      box.result = try build(lines: lines, checkpoint: checkpoint, sizes: sizes, into: staging, previous: folder)
    }
    return box.result
  }

  /// Builds the log into an empty folder, linking files of `previous` that are already right.
  public static func build(lines: [Data], checkpoint: String, sizes: [Int], into staging: URL, previous: URL?)
    throws -> Result
  {
    if let long = lines.firstIndex(where: { $0.count > maxEntry }) {
      throw TilesError(
        .badInput, "entry \(long) is \(lines[long].count) bytes; a tile bundle holds entries up to \(maxEntry) bytes",
        es:
          "la entrada \(long) tiene \(lines[long].count) bytes; un paquete de teselas admite entradas de hasta \(maxEntry) bytes"
      )
    }
    let hashes = TileHashes(entries: lines)
    var wanted = Set(sizes.filter { $0 > 0 && $0 <= lines.count }.flatMap(TilePath.all(forSize:)))
    wanted.formUnion(TilePath.all(forSize: lines.count))
    // Partial tiles an earlier publication served stay served while they are right for these lines.
    if let previous { wanted.formUnion(existingTiles(in: previous).filter { valid($0, hashes) }) }
    var result = Result()
    // Even an empty log has its tile folder, so nothing of a previous one is carried over.
    try FileManager.default.createDirectory(
      at: staging.appendingPathComponent("tile"), withIntermediateDirectories: true)
    for path in wanted.sorted() {
      let data = content(path, hashes, lines)
      let target = staging.appendingPathComponent(path.description)
      try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      if let previous, linkIfEqual(previous.appendingPathComponent(path.description), to: target, data) {
        result.kept += 1
        result.linked.insert(path.description)
      } else {
        if let previous, FileManager.default.fileExists(atPath: previous.appendingPathComponent(path.description).path)
        {
          result.rewritten += 1
        }
        try POSIXFile.writeNew(data, to: target)
        result.written += 1
      }
    }
    if let previous {
      result.dropped = existingTiles(in: previous).filter { !wanted.contains($0) }.map(\.description).sorted()
    }
    try POSIXFile.writeNew(Data(checkpoint.utf8), to: staging.appendingPathComponent("checkpoint"))
    return result
  }

  /// The bytes of a tile or bundle.
  static func content(_ path: TilePath, _ hashes: TileHashes, _ lines: [Data]) -> Data {
    let width = path.width ?? 256
    guard path.level == nil else { return hashes.tile(level: path.level ?? 0, index: path.index, width: width) }
    var data = Data()
    for line in lines[path.index * 256..<path.index * 256 + width] {
      data.append(contentsOf: [UInt8(line.count >> 8), UInt8(line.count & 0xFF)])
      data.append(line)
    }
    return data
  }

  /// Whether the tree holds the hashes (or entries) a tile path names.
  static func valid(_ path: TilePath, _ hashes: TileHashes) -> Bool {
    let available = path.level.map { hashes.count(level: $0) } ?? hashes.size
    return path.index * 256 + (path.width ?? 256) <= available
  }

  /// Every tile path under `folder/tile` that is a regular file.
  static func existingTiles(in folder: URL) -> [TilePath] {
    let root = folder.appendingPathComponent("tile")
    guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
    var found: [TilePath] = []
    while let relative = walker.nextObject() as? String {
      guard let path = TilePath("tile/" + relative) else { continue }
      var info = stat()
      if lstat(root.appendingPathComponent(relative).path, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
        found.append(path)
      }
    }
    return found
  }

  /// Hard-links `source` to `target` when it is a regular file holding exactly `data`.
  static func linkIfEqual(_ source: URL, to target: URL, _ data: Data) -> Bool {
    var info = stat()
    guard lstat(source.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == data.count,
      let existing = try? Data(contentsOf: source), existing == data
    else { return false }
    return link(source.path, target.path) == 0
  }
}
