import Crypto
import Foundation
import VeedorLedger
import VeedorPlan
import VeedorRecords

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
      removeStaleIncoming()
      let temp = root.appendingPathComponent(".incoming-\(getpid())-\(UUID().uuidString)")
      guard FileManager.default.createFile(atPath: temp.path, contents: nil) else {
        throw WorkspaceError(
          .io, "cannot create a file in \(root.path)", es: "no se puede crear un archivo en \(root.path)")
      }
      defer { try? FileManager.default.removeItem(at: temp) }
      let input = try FileHandle(forReadingFrom: source)
      defer { try? input.close() }
      let output = try FileHandle(forWritingTo: temp)
      var hasher = SHA256()
      var size: Int64 = 0
      while let chunk = try input.read(upToCount: 4 << 20), !chunk.isEmpty {
        hasher.update(data: chunk)
        try output.write(contentsOf: chunk)
        size += Int64(chunk.count)
      }
      try output.synchronize()
      try output.close()
      let sha = Data(hasher.finalize()).hexString
      let target = path(for: sha)
      try FileManager.default.createDirectory(
        at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      if !FileManager.default.fileExists(atPath: target.path) {
        try FileManager.default.moveItem(at: temp, to: target)
        POSIXFile.syncDirectory(of: target)
      }
      return (sha, size)
    } catch let error as WorkspaceError {
      throw error
    } catch {
      throw WorkspaceError(
        .io, "cannot store evidence: \(error.localizedDescription)",
        es: "no se puede guardar la evidencia: \(error.localizedDescription)", file: file)
    }
  }

  /// SHA-256 (hex) of a file, mapped into memory rather than read, so size costs no RAM.
  public static func sha256(of url: URL) throws -> String { try BoundedRead.sha256(of: url) }
}
