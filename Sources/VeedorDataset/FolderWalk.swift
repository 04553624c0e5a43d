import Foundation

/// The entries under a folder, read with `opendir` and `readdir`: what `FileManager`'s enumerator lists
/// for a path (every file, folder and symbolic link below it, as paths relative to it; links are listed,
/// not followed), without an object per entry. Where anything cannot be read, or the folder named is
/// itself a symbolic link (which that enumerator does not enter), nil, and the caller asks `FileManager`,
/// so an odd folder gets its answer.
enum FolderWalk {
  /// The relative paths under `root` whose last component ends with `suffix`, in no set order; nil
  /// when a folder cannot be opened or an entry's kind cannot be told.
  static func paths(under root: String, endingWith suffix: String) -> [String]? {
    var named = root
    while named.count > 1 && named.hasSuffix("/") { named.removeLast() }
    var info = stat()
    guard lstat(named, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
    var found: [String] = []
    var pending: [String] = [""]
    while let relative = pending.popLast() {
      guard let folder = opendir(relative.isEmpty ? root : root + "/" + relative) else { return nil }
      defer { closedir(folder) }
      while let entry = readdir(folder) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        if name == "." || name == ".." { continue }
        // A name that is not UTF-8 is not one this walk can spell back to the file system.
        guard name.utf8.elementsEqual(withUnsafeBytes(of: entry.pointee.d_name) { $0.prefix { $0 != 0 } }) else {
          return nil
        }
        let path = relative.isEmpty ? name : relative + "/" + name
        if name.hasSuffix(suffix) { found.append(path) }
        switch Int32(entry.pointee.d_type) {
        case Int32(DT_DIR): pending.append(path)
        case Int32(DT_UNKNOWN):
          var info = stat()
          guard lstat(root + "/" + path, &info) == 0 else { return nil }
          if info.st_mode & S_IFMT == S_IFDIR { pending.append(path) }
        default: break
        }
      }
    }
    return found
  }
}
