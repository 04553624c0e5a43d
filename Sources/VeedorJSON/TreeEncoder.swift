import Foundation

/// An `Encoder` that builds a ``TreeNode`` for ``CanonicalJSON``.
final class TreeEncoder: Encoder {
  /// Always empty: a value that reads it is left to `JSONEncoder`, which fills it in.
  var codingPath: [any CodingKey] {
    context.unsupported = true
    return []
  }
  let userInfo: [CodingUserInfoKey: Any] = [:]
  let context: TreeContext
  /// What the value encoded, once it has.
  var root: TreeNode?

  init(_ context: TreeContext) { self.context = context }

  /// The node of one value: strings, integers, booleans and doubles directly, anything else
  /// through its own `encode(to:)`; values left to `JSONEncoder` mark the context.
  static func node<T: Encodable>(for value: T, _ context: TreeContext, topLevel: Bool = false) throws -> TreeNode {
    if T.self == String.self { return .string(value as! String) }
    if T.self == Int.self { return .literal(String(value as! Int)) }
    if T.self == Bool.self { return .literal((value as! Bool) ? "true" : "false") }
    if T.self == Double.self { return literal(value as! Double, context) }
    if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self
      || T.self == Float.self
    {
      // Written by `JSONEncoder`'s own strategies: left to it.
      context.unsupported = true
      return .literal("null")
    }
    let encoder = TreeEncoder(context)
    try value.encode(to: encoder)
    // A value that encodes nothing is `{}` inside another; at the top `JSONEncoder` throws.
    if encoder.root == nil && topLevel { context.unsupported = true }
    return encoder.root ?? .object(ObjectNode())
  }

  /// A double as `JSONEncoder` writes it: its shortest decimal without a final `.0` (so `-0` for
  /// negative zero, `1000000000000000` for 1e15); exponent forms and non-finite values are left to it.
  static func literal(_ value: Double, _ context: TreeContext) -> TreeNode {
    guard value.isFinite else {
      context.unsupported = true
      return .literal("null")
    }
    if value == value.rounded(), abs(value) < 1e15, value.sign == .plus || value != 0 {
      return .literal(String(Int(value)))
    }
    var text = value.description
    if text.contains("e") { context.unsupported = true }
    if text.hasSuffix(".0") { text.removeLast(2) }
    return .literal(text)
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if case .object(let object) = root { return KeyedEncodingContainer(TreeKeyed<Key>(object, context)) }
    let object = ObjectNode()
    root = .object(object)
    return KeyedEncodingContainer(TreeKeyed<Key>(object, context))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if case .array(let array) = root { return TreeUnkeyed(array, context) }
    let array = ArrayNode()
    root = .array(array)
    return TreeUnkeyed(array, context)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer { TreeSingle(self) }
}
