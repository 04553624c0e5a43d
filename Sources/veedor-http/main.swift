import Foundation
import VeedorHTTP
import VeedorTiles

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// `veedor-http METHOD URL MAX-BYTES DEADLINE-SECONDS`: the helper `veedor` runs for each HTTP
// request (tlog-tiles fetches, witnesses). Reads the request body from standard input to its end,
// sends the request through `URLSessionTransport` and writes the result in `HTTPWire` form.
// Veedor keeps this out of its own process so that only fetching commands load libcurl and TLS.

/// METHOD URL MAX-BYTES DEADLINE-SECONDS after the program's name.
let arguments = CommandLine.arguments
guard arguments.count == 5, let maxBytes = Int(arguments[3]), maxBytes >= 0,
  let deadline = Int(arguments[4]), deadline > 0, let url = URL(string: arguments[2])
else {
  FileHandle.standardError.write(
    Data(
      "usage: veedor-http METHOD URL MAX-BYTES DEADLINE-SECONDS\nuso: veedor-http MÉTODO URL MÁX-BYTES PLAZO-SEGUNDOS\n"
        .utf8))
  exit(2)
}
/// The largest request body passed on (a witness request is a few KiB).
let maxBody = 16 * 1024 * 1024
/// The request body, read from standard input to its end.
var body = Data()
while let chunk = try? FileHandle.standardInput.read(upToCount: 65_536), !chunk.isEmpty {
  body.append(chunk)
  guard body.count <= maxBody else {
    FileHandle.standardError.write(
      Data(
        "veedor-http: request body over \(maxBody) bytes\nveedor-http: cuerpo de la solicitud de más de \(maxBody) bytes\n"
          .utf8))
    exit(2)
  }
}
/// The HTTP method (GET for tiles, POST for a witness).
let method = arguments[1]
/// What the request gave, written back whole.
let result = URLSessionTransport().request(
  url, method: method, body: method == "GET" ? nil : body, maxBytes: maxBytes, deadline: TimeInterval(deadline))
FileHandle.standardOutput.write(HTTPWire.encode(result))
exit(0)
