import Foundation
import VeedorErrors

/// What one HTTP exchange gave: the status, the body, and what went wrong (nil on a complete response).
public struct HTTPResult: Sendable {
  /// The HTTP status (0 when no response arrived).
  public var status: Int
  /// The body received.
  public var data: Data
  /// What went wrong, in English and Spanish; nil on a complete response.
  public var problem: Phrase?

  /// Creates a result.
  public init(status: Int = 0, data: Data = Data(), problem: Phrase? = nil) {
    self.status = status
    self.data = data
    self.problem = problem
  }
}

/// Something that sends one HTTP request with a hard limit on the bytes received and on the total
/// time, so a slow or endless server can neither hang a command nor fill memory. TLS comes from the
/// system's HTTP stack (Foundation's `URLSession`), never from Veedor.
public protocol HTTPTransport: Sendable {
  /// Sends the request; stops reading past `maxBytes` and gives up after `deadline` seconds.
  func request(_ url: URL, method: String, body: Data?, maxBytes: Int, deadline: TimeInterval) -> HTTPResult
}

/// The transport every HTTP fetch of this module goes through. By default the `veedor-http` helper
/// beside the running program (so `FoundationNetworking`, libcurl and its TLS libraries are loaded
/// only by the commands that fetch); a program that links `VeedorHTTP` may set `URLSessionTransport`.
public enum HTTPTransports {
  /// Guards `chosen`.
  private static let lock = NSLock()
  /// The transport set, read and written under `lock`.
  nonisolated(unsafe) private static var chosen: any HTTPTransport = HelperProcessTransport()

  /// The transport in use.
  public static var current: any HTTPTransport {
    get { lock.withLock { chosen } }
    set { lock.withLock { chosen = newValue } }
  }
}

/// One HTTP request through the current transport, for `http` and `https` addresses only.
enum HTTPFetch {
  /// Sends the request; stops reading past `maxBytes` and gives up after `deadline` seconds.
  static func request(_ url: URL, method: String, body: Data?, maxBytes: Int, deadline: TimeInterval) -> HTTPResult {
    guard url.scheme == "http" || url.scheme == "https" else {
      return HTTPResult(
        problem: Phrase(
          "only http and https addresses are fetched", es: "solo se obtienen direcciones http y https"))
    }
    return HTTPTransports.current.request(url, method: method, body: body, maxBytes: maxBytes, deadline: deadline)
  }
}
