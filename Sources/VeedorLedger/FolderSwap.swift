import Foundation
import VeedorErrors

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Output folders written whole: built in a fresh folder beside the target, then swapped into place
/// in one rename, so a crash leaves the old folder or the new one, never a mix, and nothing is ever
/// written through a symlink planted inside the target.
public enum FolderSwap {
  /// Builds a new folder with `build` and puts it where `target` is.
  ///
  /// With `keepOthers`, entries of the old folder that `build` did not write (e.g. a `keys/` folder
  /// someone put inside a report folder) are copied into the new one first, as they are, those `keeping`
  /// accepts (by name): a name the builder owns and chose not to write this time is left out.
  public static func replace(
    _ target: URL, keepOthers: Bool = true, keeping: (String) -> Bool = { _ in true },
    alreadyDurable: (String) -> Bool = { _ in false }, build: (URL) throws -> Void
  ) throws {
    let fm = FileManager.default
    let parent = target.deletingLastPathComponent()
    try fm.createDirectory(at: parent, withIntermediateDirectories: true)
    removeStale(beside: target)
    let staging = parent.appendingPathComponent(".\(target.lastPathComponent).new-\(getpid())-\(UUID().uuidString)")
    try fm.createDirectory(at: staging, withIntermediateDirectories: false)
    do {
      try build(staging)
      let isLink = (try? fm.destinationOfSymbolicLink(atPath: target.path)) != nil
      if keepOthers && isFolder(target) && !isLink {
        let written = Set(try fm.contentsOfDirectory(atPath: staging.path))
        for name in try fm.contentsOfDirectory(atPath: target.path) where !written.contains(name) && keeping(name) {
          try fm.copyItem(at: target.appendingPathComponent(name), to: staging.appendingPathComponent(name))
        }
      }
      syncTree(staging, skipping: alreadyDurable)
      try swap(staging, into: target)
    } catch {
      try? fm.removeItem(at: staging)
      throw error
    }
  }

  /// Removes staging folders beside `target` left by a process that no longer runs (killed mid-build).
  static func removeStale(beside target: URL) {
    let parent = target.deletingLastPathComponent()
    let prefix = ".\(target.lastPathComponent).new-"
    for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
      guard let pid = pid_t(name.dropFirst(prefix.count).prefix { $0.isNumber }), pid != getpid() else { continue }
      if kill(pid, 0) == 0 || errno == EPERM { continue }
      try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
    }
  }

  /// Moves `staging` to `target`; anything already there (a folder, a file, a symlink — never
  /// followed) is exchanged atomically, then removed.
  static func swap(_ staging: URL, into target: URL) throws {
    var info = stat()
    if lstat(target.path, &info) != 0 {
      guard rename(staging.path, target.path) == 0 else {
        throw LedgerError.io(
          path: target.path,
          reason: Phrase("cannot move into place: ", es: "no se puede mover a su lugar: ", errno: errno))
      }
    } else {
      guard exchange(staging.path, target.path) else {
        throw LedgerError.io(
          path: target.path,
          reason: Phrase(
            "cannot swap into place: ", es: "no se puede intercambiar en su lugar: ", errno: errno))
      }
      // `staging` now names what was there before; a symlink is removed as a link.
      try? FileManager.default.removeItem(at: staging)
    }
    POSIXFile.syncDirectory(of: target)
  }

  static func isFolder(_ url: URL) -> Bool {
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
  }

  /// Atomically exchanges two paths (Linux `renameat2(RENAME_EXCHANGE)`, macOS `renamex_np(RENAME_SWAP)`).
  static func exchange(_ a: String, _ b: String) -> Bool {
    #if canImport(Glibc)
      typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
      guard let symbol = dlsym(nil, "renameat2") else {
        errno = ENOSYS
        return false
      }
      let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
      return renameat2(AT_FDCWD, a, AT_FDCWD, b, 2) == 0  // RENAME_EXCHANGE
    #else
      return renamex_np(a, b, UInt32(RENAME_SWAP)) == 0
    #endif
  }

  /// fsyncs every regular file and folder under `root` (but the files `skipping` names by relative
  /// path, hard links to files already durable), so the swapped-in folder is durable.
  public static func syncTree(_ root: URL, skipping: (String) -> Bool = { _ in false }) {
    let paths =
      [root.path]
      + (FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []).filter {
        !skipping($0)
      }.map { root.appendingPathComponent($0).path }
    for path in paths {
      let fd = open(path, O_RDONLY | O_NOFOLLOW)
      guard fd >= 0 else { continue }
      _ = fsync(fd)
      close(fd)
    }
  }
}
