import Foundation
import Testing
import VeedorErrors
import VeedorTiles

/// HTTP goes through the `veedor-http` helper (so `veedor` itself never loads libcurl): the answer
/// comes back whole, the limits still hold on this side, and a malformed answer is refused.
@Suite("Tiles over HTTP through the veedor-http helper")
struct TilesHTTPHelperTests {
  /// A body served over loopback HTTP arrives byte for byte, and the request and its body reach the server.
  @Test("a GET and a POST through the helper carry the bytes both ways")
  func roundTrip() throws {
    let bytes = Data((0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
    let server = try LoopbackServer { request in
      request.method == "POST"
        ? LoopbackServer.Response(status: 201, body: Data("got \(request.body.count)".utf8))
        : LoopbackServer.Response(status: 200, body: bytes)
    }
    defer { server.stop() }
    #expect(try TileSource(server.url).fetch("tile/0/000") == bytes)
    let post = HelperProcessTransport().request(
      try #require(URL(string: server.url + "/add-checkpoint")), method: "POST", body: Data(repeating: 1, count: 300),
      maxBytes: 1024, deadline: 10)
    #expect(post.problem == nil, "\(String(describing: post.problem))")
    #expect(post.status == 201)
    #expect(String(decoding: post.data, as: UTF8.self) == "got 300")
  }

  /// An answer over the limit is refused with no body kept.
  @Test("an answer over the limit is refused, in English and Spanish")
  func overLimit() throws {
    let server = try LoopbackServer { _ in
      LoopbackServer.Response(status: 200, body: Data(repeating: 0x41, count: 5000))
    }
    defer { server.stop() }
    let result = HelperProcessTransport().request(
      try #require(URL(string: server.url + "/checkpoint")), method: "GET", body: nil, maxBytes: 100, deadline: 10)
    #expect(result.data.isEmpty)
    let problem = try #require(result.problem)
    #expect(problem.en.contains("limit") && problem.es.contains("límite"), "\(problem.en) / \(problem.es)")
  }

  /// The helper's answer format round-trips, and anything else is refused.
  @Test("the helper's answer format is exact")
  func wireFormat() {
    let result = HTTPResult(status: 409, data: Data("12\n".utf8), problem: Phrase("too old", es: "demasiado viejo"))
    let decoded = HTTPWire.decode(HTTPWire.encode(result))
    #expect(decoded?.status == 409 && decoded?.data == result.data && decoded?.problem == result.problem)
    #expect(HTTPWire.decode(HTTPWire.encode(HTTPResult(status: 200)))?.problem == nil)
    #expect(HTTPWire.decode(HTTPWire.encode(result) + Data([0x0A])) == nil)
    #expect(HTTPWire.decode(HTTPWire.encode(result).dropLast()) == nil)
    #expect(HTTPWire.decode(Data("veedor-http/1 200 0 0 -1\n".utf8)) == nil)
    #expect(HTTPWire.decode(Data("HTTP/1.1 200 OK\r\n\r\n".utf8)) == nil)
  }
}
