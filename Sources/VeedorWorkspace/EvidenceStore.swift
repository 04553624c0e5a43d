import Crypto
import Foundation
import VeedorErrors
import VeedorLedger
import VeedorPlan
import VeedorRecords

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `objects/` folder: evidence files stored by SHA-256, copied while hashing.
public struct EvidenceStore: Sendable {
  /// The `objects/` folder.
  public let root: URL

  /// A store in a folder.
  public init(root: URL) {
    self.root = root
  }

  /// Where a file with this SHA-256 is kept: `objects/ab/abcdef…`.
  public func path(for sha256: String) -> URL {
    root.appendingPathComponent(String(sha256.prefix(2))).appendingPathComponent(sha256)
  }

  /// Removes `.incoming-PID-…` files left by a process that no longer runs (killed mid-copy).
  public func removeStaleIncoming() {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
    for name in names where name.hasPrefix(".incoming-") {
      let pid = name.dropFirst(".incoming-".count).prefix { $0.isNumber }
      // A name without a PID (an older Veedor) or a PID that is gone: nobody is writing it.
      if let number = pid_t(pid), number == getpid() || kill(number, 0) == 0 || errno == EPERM { continue }
      try? FileManager.default.removeItem(at: root.appendingPathComponent(name))
    }
  }

  /// Copies a file into the store in 4 MiB chunks while hashing it; never loads it whole.
  ///
  /// - Returns: the SHA-256 (hex) and size of the stored copy.
  public func store(_ source: URL) throws(WorkspaceError) -> (sha256: String, size: Int64) {
    let file = source.path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
      throw WorkspaceError(.badInput, "no such file", es: "no existe el archivo", file: file)
    }
    guard !isDirectory.boolValue else {
      throw WorkspaceError(
        .badInput, "is a directory; give a file, or --url for a web page",
        es: "es una carpeta; indique un archivo, o --url para una página web", file: file)
    }
    do {
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    } catch {
      throw failure(SystemError.phrase(error), file)
    }
    removeStaleIncoming()
    let temp = root.appendingPathComponent(".incoming-\(getpid())-\(UUID().uuidString)")
    defer { unlink(temp.path) }
    let (sha, size) = try copyHashing(from: file, to: temp.path)
    let target = path(for: sha)
    let folder = target.deletingLastPathComponent().path
    if mkdir(folder, 0o755) != 0 && errno != EEXIST {
      throw failure(SystemError.phrase(errno), file)
    }
    if access(target.path, F_OK) != 0 {
      guard rename(temp.path, target.path) == 0 else { throw failure(SystemError.phrase(errno), file) }
      POSIXFile.syncDirectory(of: target)
    }
    return (sha, size)
  }

  /// Copies `source` to the new file `temp` (never through an existing name or a symlink) in 4 MiB
  /// chunks while hashing it, and flushes the copy to stable storage.
  private func copyHashing(from source: String, to temp: String) throws(WorkspaceError) -> (String, Int64) {
    let input = open(source, O_RDONLY)
    guard input >= 0 else { throw failure(SystemError.phrase(errno), source) }
    defer { close(input) }
    let output = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
    guard output >= 0 else {
      throw WorkspaceError(
        .io, "cannot create a file in \(root.path)", es: "no se puede crear un archivo en \(root.path)")
    }
    defer { close(output) }
    var hasher = SHA256()
    var size: Int64 = 0
    // A small file needs no 4 MiB buffer (zeroing it would cost more than the copy).
    var info = stat()
    let expected = fstat(input, &info) == 0 ? Int(info.st_size) : 4 << 20
    var buffer = [UInt8](repeating: 0, count: min(4 << 20, max(4096, expected)))
    while true {
      let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      guard n >= 0 else { throw failure(SystemError.phrase(errno), source) }
      if n == 0 { break }
      let chunk = Data(buffer[0..<n])
      hasher.update(data: chunk)
      do throws(LedgerError) { try POSIXFile.writeAll(output, chunk, path: temp) } catch {
        throw failure(Self.reason(error), source)
      }
      size += Int64(n)
    }
    do throws(LedgerError) { try POSIXFile.sync(output, path: temp) } catch {
      throw failure(Self.reason(error), source)
    }
    return (Data(hasher.finalize()).hexString, size)
  }

  /// Why a write or flush of the copy failed, without the temporary file's name.
  private static func reason(_ error: LedgerError) -> Phrase {
    if case .io(_, let reason) = error { return reason }
    return Phrase(error.description, es: error.spanishDescription)
  }

  /// The error of a copy that failed, naming the file being stored.
  private func failure(_ reason: Phrase, _ file: String) -> WorkspaceError {
    WorkspaceError(
      .io, "cannot store evidence: \(reason.en)", es: "no se puede guardar la evidencia: \(reason.es)", file: file)
  }

  /// SHA-256 (hex) of a file, mapped into memory rather than read, so size costs no RAM.
  public static func sha256(of url: URL) throws -> String { try BoundedRead.sha256(of: url) }
}
