import Foundation
import VeedorErrors

/// Where a tiled log is read from: a folder (or `file://` URL) or an `http(s)://` prefix. Counts what
/// it fetches, so a caller can show that only the needed tiles were read.
public final class TileSource: @unchecked Sendable {
  /// The prefix as given.
  public let location: String
  private let folder: URL?
  private let base: URL?
  private let lock = NSLock()
  private var fetched: [String] = []
  /// The largest resource accepted (a full entry bundle of 256 entries of 64 KiB, plus prefixes).
  public static let maxBytes = 256 * 65_537

  /// A source for a folder path, a `file://` URL or an `http(s)://` URL prefix.
  public init(_ location: String) throws(TilesError) {
    self.location = location
    if location.hasPrefix("http://") || location.hasPrefix("https://") {
      guard let url = URL(string: location.hasSuffix("/") ? location : location + "/") else {
        throw TilesError(.badInput, "not a URL", es: "no es una URL", field: "--log")
      }
      (folder, base) = (nil, url)
    } else if location.hasPrefix("file://") {
      guard let url = URL(string: location), url.isFileURL else {
        throw TilesError(.badInput, "not a file URL", es: "no es una URL de archivo", field: "--log")
      }
      (folder, base) = (url, nil)
    } else {
      (folder, base) = (URL(fileURLWithPath: location), nil)
    }
  }

  /// Paths fetched so far, in order.
  public var fetchedPaths: [String] { lock.withLock { fetched } }

  /// The bytes at a path under the prefix (`checkpoint`, `tile/0/000`…).
  public func fetch(_ path: String) throws(TilesError) -> Data {
    lock.withLock { fetched.append(path) }
    if let folder {
      let url = folder.appendingPathComponent(path)
      guard let data = try? Data(contentsOf: url), data.count <= Self.maxBytes else {
        throw TilesError(
          .io, "cannot read \(path) from the log folder", es: "no se puede leer \(path) de la carpeta del registro",
          file: url.path)
      }
      return data
    }
    guard let base, let url = URL(string: path, relativeTo: base) else {
      throw TilesError(.badInput, "not a URL", es: "no es una URL", field: path)
    }
    return try Self.get(url, path: path)
  }

  private static func get(_ url: URL, path: String) throws(TilesError) -> Data {
    let result = HTTPFetch.request(url, method: "GET", body: nil, maxBytes: maxBytes, deadline: 60)
    guard result.problem == nil, result.status == 200 else {
      let problem = result.problem ?? Phrase("HTTP status \(result.status)", es: "estado HTTP \(result.status)")
      throw TilesError(
        .io, "cannot fetch \(path): \(problem.en)", es: "no se puede obtener \(path): \(problem.es)",
        file: url.absoluteString)
    }
    return result.data
  }
}
