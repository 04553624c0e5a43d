import Foundation

/// A JSON array printed a batch of elements at a time, byte for byte what ``Output/json(_:)`` prints
/// for the whole array: each element pretty-printed alone and indented one level (lines left empty
/// by the encoder stay empty), `[` before the first, `,` between, `]` and a newline after the last.
struct JSONArrayOutput {
  /// The encoder `Output.json` uses.
  static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  /// Elements printed so far.
  private(set) var count = 0

  /// Prints more elements (encoded on every core).
  mutating func append<T: Encodable & Sendable>(_ items: [T]) throws {
    let body = try ParallelText.join(items) { chunk in
      let encoder = JSONArrayOutput.encoder()
      var out: [UInt8] = []
      for item in chunk {
        out += Array(",\n".utf8)
        var lineStart = true
        for byte in try encoder.encode(item) {
          if lineStart && byte != 0x0A { out += [0x20, 0x20] }
          out.append(byte)
          lineStart = byte == 0x0A
        }
      }
      return out
    }
    guard !body.isEmpty else { return }
    // The first element opens the array instead of following a comma.
    ParallelText.write(count == 0 ? Array("[".utf8) + body.dropFirst() : body)
    count += items.count
  }

  /// Ends the array (an empty one as the encoder writes it).
  func finish() throws {
    if count == 0 { return try Output.json([Int]()) }
    print("\n]")
  }
}
