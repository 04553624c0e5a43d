/// A JSON string as Veedor writes it everywhere: `"` and `\` escaped, U+0008/09/0A/0C/0D as
/// `\b \t \n \f \r`, the other controls below U+0020 as `\u00xx` (lower-case hex), everything
/// else verbatim UTF-8 (`/`, DEL, U+2028 included).
public enum JSONString {
  private static let hex = Array("0123456789abcdef".utf8)

  /// Appends `text`, quoted and escaped, to `bytes` (runs without escapes are copied whole).
  public static func append(_ text: String, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { utf8 in
      var run = 0
      var i = 0
      while i < utf8.count {
        // Eight bytes at a time while none of them needs an escape.
        if i + 8 <= utf8.count,
          !mayNeedEscape(UnsafeRawBufferPointer(utf8).loadUnaligned(fromByteOffset: i, as: UInt64.self))
        {
          i += 8
          continue
        }
        let byte = utf8[i]
        if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
          run = i + 1
          escape(byte, to: &bytes)
        }
        i += 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// Whether any of eight bytes is below 0x20, a `"` or a `\` (exact: no byte is missed).
  @inline(__always)
  private static func mayNeedEscape(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let below = (word &- ones &* 0x20) & ~word & highs
    let quote = word ^ (ones &* 0x22)
    let backslash = word ^ (ones &* 0x5C)
    let quotes = (quote &- ones) & ~quote & highs
    let backslashes = (backslash &- ones) & ~backslash & highs
    return below | quotes | backslashes != 0
  }

  private static func escape(_ byte: UInt8, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\\"))
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
    case 0x08: bytes.append(UInt8(ascii: "b"))
    case 0x09: bytes.append(UInt8(ascii: "t"))
    case 0x0A: bytes.append(UInt8(ascii: "n"))
    case 0x0C: bytes.append(UInt8(ascii: "f"))
    case 0x0D: bytes.append(UInt8(ascii: "r"))
    default:
      bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
      bytes.append(hex[Int(byte >> 4)])
      bytes.append(hex[Int(byte & 0x0F)])
    }
  }
}
