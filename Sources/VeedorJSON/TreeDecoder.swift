import Foundation

/// A `Decoder` over a ``JSONTree``, for ``CanonicalJSON/decode(_:from:)``: strings, integers,
/// booleans, doubles, arrays and objects. Anything else (dates, data, URLs, decimals, floats, a
/// super-decoder, an integer not written as plain digits or out of its type's range: `1.0` and `1E0`
/// too, which `JSONDecoder` takes) throws, and the caller falls back to `JSONDecoder`.
struct TreeDecoder: Decoder {
  let value: JSONTree
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  /// Thrown for anything left to `JSONDecoder`, with the reason.
  struct Unsupported: Error {
    let reason: String
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .object(let members) = value else { throw Unsupported(reason: "not an object") }
    return KeyedDecodingContainer(TreeKeyedDecoding<Key>(members: members))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .array(let items) = value else { throw Unsupported(reason: "not an array") }
    return TreeUnkeyedDecoding(items: items)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { TreeSingleDecoding(value: value) }

  /// Decodes `T` from a value: the primitives directly, anything else through its own `init(from:)`.
  static func decode<T: Decodable>(_ type: T.Type, from value: JSONTree) throws -> T {
    if T.self == String.self { return try string(value) as! T }
    if T.self == Int.self { return try integer(value, Int.self) as! T }
    if T.self == Bool.self { return try bool(value) as! T }
    if T.self == Double.self { return try double(value) as! T }
    // Lists of strings as `Array`'s own decoding reads them, without a container.
    if T.self == [String].self {
      guard case .array(let items) = value else { throw Unsupported(reason: "not an array") }
      return try items.map(string) as! T
    }
    if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self
      || T.self == Float.self
    {
      throw Unsupported(reason: "\(T.self) is left to JSONDecoder")
    }
    return try T(from: TreeDecoder(value: value))
  }

  static func string(_ value: JSONTree) throws -> String {
    guard case .string(let text) = value else { throw Unsupported(reason: "not a string") }
    return text
  }

  static func bool(_ value: JSONTree) throws -> Bool {
    guard case .bool(let flag) = value else { throw Unsupported(reason: "not a boolean") }
    return flag
  }

  /// An integer written as plain digits that fits `type`.
  static func integer<I: FixedWidthInteger>(_ value: JSONTree, _ type: I.Type) throws -> I {
    guard case .number(let text) = value, let number = I(text, radix: 10) else {
      throw Unsupported(reason: "not an integer of this size")
    }
    return number
  }

  /// A finite double; not one that rounds to zero from digits that are not all zero (`1e-400`), which
  /// `JSONDecoder` refuses as not fitting.
  static func double(_ value: JSONTree) throws -> Double {
    guard case .number(let text) = value, let number = Double(text), number.isFinite else {
      throw Unsupported(reason: "not a finite number")
    }
    if number == 0,
      text.utf8.prefix(while: { $0 != UInt8(ascii: "e") && $0 != UInt8(ascii: "E") }).contains(where: {
        (UInt8(ascii: "1")...UInt8(ascii: "9")).contains($0)
      })
    {
      throw Unsupported(reason: "rounds to zero")
    }
    return number
  }
}
