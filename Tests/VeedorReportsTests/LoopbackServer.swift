import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A minimal HTTP/1.1 server on 127.0.0.1 for tests: one request per connection, handled by a
/// closure; it counts requests by path.
final class LoopbackServer: @unchecked Sendable {
  /// A request as the handler sees it.
  struct Request {
    var method: String
    var path: String
    var body: Data
  }

  /// A response.
  struct Response {
    var status: Int
    var body: Data
    var contentType = "application/octet-stream"
  }

  let port: UInt16
  private let socket: Int32
  private let handler: @Sendable (Request) -> Response
  private let lock = NSLock()
  private var paths: [String] = []
  private var stopped = false

  /// Starts listening on an ephemeral port.
  init(handler: @escaping @Sendable (Request) -> Response) throws {
    self.handler = handler
    let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, length) }
    }
    guard bound == 0, listen(fd, 16) == 0 else { throw CocoaError(.fileWriteUnknown) }
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    socket = fd
    port = UInt16(bigEndian: address.sin_port)
    Thread.detachNewThread { [self] in self.serve() }
  }

  /// Serves files from a folder: GET /PATH reads FOLDER/PATH.
  static func files(_ folder: URL) throws -> LoopbackServer {
    try LoopbackServer { request in
      let relative = String(request.path.drop(while: { $0 == "/" }))
      guard request.method == "GET", !relative.contains(".."),
        let data = try? Data(contentsOf: folder.appendingPathComponent(relative))
      else { return Response(status: 404, body: Data("not found\n".utf8)) }
      return Response(status: 200, body: data)
    }
  }

  /// `http://127.0.0.1:PORT`.
  var url: String { "http://127.0.0.1:\(port)" }

  /// Paths requested so far.
  var requested: [String] { lock.withLock { paths } }

  /// Stops accepting connections.
  func stop() {
    lock.withLock { stopped = true }
    shutdown(socket, Int32(SHUT_RDWR))
    close(socket)
  }

  private func serve() {
    while true {
      let client = accept(socket, nil, nil)
      if client < 0 {
        if lock.withLock({ stopped }) { return }
        continue
      }
      handle(client)
      close(client)
    }
  }

  private func handle(_ client: Int32) {
    var buffer = Data()
    var chunk = [UInt8](repeating: 0, count: 65_536)
    var headerEnd: Range<Data.Index>?
    while headerEnd == nil {
      let n = read(client, &chunk, chunk.count)
      guard n > 0 else { return }
      buffer.append(contentsOf: chunk[0..<n])
      headerEnd = buffer.range(of: Data("\r\n\r\n".utf8))
    }
    guard let end = headerEnd else { return }
    let head = String(decoding: buffer[..<end.lowerBound], as: UTF8.self).split(separator: "\r\n")
    let first = head.first?.split(separator: " ") ?? []
    guard first.count >= 2 else { return }
    var length = 0
    for line in head.dropFirst() where line.lowercased().hasPrefix("content-length:") {
      length = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) ?? 0
    }
    var body = Data(buffer[end.upperBound...])
    while body.count < length {
      let n = read(client, &chunk, chunk.count)
      guard n > 0 else { return }
      body.append(contentsOf: chunk[0..<n])
    }
    let request = Request(method: String(first[0]), path: String(first[1]), body: body)
    lock.withLock { paths.append(request.path) }
    let response = handler(request)
    var out = Data(
      "HTTP/1.1 \(response.status) X\r\nContent-Type: \(response.contentType)\r\nContent-Length: \(response.body.count)\r\nConnection: close\r\n\r\n"
        .utf8)
    out.append(response.body)
    out.withUnsafeBytes { raw in
      var sent = 0
      while sent < raw.count {
        let n = write(client, raw.baseAddress! + sent, raw.count - sent)
        if n <= 0 { return }
        sent += n
      }
    }
  }
}
