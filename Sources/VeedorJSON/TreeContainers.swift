/// The keyed container of a ``TreeEncoder``: members of one object node.
struct TreeKeyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let context: TreeContext
  let object: Int
  var codingPath: [any CodingKey] { context.unreadablePath }

  init(_ context: TreeContext, _ object: Int) {
    self.context = context
    self.object = object
  }

  mutating func encodeNil(forKey key: Key) throws {
    _ = context.child(of: object, key: key.stringValue, .literal, "null")
  }
  mutating func encode(_ value: String, forKey key: Key) throws {
    _ = context.child(of: object, key: key.stringValue, .string, value)
  }
  mutating func encode(_ value: Int, forKey key: Key) throws {
    _ = context.child(of: object, key: key.stringValue, .literal, String(value))
  }
  mutating func encode(_ value: Bool, forKey key: Key) throws {
    _ = context.child(of: object, key: key.stringValue, .literal, value ? "true" : "false")
  }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    try TreeEncoder.encode(value, into: context.child(of: object, key: key.stringValue), context)
  }
  // Absent values write nothing, as `JSONEncoder`; spelled out so no call builds an `Optional` type at run time.
  mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) }
  }
  mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) }
  }
  mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) }
  }
  mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) }
  }

  /// The last member named `key` (a key set again replaces the value when written).
  private func member(_ key: String) -> Int? {
    var found: Int?
    var at = context.nodes[object].first
    while at >= 0 {
      if context.nodes[at].key == key { found = at }
      at = context.nodes[at].next
    }
    return found
  }

  /// The container node under `key`: like `JSONEncoder`, a key asked for again gives the container it
  /// holds (another value there is left to `JSONEncoder`, which traps on it).
  private func nested(_ key: String, _ kind: TreeNode.Kind) -> Int {
    if let existing = member(key) {
      if context.nodes[existing].kind == kind { return existing }
      context.unsupported = true
    }
    return context.child(of: object, key: key, kind)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    KeyedEncodingContainer(TreeKeyed<NestedKey>(context, nested(key.stringValue, .object)))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    TreeUnkeyed(context, nested(key.stringValue, .array))
  }

  mutating func superEncoder() -> any Encoder {
    context.unsupported = true
    return TreeEncoder(context, context.add())
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    context.unsupported = true
    return TreeEncoder(context, context.add())
  }
}

/// The unkeyed container of a ``TreeEncoder``: items of one array node.
struct TreeUnkeyed: UnkeyedEncodingContainer {
  let context: TreeContext
  let array: Int
  /// Items in the array (through this container or another over the same array).
  var count: Int {
    var (n, at) = (0, context.nodes[array].first)
    while at >= 0 { (n, at) = (n + 1, context.nodes[at].next) }
    return n
  }
  var codingPath: [any CodingKey] { context.unreadablePath }

  init(_ context: TreeContext, _ array: Int) {
    self.context = context
    self.array = array
  }

  private func item(_ kind: TreeNode.Kind = .unset, _ text: String = "") -> Int {
    context.child(of: array, kind, text)
  }

  mutating func encodeNil() throws { _ = item(.literal, "null") }
  mutating func encode(_ value: String) throws { _ = item(.string, value) }
  mutating func encode(_ value: Int) throws { _ = item(.literal, String(value)) }
  mutating func encode(_ value: Bool) throws { _ = item(.literal, value ? "true" : "false") }
  mutating func encode<T: Encodable>(_ value: T) throws { try TreeEncoder.encode(value, into: item(), context) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
    NestedKey
  > {
    KeyedEncodingContainer(TreeKeyed<NestedKey>(context, item(.object)))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { TreeUnkeyed(context, item(.array)) }

  mutating func superEncoder() -> any Encoder {
    context.unsupported = true
    return TreeEncoder(context, context.add())
  }
}

/// The single-value container of a ``TreeEncoder``.
struct TreeSingle: SingleValueEncodingContainer {
  let encoder: TreeEncoder
  var codingPath: [any CodingKey] { encoder.context.unreadablePath }

  init(_ encoder: TreeEncoder) { self.encoder = encoder }

  private func set(_ kind: TreeNode.Kind, _ text: String) {
    TreeEncoder.set(encoder.slot, kind, text, encoder.context)
  }

  mutating func encodeNil() throws { set(.literal, "null") }
  mutating func encode(_ value: String) throws { set(.string, value) }
  mutating func encode(_ value: Int) throws { set(.literal, String(value)) }
  mutating func encode(_ value: Bool) throws { set(.literal, value ? "true" : "false") }
  mutating func encode(_ value: Double) throws { set(.literal, TreeEncoder.literal(value, encoder.context)) }
  mutating func encode(_ value: Float) throws {
    encoder.context.unsupported = true
    set(.literal, "null")
  }
  mutating func encode(_ value: Int8) throws { set(.literal, String(value)) }
  mutating func encode(_ value: Int16) throws { set(.literal, String(value)) }
  mutating func encode(_ value: Int32) throws { set(.literal, String(value)) }
  mutating func encode(_ value: Int64) throws { set(.literal, String(value)) }
  mutating func encode(_ value: UInt) throws { set(.literal, String(value)) }
  mutating func encode(_ value: UInt8) throws { set(.literal, String(value)) }
  mutating func encode(_ value: UInt16) throws { set(.literal, String(value)) }
  mutating func encode(_ value: UInt32) throws { set(.literal, String(value)) }
  mutating func encode(_ value: UInt64) throws { set(.literal, String(value)) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    try TreeEncoder.encode(value, into: encoder.slot, encoder.context)
  }
}
