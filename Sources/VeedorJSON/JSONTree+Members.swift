extension JSONTree {
  /// Parses a JSON object keeping only the members named in `keys` (in the order written); the other
  /// members' values are stepped over without being built. Nil when the bytes are not a JSON object.
  ///
  /// Stepping over is lenient: it follows strings, brackets and literals but does not check UTF-8 or
  /// escapes inside what it skips, so callers use it only where the whole document is compared byte
  /// for byte afterwards (a report is re-derived and encoded again).
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, keeping keys: Set<String>) -> JSONTree? {
    var parser = JSONTreeParser(bytes: bytes)
    parser.skipSpace()
    guard parser.at < bytes.count, bytes[parser.at] == UInt8(ascii: "{") else { return nil }
    parser.at += 1
    var members: [(key: String, value: JSONTree)] = []
    parser.skipSpace()
    if parser.at < bytes.count, bytes[parser.at] == UInt8(ascii: "}") {
      parser.at += 1
      return .object(members)
    }
    while true {
      parser.skipSpace()
      guard parser.at < bytes.count, bytes[parser.at] == UInt8(ascii: "\""), let key = parser.string() else {
        return nil
      }
      parser.skipSpace()
      guard parser.at < bytes.count, bytes[parser.at] == UInt8(ascii: ":") else { return nil }
      parser.at += 1
      if keys.contains(key) {
        guard let item = parser.value(depth: 1) else { return nil }
        members.append((key, item))
      } else {
        guard parser.skipValue(depth: 1) else { return nil }
      }
      parser.skipSpace()
      guard parser.at < bytes.count else { return nil }
      if bytes[parser.at] == UInt8(ascii: ",") {
        parser.at += 1
        continue
      }
      guard bytes[parser.at] == UInt8(ascii: "}") else { return nil }
      parser.at += 1
      parser.skipSpace()
      return parser.at == bytes.count ? .object(members) : nil
    }
  }
}

extension JSONTreeParser {
  /// Steps over one value without building it; false when it is not well formed.
  mutating func skipValue(depth: Int) -> Bool {
    guard depth < 512 else { return false }
    skipSpace()
    guard at < bytes.count else { return false }
    switch bytes[at] {
    case UInt8(ascii: "\""): return skipString()
    case UInt8(ascii: "{"), UInt8(ascii: "["): return skipContainer(depth: depth)
    case UInt8(ascii: "t"): return literal("true", .null) != nil
    case UInt8(ascii: "f"): return literal("false", .null) != nil
    case UInt8(ascii: "n"): return literal("null", .null) != nil
    default: return number() != nil
    }
  }

  /// Steps over a string from its opening quote: escapes are one of `\" \\ \/ \b \f \n \r \t` or
  /// `\u` and four hex digits, as the reader takes them.
  private mutating func skipString() -> Bool {
    at += 1
    while at < bytes.count {
      switch bytes[at] {
      case UInt8(ascii: "\""):
        at += 1
        return true
      case UInt8(ascii: "\\"):
        guard at + 1 < bytes.count else { return false }
        switch bytes[at + 1] {
        case UInt8(ascii: "u"):
          at += 2
          guard hex4() != nil else { return false }
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
          UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
          at += 2
        default: return false
        }
      case 0..<0x20: return false
      default: at += 1
      }
    }
    return false
  }

  /// Steps over an object (`"key": value` members) or an array, from its opening bracket.
  private mutating func skipContainer(depth: Int) -> Bool {
    let isObject = bytes[at] == UInt8(ascii: "{")
    let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
    at += 1
    skipSpace()
    if at < bytes.count, bytes[at] == close {
      at += 1
      return true
    }
    while true {
      if isObject {
        skipSpace()
        guard at < bytes.count, bytes[at] == UInt8(ascii: "\""), skipString() else { return false }
        skipSpace()
        guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { return false }
        at += 1
      }
      guard skipValue(depth: depth + 1) else { return false }
      skipSpace()
      guard at < bytes.count else { return false }
      if bytes[at] == UInt8(ascii: ",") {
        at += 1
        continue
      }
      guard bytes[at] == close else { return false }
      at += 1
      return true
    }
  }
}

extension JSONTree {
  /// Whether any object in the value names a key twice, as Swift compares strings (so also two
  /// spellings of one key that are canonically equivalent).
  var repeatsAKey: Bool {
    switch self {
    case .array(let items): return items.contains { $0.repeatsAKey }
    case .object(let members):
      if members.count > 1 {
        var seen = Set<String>(minimumCapacity: members.count)
        for member in members where !seen.insert(member.key).inserted { return true }
      }
      return members.contains { $0.value.repeatsAKey }
    default: return false
    }
  }
}
