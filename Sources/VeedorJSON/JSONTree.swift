/// A parsed JSON value, for ``TreeDecoder``: strings unescaped, numbers kept as their text.
enum JSONTree {
  /// A string.
  case string(String)
  /// A number's text as written.
  case number(String)
  /// `true` or `false`.
  case bool(Bool)
  /// `null`.
  case null
  /// An array.
  case array([JSONTree])
  /// An object's members in the order written.
  case object([(key: String, value: JSONTree)])

  /// Parses one JSON document (RFC 8259) with nothing but whitespace around it; nil when the bytes
  /// are not JSON or not UTF-8, or nest deeper than 512 levels.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONTree? {
    var parser = JSONTreeParser(bytes: bytes)
    guard let value = parser.value(depth: 0) else { return nil }
    parser.skipSpace()
    return parser.at == bytes.count ? value : nil
  }
}

/// The recursive-descent parser behind ``JSONTree/parse(_:)``.
struct JSONTreeParser {
  let bytes: UnsafeBufferPointer<UInt8>
  var at = 0

  mutating func skipSpace() {
    while at < bytes.count {
      switch bytes[at] {
      case 0x20, 0x09, 0x0A, 0x0D: at += 1
      default: return
      }
    }
  }

  mutating func value(depth: Int) -> JSONTree? {
    guard depth < 512 else { return nil }
    skipSpace()
    guard at < bytes.count else { return nil }
    switch bytes[at] {
    case UInt8(ascii: "\""): return string().map(JSONTree.string)
    case UInt8(ascii: "{"): return object(depth: depth)
    case UInt8(ascii: "["): return array(depth: depth)
    case UInt8(ascii: "t"): return literal("true", .bool(true))
    case UInt8(ascii: "f"): return literal("false", .bool(false))
    case UInt8(ascii: "n"): return literal("null", .null)
    default: return number()
    }
  }

  mutating func literal(_ word: StaticString, _ value: JSONTree) -> JSONTree? {
    let count = word.utf8CodeUnitCount
    guard at + count <= bytes.count else { return nil }
    for i in 0..<count where bytes[at + i] != word.utf8Start[i] { return nil }
    at += count
    return value
  }

  mutating func number() -> JSONTree? {
    let start = at
    if at < bytes.count, bytes[at] == UInt8(ascii: "-") { at += 1 }
    let digits = at
    while at < bytes.count, (0x30...0x39).contains(bytes[at]) { at += 1 }
    guard at > digits, !(bytes[digits] == 0x30 && at - digits > 1) else { return nil }
    if at < bytes.count, bytes[at] == UInt8(ascii: ".") {
      at += 1
      let fraction = at
      while at < bytes.count, (0x30...0x39).contains(bytes[at]) { at += 1 }
      guard at > fraction else { return nil }
    }
    if at < bytes.count, bytes[at] | 0x20 == UInt8(ascii: "e") {
      at += 1
      if at < bytes.count, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-") { at += 1 }
      let exponent = at
      while at < bytes.count, (0x30...0x39).contains(bytes[at]) { at += 1 }
      guard at > exponent else { return nil }
    }
    return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self))
  }

  private mutating func array(depth: Int) -> JSONTree? {
    at += 1
    var items: [JSONTree] = []
    skipSpace()
    if at < bytes.count, bytes[at] == UInt8(ascii: "]") {
      at += 1
      return .array(items)
    }
    while true {
      guard let item = value(depth: depth + 1) else { return nil }
      items.append(item)
      skipSpace()
      guard at < bytes.count else { return nil }
      if bytes[at] == UInt8(ascii: ",") {
        at += 1
        continue
      }
      guard bytes[at] == UInt8(ascii: "]") else { return nil }
      at += 1
      return .array(items)
    }
  }

  private mutating func object(depth: Int) -> JSONTree? {
    at += 1
    var members: [(key: String, value: JSONTree)] = []
    skipSpace()
    if at < bytes.count, bytes[at] == UInt8(ascii: "}") {
      at += 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard at < bytes.count, bytes[at] == UInt8(ascii: "\""), let key = string() else { return nil }
      skipSpace()
      guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { return nil }
      at += 1
      guard let item = value(depth: depth + 1) else { return nil }
      members.append((key, item))
      skipSpace()
      guard at < bytes.count else { return nil }
      if bytes[at] == UInt8(ascii: ",") {
        at += 1
        continue
      }
      guard bytes[at] == UInt8(ascii: "}") else { return nil }
      at += 1
      return .object(members)
    }
  }

  /// A string starting at its opening quote; runs without escapes are taken whole.
  mutating func string() -> String? {
    at += 1
    let start = at
    var high: UInt8 = 0
    while at < bytes.count, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\") {
      guard bytes[at] >= 0x20 else { return nil }
      high |= bytes[at]
      at += 1
    }
    guard at < bytes.count else { return nil }
    if bytes[at] == UInt8(ascii: "\"") {
      at += 1
      let text = UnsafeBufferPointer(rebasing: bytes[start..<at - 1])
      // ASCII is valid UTF-8 as it stands; anything else is validated.
      return high < 0x80 ? String(decoding: text, as: UTF8.self) : String(validating: text, as: UTF8.self)
    }
    var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<at]))
    while at < bytes.count {
      let byte = bytes[at]
      if byte == UInt8(ascii: "\"") {
        at += 1
        return String(validating: utf8, as: UTF8.self)
      }
      guard byte >= 0x20 else { return nil }
      guard byte == UInt8(ascii: "\\") else {
        let run = at
        while at < bytes.count, bytes[at] >= 0x20, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\") {
          at += 1
        }
        utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<at]))
        continue
      }
      at += 1
      guard at < bytes.count else { return nil }
      let escaped = bytes[at]
      at += 1
      switch escaped {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escaped)
      case UInt8(ascii: "b"): utf8.append(0x08)
      case UInt8(ascii: "f"): utf8.append(0x0C)
      case UInt8(ascii: "n"): utf8.append(0x0A)
      case UInt8(ascii: "r"): utf8.append(0x0D)
      case UInt8(ascii: "t"): utf8.append(0x09)
      case UInt8(ascii: "u"):
        guard var scalar = hex4() else { return nil }
        if (0xD800..<0xDC00).contains(scalar) {
          guard at + 1 < bytes.count, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") else {
            return nil
          }
          at += 2
          guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let unicode = Unicode.Scalar(scalar) else { return nil }
        utf8.append(contentsOf: String(Character(unicode)).utf8)
      default: return nil
      }
    }
    return nil
  }

  mutating func hex4() -> UInt32? {
    guard at + 4 <= bytes.count else { return nil }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let c = bytes[at]
      let digit: UInt8
      switch c {
      case 0x30...0x39: digit = c - 0x30
      case 0x41...0x46: digit = c - 0x37
      case 0x61...0x66: digit = c - 0x57
      default: return nil
      }
      value = value << 4 | UInt32(digit)
      at += 1
    }
    return value
  }
}
