/// Writes a ``TreeNode`` as canonical JSON: no whitespace, object keys in the order of their UTF-8
/// bytes (that is, of their code points), strings escaped as docs/formats.md says.
struct CanonicalWriter {
  /// The bytes written so far.
  private(set) var bytes: [UInt8] = []

  private static let hex = Array("0123456789abcdef".utf8)

  /// Appends one node.
  mutating func write(_ node: TreeNode) {
    switch node {
    case .string(let text): string(text)
    case .literal(let text): bytes.append(contentsOf: text.utf8)
    case .array(let array):
      bytes.append(UInt8(ascii: "["))
      for (i, item) in array.items.enumerated() {
        if i > 0 { bytes.append(UInt8(ascii: ",")) }
        write(item)
      }
      bytes.append(UInt8(ascii: "]"))
    case .object(let object):
      bytes.append(UInt8(ascii: "{"))
      let order = object.keys.indices.sorted { object.keys[$0].utf8.lexicographicallyPrecedes(object.keys[$1].utf8) }
      for (n, i) in order.enumerated() {
        if n > 0 { bytes.append(UInt8(ascii: ",")) }
        string(object.keys[i])
        bytes.append(UInt8(ascii: ":"))
        write(object.values[i])
      }
      bytes.append(UInt8(ascii: "}"))
    }
  }

  /// A string: `"` and `\` escaped, U+0008/09/0A/0C/0D as `\b \t \n \f \r`, other controls as
  /// `\u00xx`, everything else verbatim UTF-8 (runs without escapes copied whole).
  private mutating func string(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { utf8 in
      var run = 0
      for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
        run = i + 1
        escape(byte)
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private mutating func escape(_ byte: UInt8) {
    bytes.append(UInt8(ascii: "\\"))
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
    case 0x08: bytes.append(UInt8(ascii: "b"))
    case 0x09: bytes.append(UInt8(ascii: "t"))
    case 0x0A: bytes.append(UInt8(ascii: "n"))
    case 0x0C: bytes.append(UInt8(ascii: "f"))
    case 0x0D: bytes.append(UInt8(ascii: "r"))
    default:
      bytes.append(contentsOf: Array("u00".utf8))
      bytes.append(Self.hex[Int(byte >> 4)])
      bytes.append(Self.hex[Int(byte & 0x0F)])
    }
  }
}
