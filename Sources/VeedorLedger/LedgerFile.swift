import Foundation
import VeedorErrors

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The append-only `ledger.jsonl` file: one entry per line, never rewritten.
///
/// Appends take an exclusive `flock`, write the new lines in one `write`, and `fsync` before
/// returning, so an append that returned is durable and two processes never interleave.
public struct LedgerFile: Sendable {
  /// The lines of a ledger file as stored, and any incomplete tail.
  public struct Contents: Sendable {
    /// Each complete line's exact bytes, without its newline.
    public var lines: [Data]
    /// Bytes after the last complete line: a torn write, or a final line that is not JSON.
    public var tornTail: Data?
    /// Length of the file up to the end of the last complete line.
    public var goodLength: Int

    /// Creates contents from lines and an optional torn tail.
    public init(lines: [Data], tornTail: Data? = nil, goodLength: Int) {
      self.lines = lines
      self.tornTail = tornTail
      self.goodLength = goodLength
    }
  }

  /// What `repair` did.
  public struct Repair: Sendable {
    /// 1-based line number of the torn line.
    public var line: Int
    /// Number of bytes moved aside.
    public var bytes: Int
    /// The side file that now holds them.
    public var sideFile: URL
    /// The torn bytes when the side file could not be written (a full disk): the caller must show them.
    public var unsaved: Data?
  }

  /// Location of the ledger file.
  public let url: URL

  /// A ledger file at a location (it need not exist yet).
  public init(url: URL) {
    self.url = url
  }

  /// The side file a repair appends torn tails to.
  public var sideFile: URL { url.appendingPathExtension("torn") }

  /// Reads the file; a missing file is an empty ledger.
  public func read() throws(LedgerError) -> Contents {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      if !FileManager.default.fileExists(atPath: url.path) {
        return Contents(lines: [], tornTail: nil, goodLength: 0)
      }
      let why = SystemError.describe(error)
      throw .io(path: url.path, reason: Phrase("cannot read: \(why.en)", es: "no se puede leer: \(why.es)"))
    }
    return Self.split(data)
  }

  /// Splits file bytes into lines (slices sharing the file buffer), setting aside an incomplete or
  /// non-JSON last line.
  public static func split(_ data: Data) -> Contents {
    var lines: [Data] = []
    var start = 0
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      guard let base = raw.baseAddress else { return }
      while start < raw.count {
        guard let hit = memchr(base + start, 0x0A, raw.count - start) else { break }
        let end = base.distance(to: UnsafeRawPointer(hit))
        lines.append(data[start..<end])
        start = end + 1
      }
    }
    if start < data.count {
      return Contents(lines: lines, tornTail: data.subdata(in: start..<data.count), goodLength: start)
    }
    if let last = lines.last, (try? JSONSerialization.jsonObject(with: last)) as? [String: Any] == nil {
      lines.removeLast()
      return Contents(lines: lines, tornTail: last + Data([0x0A]), goodLength: start - last.count - 1)
    }
    WorkCounter.add("lines read", lines.count)
    return Contents(lines: lines, tornTail: nil, goodLength: start)
  }

  /// The longest entry accepted: what a C2SP tlog-tiles entry bundle's 2-byte length prefix can hold.
  public static let maxLineBytes = 65_535

  /// Appends lines under an exclusive lock and makes them durable before returning.
  ///
  /// `makeLines` sees the ledger as it is under the lock and returns the new lines (without
  /// newlines); it may throw to abandon the append, leaving the file untouched.
  /// - Returns: the number of entries after the append.
  @discardableResult
  public func append(_ makeLines: (Contents) throws -> [Data]) throws -> Int {
    try appendLocked({ _ throws in
      let contents = try read()
      if contents.tornTail != nil {
        throw LedgerError.tornTail(path: url.path, line: contents.lines.count + 1)
      }
      try checkHead(contents)
      return (try makeLines(contents), contents.lines.count, contents.goodLength)
    })
  }

  /// Appends lines under an exclusive lock and makes them durable before returning, without reading
  /// the file: `prepare` gets the open descriptor (locked) and returns the new lines, the number of
  /// entries and the byte length they follow (the file's length: a torn tail must be refused first).
  /// - Returns: the number of entries after the append.
  @discardableResult
  public func appendLocked(_ prepare: (Int32) throws -> (lines: [Data], count: Int, length: Int)) throws -> Int {
    let existed = FileManager.default.fileExists(atPath: url.path)
    let fd = open(url.path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw LedgerError.io(path: url.path, reason: Phrase("cannot open: ", es: "no se puede abrir: ", errno: errno))
    }
    defer { close(fd) }
    try lock(fd)
    defer { flock(fd, LOCK_UN) }
    let (lines, before, length) = try prepare(fd)
    guard !lines.isEmpty else { return before }
    var bytes = Data()
    for line in lines {
      guard !line.contains(0x0A) else {
        throw LedgerError.badLine(
          path: url.path, line: 0,
          reason: Phrase(
            "an entry may not contain a newline", es: "una entrada no puede contener un salto de línea"))
      }
      guard line.count <= Self.maxLineBytes else { throw LedgerError.entryTooLong(path: url.path, bytes: line.count) }
      bytes.append(line)
      bytes.append(0x0A)
    }
    do {
      try POSIXFile.writeAll(fd, bytes, path: url.path)
      try POSIXFile.sync(fd, path: url.path)
    } catch {
      // A failed append (a full disk, an I/O error) leaves the ledger byte for byte as it was.
      _ = ftruncate(fd, off_t(length))
      _ = fsync(fd)
      throw error
    }
    if !existed { POSIXFile.syncDirectory(of: url) }
    let count = before + lines.count
    // Best effort: a head that could not be written is older, never wrong, and the next append rewrites it.
    // Not fsynced: it is written after the ledger is durable, so after a crash it is this head, an older
    // one, or unreadable (which checks nothing), never one ahead of the ledger.
    if let last = lines.last {
      try? POSIXFile.writeAtomically(
        Data("\(count) \(RFC6962.leafHex(last))\n".utf8), to: headFile, durable: false)
    }
    return count
  }

  /// `ledger.jsonl.head`: the entry count and the last line's leaf hash as Veedor last wrote them.
  public var headFile: URL { url.appendingPathExtension("head") }

  /// Refuses a ledger whose line at the recorded head changed since Veedor wrote it (a hand edit).
  public func checkHead(_ contents: Contents) throws(LedgerError) {
    guard let (count, hash) = recordedHead() else { return }
    guard count <= contents.lines.count, RFC6962.leafHex(contents.lines[count - 1]) == hash else {
      throw .badLine(
        path: url.path, line: min(count, contents.lines.count + 1),
        reason: Phrase(
          "changed since Veedor last wrote it (the ledger had \(count) entries); refusing to use it. Run 'veedor ledger verify'",
          es:
            "cambió desde que Veedor la escribió por última vez (el registro tenía \(count) entradas); no se usará. Ejecute 'veedor ledger verify'"
        )
      )
    }
  }

  /// Moves a torn last line into the side file `ledger.jsonl.torn`, never discarding it.
  ///
  /// - Returns: what was moved, or nil when the ledger had nothing to repair.
  public func repair() throws(LedgerError) -> Repair? {
    let fd = open(url.path, O_RDWR)
    guard fd >= 0 else {
      throw .io(path: url.path, reason: Phrase("cannot open: ", es: "no se puede abrir: ", errno: errno))
    }
    defer { close(fd) }
    try lock(fd)
    defer { flock(fd, LOCK_UN) }
    let contents = try read()
    guard let tail = contents.tornTail else { return nil }
    let side = open(sideFile.path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
    guard side >= 0 else {
      throw .io(path: sideFile.path, reason: Phrase("cannot open: ", es: "no se puede abrir: ", errno: errno))
    }
    defer { close(side) }
    var record = tail
    if record.last != 0x0A { record.append(0x0A) }
    let sideLength = lseek(side, 0, SEEK_END)
    do {
      try save(record, side, sideLength)
      try truncate(fd, to: contents.goodLength)
    } catch {
      // No room for the side file (a full disk): free the torn bytes first, then keep them beside,
      // or hand them back to be shown when even that does not fit.
      try truncate(fd, to: contents.goodLength)
      if (try? save(record, side, sideLength)) == nil {
        if sideLength == 0 { unlink(sideFile.path) }
        return Repair(line: contents.lines.count + 1, bytes: tail.count, sideFile: sideFile, unsaved: tail)
      }
    }
    return Repair(line: contents.lines.count + 1, bytes: tail.count, sideFile: sideFile)
  }

  /// Appends a record to the side file durably, or leaves the side file as it was.
  private func save(_ record: Data, _ side: Int32, _ length: off_t) throws(LedgerError) {
    do {
      try POSIXFile.writeAll(side, record, path: sideFile.path)
      try POSIXFile.sync(side, path: sideFile.path)
      POSIXFile.syncDirectory(of: sideFile)
    } catch {
      _ = ftruncate(side, length)
      throw error
    }
  }

  private func truncate(_ fd: Int32, to length: Int) throws(LedgerError) {
    guard ftruncate(fd, off_t(length)) == 0 else {
      throw .io(path: url.path, reason: Phrase("cannot truncate: ", es: "no se puede truncar: ", errno: errno))
    }
    try POSIXFile.sync(fd, path: url.path)
  }

  func lock(_ fd: Int32) throws(LedgerError) {
    while flock(fd, LOCK_EX) != 0 {
      if errno == EINTR { continue }
      throw .io(path: url.path, reason: Phrase("cannot lock: ", es: "no se puede bloquear: ", errno: errno))
    }
  }
}
