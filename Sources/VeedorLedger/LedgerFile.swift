import Foundation

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
      throw .io(path: url.path, reason: "cannot read: \(error.localizedDescription)")
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
    return Contents(lines: lines, tornTail: nil, goodLength: start)
  }

  /// Appends lines under an exclusive lock and makes them durable before returning.
  ///
  /// `makeLines` sees the ledger as it is under the lock and returns the new lines (without
  /// newlines); it may throw to abandon the append, leaving the file untouched.
  /// - Returns: the number of entries after the append.
  @discardableResult
  public func append(_ makeLines: (Contents) throws -> [Data]) throws -> Int {
    let existed = FileManager.default.fileExists(atPath: url.path)
    let fd = open(url.path, O_RDWR | O_APPEND | O_CREAT, 0o644)
    guard fd >= 0 else {
      throw LedgerError.io(path: url.path, reason: "cannot open: \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    try lock(fd)
    defer { flock(fd, LOCK_UN) }
    let contents = try read()
    if contents.tornTail != nil {
      throw LedgerError.tornTail(path: url.path, line: contents.lines.count + 1)
    }
    let lines = try makeLines(contents)
    guard !lines.isEmpty else { return contents.lines.count }
    var bytes = Data()
    for line in lines {
      guard !line.contains(0x0A) else {
        throw LedgerError.badLine(path: url.path, line: 0, reason: "an entry may not contain a newline")
      }
      bytes.append(line)
      bytes.append(0x0A)
    }
    try POSIXFile.writeAll(fd, bytes, path: url.path)
    try POSIXFile.sync(fd, path: url.path)
    if !existed { POSIXFile.syncDirectory(of: url) }
    return contents.lines.count + lines.count
  }

  /// Moves a torn last line into the side file `ledger.jsonl.torn`, never discarding it.
  ///
  /// - Returns: what was moved, or nil when the ledger had nothing to repair.
  public func repair() throws(LedgerError) -> Repair? {
    let fd = open(url.path, O_RDWR)
    guard fd >= 0 else { throw .io(path: url.path, reason: "cannot open: \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    try lock(fd)
    defer { flock(fd, LOCK_UN) }
    let contents = try read()
    guard let tail = contents.tornTail else { return nil }
    let side = open(sideFile.path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
    guard side >= 0 else {
      throw .io(path: sideFile.path, reason: "cannot open: \(String(cString: strerror(errno)))")
    }
    defer { close(side) }
    var record = tail
    if record.last != 0x0A { record.append(0x0A) }
    try POSIXFile.writeAll(side, record, path: sideFile.path)
    try POSIXFile.sync(side, path: sideFile.path)
    POSIXFile.syncDirectory(of: sideFile)
    guard ftruncate(fd, off_t(contents.goodLength)) == 0 else {
      throw .io(path: url.path, reason: "cannot truncate: \(String(cString: strerror(errno)))")
    }
    try POSIXFile.sync(fd, path: url.path)
    return Repair(line: contents.lines.count + 1, bytes: tail.count, sideFile: sideFile)
  }

  private func lock(_ fd: Int32) throws(LedgerError) {
    while flock(fd, LOCK_EX) != 0 {
      if errno == EINTR { continue }
      throw .io(path: url.path, reason: "cannot lock: \(String(cString: strerror(errno)))")
    }
  }
}
