import Foundation

/// An `Encoder` that builds a ``TreeNode`` for ``CanonicalJSON``.
final class TreeEncoder: Encoder {
  let codingPath: [any CodingKey] = []
  let userInfo: [CodingUserInfoKey: Any] = [:]
  let context: TreeContext
  /// What the value encoded, once it has.
  var root: TreeNode?

  init(_ context: TreeContext) { self.context = context }

  /// The node of one value: strings, integers, booleans and doubles directly, anything else
  /// through its own `encode(to:)`; values left to `JSONEncoder` mark the context.
  static func node<T: Encodable>(for value: T, _ context: TreeContext) throws -> TreeNode {
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
    return encoder.root ?? .object(ObjectNode())
  }

  /// A double as the canonical form writes it: whole values without a fraction, others in the
  /// shortest plain decimal; exponent forms and non-finite values are left to `JSONEncoder`.
  static func literal(_ value: Double, _ context: TreeContext) -> TreeNode {
    guard value.isFinite else {
      context.unsupported = true
      return .literal("null")
    }
    if value == value.rounded(), abs(value) < 1e15 { return .literal(String(Int(value))) }
    let text = value.description
    if text.contains("e") { context.unsupported = true }
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
