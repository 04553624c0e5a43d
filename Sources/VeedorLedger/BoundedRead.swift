import Crypto
import Foundation
import VeedorErrors

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading outside files with a size limit checked before any byte is read.
public enum BoundedRead {
  /// Why a bounded read did not return the file's bytes.
  public enum Failure: Error, Sendable, Hashable {
    /// The file could not be opened or read.
    case unreadable(Phrase)
    /// The file is not a regular file.
    case notAFile
    /// The file holds more bytes than the limit.
    case tooLarge(size: Int64, limit: Int64)
  }

  /// The bytes of a regular file no larger than `limit`; the size is checked on the open descriptor first.
  /// With `followingLinks: false` a symlink is not opened (`unreadable`).
  public static func contents(of url: URL, limit: Int64, followingLinks: Bool = true) throws(Failure) -> Data {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; only regular files are read.
    let fd = open(url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followingLinks ? 0 : O_NOFOLLOW))
    guard fd >= 0 else { throw .unreadable(SystemError.phrase(errno)) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw .unreadable(SystemError.phrase(errno)) }
    guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notAFile }
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    let size = Int64(info.st_size)
    guard size <= limit else { throw .tooLarge(size: size, limit: limit) }
    var data = Data(count: Int(size))
    var done = 0
    var failure: Int32 = 0
    data.withUnsafeMutableBytes { raw in
      guard let base = raw.baseAddress else { return }
      while done < Int(size) {
        let n = read(fd, base + done, Int(size) - done)
        if n < 0 && errno == EINTR { continue }
        if n < 0 { failure = errno }
        if n <= 0 { return }
        done += n
      }
    }
    guard failure == 0 else { throw .unreadable(SystemError.phrase(failure)) }
    // A file that shrank while being read is read as it was; one that grew is cut at the size checked.
    return data.prefix(done)
  }

  /// SHA-256 (hex) of a file, mapped into memory rather than read, so size costs no RAM.
  public static func sha256(of url: URL) throws -> String {
    let mapped = try Data(contentsOf: url, options: .alwaysMapped)
    var hasher = SHA256()
    mapped.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    return Data(hasher.finalize()).hexString
  }
}

extension BoundedRead.Failure: CustomStringConvertible, SpanishDescribable {
  /// The reason in both languages, each message's two texts side by side.
  var phrase: Phrase {
    switch self {
    case .unreadable(let why):
      return Phrase("cannot read the file: \(why)", es: "no se puede leer el archivo: \(why.es)")
    case .notAFile: return Phrase("not a regular file", es: "no es un archivo regular")
    case .tooLarge(let size, let limit):
      return Phrase(
        "\(size) bytes, more than the limit of \(limit)", es: "\(size) bytes, más que el límite de \(limit)")
    }
  }

  /// The reason in words, for a one-line error.
  public var description: String { phrase.en }

  /// The reason in Spanish, for a one-line error.
  public var spanishDescription: String { phrase.es }
}
