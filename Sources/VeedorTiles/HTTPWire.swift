import Foundation
import VeedorErrors

/// How the `veedor-http` helper hands an `HTTPResult` back on its standard output: one header line
/// `veedor-http/1 STATUS EN ES BODY` (decimal byte counts), then the English problem, the Spanish
/// problem and the body, exactly that many bytes each and nothing after.
public enum HTTPWire {
  /// The header's first word.
  static let magic = "veedor-http/1"

  /// The bytes the helper writes for a result.
  public static func encode(_ result: HTTPResult) -> Data {
    let en = Data((result.problem?.en ?? "").utf8)
    let es = Data((result.problem?.es ?? "").utf8)
    let header = "\(magic) \(result.status) \(en.count) \(es.count) \(result.data.count)\n"
    return Data(header.utf8) + en + es + result.data
  }

  /// The result in the helper's bytes; nil unless they follow the format exactly.
  public static func decode(_ bytes: Data) -> HTTPResult? {
    guard let newline = bytes.firstIndex(of: 0x0A), newline - bytes.startIndex <= 100 else { return nil }
    let words = String(decoding: bytes[bytes.startIndex..<newline], as: UTF8.self).split(separator: " ")
    guard words.count == 5, words[0] == magic else { return nil }
    let numbers = words.dropFirst().compactMap { Int($0) }
    guard numbers.count == 4, numbers.allSatisfy({ $0 >= 0 }) else { return nil }
    let (enCount, esCount, bodyCount) = (numbers[1], numbers[2], numbers[3])
    let rest = bytes[(newline + 1)...]
    guard rest.count == enCount + esCount + bodyCount else { return nil }
    let en = String(decoding: rest.prefix(enCount), as: UTF8.self)
    let es = String(decoding: rest.dropFirst(enCount).prefix(esCount), as: UTF8.self)
    let body = Data(rest.dropFirst(enCount + esCount))
    let problem = en.isEmpty && es.isEmpty ? nil : Phrase(en, es: es)
    return HTTPResult(status: numbers[0], data: body, problem: problem)
  }
}
