import Foundation
import VeedorErrors

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading only the end of a ledger: what a snapshot of its state needs checked against the file.
extension LedgerFile {
  /// The line that ends at a known length of the ledger and every line after it.
  public struct Tail: Sendable {
    /// The complete line whose newline is the last byte before the known length.
    public var lastLine: Data
    /// The lines after the known length (`goodLength` counts from it), and any torn tail.
    public var rest: Contents
    /// The file's length when it was read.
    public var fileSize: Int
  }

  /// Reads the line ending at byte `length` and every byte after it; nil when the file is now shorter
  /// or byte `length - 1` is not the end of a line. `fd`, when given, is an open descriptor of the file.
  public func tail(after length: Int, fd: Int32? = nil) throws(LedgerError) -> Tail? {
    let descriptor = fd ?? open(url.path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw .io(path: url.path, reason: Phrase("cannot open: ", es: "no se puede abrir: ", errno: errno))
    }
    defer { if fd == nil { close(descriptor) } }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw .io(path: url.path, reason: Phrase("cannot stat: ", es: "no se puede consultar: ", errno: errno))
    }
    let fileSize = Int(info.st_size)
    guard length > 0, fileSize >= length else { return nil }
    // The longest line and the newline on each side of it.
    let window = min(length, Self.maxLineBytes + 2)
    let before = try readBytes(descriptor, at: length - window, count: window)
    guard before.count == window, before.last == 0x0A else { return nil }
    let body = before.dropLast()
    let start = body.lastIndex(of: 0x0A).map { $0 + 1 } ?? body.startIndex
    guard start > body.startIndex || window == length else { return nil }
    let after = try readBytes(descriptor, at: length, count: fileSize - length)
    guard after.count == fileSize - length else { return nil }
    WorkCounter.add("lines read", 1)
    return Tail(lastLine: Data(body[start...]), rest: Self.split(after), fileSize: fileSize)
  }

  /// The entry count and leaf hash `ledger.jsonl.head` records, if it holds them.
  public func recordedHead() -> (count: Int, leaf: String)? {
    guard let text = try? String(contentsOf: headFile, encoding: .utf8) else { return nil }
    let parts = text.split(separator: " ")
    guard parts.count == 2, let count = Int(parts[0]), count > 0 else { return nil }
    return (count, parts[1].trimmingCharacters(in: .whitespacesAndNewlines))
  }

  private func readBytes(_ fd: Int32, at offset: Int, count: Int) throws(LedgerError) -> Data {
    guard count > 0 else { return Data() }
    var data = Data(count: count)
    var done = 0
    var failure: Int32 = 0
    data.withUnsafeMutableBytes { raw in
      guard let base = raw.baseAddress else { return }
      while done < count {
        let n = pread(fd, base + done, count - done, off_t(offset + done))
        if n < 0 && errno == EINTR { continue }
        if n < 0 { failure = errno }
        if n <= 0 { return }
        done += n
      }
    }
    guard failure == 0 else {
      throw .io(path: url.path, reason: Phrase("cannot read: ", es: "no se puede leer: ", errno: failure))
    }
    return data.prefix(done)
  }
}
