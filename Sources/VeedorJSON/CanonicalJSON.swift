import Foundation

/// Veedor's canonical JSON (docs/formats.md, "Canonical JSON") written straight to bytes: the same
/// bytes `JSONEncoder` writes with `.sortedKeys` and `.withoutEscapingSlashes`, without its boxing.
///
/// Report checks and ledger replay encode every report and line they read to compare bytes; this
/// writer does that work for the values they hold (strings, integers, booleans, finite doubles,
/// arrays, objects). A value it does not write (a `Date`, `Data`, `URL`, `Decimal`, a float, a
/// double it would not write in plain decimals, a super-encoder) makes it return nil, and the
/// caller falls back to `JSONEncoder`.
public enum CanonicalJSON {
  /// The canonical bytes of `value` (no final newline), or nil when it holds a value left to `JSONEncoder`.
  public static func encode<T: Encodable>(_ value: T) -> [UInt8]? {
    let context = TreeContext()
    guard let node = try? TreeEncoder.node(for: value, context, topLevel: true), !context.unsupported else {
      return nil
    }
    var writer = CanonicalWriter()
    writer.write(node)
    return writer.bytes
  }
}

extension CanonicalJSON {
  /// `T` decoded from JSON bytes without `JSONDecoder`'s boxing, or nil when the bytes are not JSON or
  /// hold a value this reader leaves to `JSONDecoder` (see ``TreeDecoder``). Callers that need the
  /// canonical form still compare ``encode(_:)`` of the result with the bytes.
  public static func decode<T: Decodable>(_ type: T.Type, from bytes: some ContiguousBytes) -> T? {
    bytes.withUnsafeBytes { raw in
      guard let tree = JSONTree.parse(raw.bindMemory(to: UInt8.self)) else { return nil }
      return try? TreeDecoder.decode(type, from: tree)
    }
  }
}

/// What one encoding shares: whether it met a value left to `JSONEncoder`.
final class TreeContext {
  /// Set when a value this writer does not handle was met.
  var unsupported = false
}

/// A JSON value being built.
enum TreeNode {
  /// A string, escaped when written.
  case string(String)
  /// A number or literal, written as it is.
  case literal(String)
  /// An object, filled through a keyed container.
  case object(ObjectNode)
  /// An array, filled through an unkeyed container.
  case array(ArrayNode)
}

/// An object's members in the order encoded; a key encoded twice keeps its last value.
final class ObjectNode {
  /// Keys in the order first encoded.
  var keys: [String] = []
  /// Values, parallel to `keys`.
  var values: [TreeNode] = []

  /// The value of `key`, if encoded.
  func value(_ key: String) -> TreeNode? {
    keys.lastIndex(of: key).map { values[$0] }
  }

  /// Sets `key`, replacing an earlier value of the same key.
  func set(_ key: String, _ value: TreeNode) {
    if let at = keys.lastIndex(of: key) {
      values[at] = value
    } else {
      keys.append(key)
      values.append(value)
    }
  }
}

/// An array's items in order.
final class ArrayNode {
  /// The items.
  var items: [TreeNode] = []
}
