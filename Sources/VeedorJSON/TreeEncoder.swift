import Foundation

/// An `Encoder` that fills one node of a ``TreeContext`` for ``CanonicalJSON`` (a value type: handing
/// it to `encode(to:)` allocates nothing).
struct TreeEncoder: Encoder {
  let context: TreeContext
  /// The node this value fills.
  let slot: Int

  var codingPath: [any CodingKey] { context.unreadablePath }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  init(_ context: TreeContext, _ slot: Int) {
    self.context = context
    self.slot = slot
  }

  /// Fills `slot` with one value: strings, integers, booleans and doubles directly, anything else
  /// through its own `encode(to:)`; values left to `JSONEncoder` mark the context.
  static func encode<T: Encodable>(_ value: T, into slot: Int, _ context: TreeContext) throws {
    if T.self == String.self { return set(slot, .string, value as! String, context) }
    if T.self == Int.self { return set(slot, .literal, String(value as! Int), context) }
    if T.self == Bool.self { return set(slot, .literal, (value as! Bool) ? "true" : "false", context) }
    if T.self == Double.self { return set(slot, .literal, literal(value as! Double, context), context) }
    // Lists of strings (levels, evidence ids) as `Array`'s own encoding writes them, without a container.
    if T.self == [String].self {
      if !context.become(.array, slot) { context.unsupported = true }
      for item in value as! [String] { _ = context.child(of: slot, .string, item) }
      return
    }
    if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self
      || T.self == Float.self
    {
      // Written by `JSONEncoder`'s own strategies: left to it.
      context.unsupported = true
      return
    }
    try value.encode(to: TreeEncoder(context, slot))
  }

  /// Makes `slot` a string or literal.
  static func set(_ slot: Int, _ kind: TreeNode.Kind, _ text: String, _ context: TreeContext) {
    context.nodes[slot].kind = kind
    context.nodes[slot].text = text
  }

  /// A double as `JSONEncoder` writes it: its shortest decimal without a final `.0` (so `-0` for
  /// negative zero, `1000000000000000` for 1e15); exponent forms and non-finite values are left to it.
  static func literal(_ value: Double, _ context: TreeContext) -> String {
    guard value.isFinite else {
      context.unsupported = true
      return "null"
    }
    if value == value.rounded(), abs(value) < 1e15, value.sign == .plus || value != 0 {
      return String(Int(value))
    }
    var text = value.description
    if text.contains("e") { context.unsupported = true }
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if !context.become(.object, slot) { context.unsupported = true }
    return KeyedEncodingContainer(TreeKeyed<Key>(context, slot))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if !context.become(.array, slot) { context.unsupported = true }
    return TreeUnkeyed(context, slot)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer { TreeSingle(self) }
}
