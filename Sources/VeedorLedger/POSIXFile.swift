import Foundation
import VeedorErrors

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Small POSIX helpers for durable writes: write-all, fsync, atomic replace.
public enum POSIXFile {
  /// Writes all bytes to a descriptor, retrying short writes.
  public static func writeAll(_ fd: Int32, _ data: some ContiguousBytes, path: String) throws(LedgerError) {
    var failure: Int32 = 0
    data.withUnsafeBytes { raw in
      guard var base = raw.baseAddress else { return }
      var left = raw.count
      while left > 0 {
        let n = write(fd, base, left)
        if n < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        left -= n
        base += n
      }
    }
    if failure != 0 { throw .io(path: path, reason: SystemError.phrase(failure)) }
  }

  /// Flushes a descriptor to stable storage.
  public static func sync(_ fd: Int32, path: String) throws(LedgerError) {
    if fsync(fd) != 0 {
      throw .io(path: path, reason: Phrase("fsync failed: ", es: "falló fsync: ", errno: errno))
    }
  }

  /// Flushes a directory entry so a rename or create survives a crash.
  public static func syncDirectory(of url: URL) {
    let fd = open(url.deletingLastPathComponent().path, O_RDONLY)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }

  /// Copies a file of any size into place atomically, streaming rather than loading it.
  public static func copyAtomically(from source: URL, to url: URL) throws(LedgerError) {
    let temp = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    do { try FileManager.default.copyItem(at: source, to: temp) } catch {
      let why = SystemError.describe(error)
      throw .io(path: source.path, reason: Phrase("cannot copy: \(why.en)", es: "no se puede copiar: \(why.es)"))
    }
    let fd = open(temp.path, O_RDONLY)
    if fd >= 0 {
      _ = fsync(fd)
      close(fd)
    }
    if rename(temp.path, url.path) != 0 {
      let reason = Phrase("cannot replace: ", es: "no se puede reemplazar: ", errno: errno)
      unlink(temp.path)
      throw .io(path: url.path, reason: reason)
    }
    syncDirectory(of: url)
  }

  /// Creates a new file in a private staging folder (never through an existing name or symlink),
  /// without fsync: the caller makes the whole folder durable once (``FolderSwap``).
  public static func writeNew(_ data: Data, to url: URL, mode: mode_t = 0o644) throws(LedgerError) {
    let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode)
    guard fd >= 0 else {
      throw .io(path: url.path, reason: Phrase("cannot create: ", es: "no se puede crear: ", errno: errno))
    }
    defer { close(fd) }
    try writeAll(fd, data, path: url.path)
  }

  /// Replaces a file atomically: writes a temporary file beside it, fsyncs, renames, fsyncs the folder.
  ///
  /// With `durable: false` nothing is fsynced: a reader still sees the old file or the new one, never a
  /// mix, but after a power loss the file may be older or damaged (for caches checked before use).
  public static func writeAtomically(
    _ data: some ContiguousBytes, to url: URL, mode: mode_t = 0o644, durable: Bool = true
  )
    throws(LedgerError)
  {
    let temp = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode)
    guard fd >= 0 else {
      throw .io(path: url.path, reason: Phrase("cannot create: ", es: "no se puede crear: ", errno: errno))
    }
    do {
      try writeAll(fd, data, path: temp.path)
      if durable { try sync(fd, path: temp.path) }
      close(fd)
    } catch {
      close(fd)
      unlink(temp.path)
      throw error
    }
    if rename(temp.path, url.path) != 0 {
      let reason = Phrase("cannot replace: ", es: "no se puede reemplazar: ", errno: errno)
      unlink(temp.path)
      throw .io(path: url.path, reason: reason)
    }
    if durable { syncDirectory(of: url) }
  }
}
