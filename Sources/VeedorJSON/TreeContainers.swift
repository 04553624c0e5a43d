/// The keyed container of a ``TreeEncoder``: members of one object.
struct TreeKeyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let object: ObjectNode
  let context: TreeContext
  /// Always empty: a value that reads it is left to `JSONEncoder`.
  var codingPath: [any CodingKey] {
    context.unsupported = true
    return []
  }

  init(_ object: ObjectNode, _ context: TreeContext) {
    self.object = object
    self.context = context
  }

  mutating func encodeNil(forKey key: Key) throws { object.set(key.stringValue, .literal("null")) }
  mutating func encode(_ value: String, forKey key: Key) throws { object.set(key.stringValue, .string(value)) }
  mutating func encode(_ value: Int, forKey key: Key) throws { object.set(key.stringValue, .literal(String(value))) }
  mutating func encode(_ value: Bool, forKey key: Key) throws {
    object.set(key.stringValue, .literal(value ? "true" : "false"))
  }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    object.set(key.stringValue, try TreeEncoder.node(for: value, context))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    // Like `JSONEncoder`, a key asked for again gives the object it holds (another value there traps it).
    switch object.value(key.stringValue) {
    case .object(let nested)?: return KeyedEncodingContainer(TreeKeyed<NestedKey>(nested, context))
    case nil: break
    default: context.unsupported = true
    }
    let nested = ObjectNode()
    object.set(key.stringValue, .object(nested))
    return KeyedEncodingContainer(TreeKeyed<NestedKey>(nested, context))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    switch object.value(key.stringValue) {
    case .array(let nested)?: return TreeUnkeyed(nested, context)
    case nil: break
    default: context.unsupported = true
    }
    let nested = ArrayNode()
    object.set(key.stringValue, .array(nested))
    return TreeUnkeyed(nested, context)
  }

  mutating func superEncoder() -> any Encoder {
    context.unsupported = true
    return TreeEncoder(context)
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    context.unsupported = true
    return TreeEncoder(context)
  }
}

/// The unkeyed container of a ``TreeEncoder``: items of one array.
struct TreeUnkeyed: UnkeyedEncodingContainer {
  let array: ArrayNode
  let context: TreeContext
  /// Always empty: a value that reads it is left to `JSONEncoder`.
  var codingPath: [any CodingKey] {
    context.unsupported = true
    return []
  }
  var count: Int { array.items.count }

  init(_ array: ArrayNode, _ context: TreeContext) {
    self.array = array
    self.context = context
  }

  mutating func encodeNil() throws { array.items.append(.literal("null")) }
  mutating func encode(_ value: String) throws { array.items.append(.string(value)) }
  mutating func encode(_ value: Int) throws { array.items.append(.literal(String(value))) }
  mutating func encode(_ value: Bool) throws { array.items.append(.literal(value ? "true" : "false")) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    array.items.append(try TreeEncoder.node(for: value, context))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
    NestedKey
  > {
    let nested = ObjectNode()
    array.items.append(.object(nested))
    return KeyedEncodingContainer(TreeKeyed<NestedKey>(nested, context))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let nested = ArrayNode()
    array.items.append(.array(nested))
    return TreeUnkeyed(nested, context)
  }

  mutating func superEncoder() -> any Encoder {
    context.unsupported = true
    return TreeEncoder(context)
  }
}

/// The single-value container of a ``TreeEncoder``.
struct TreeSingle: SingleValueEncodingContainer {
  let encoder: TreeEncoder
  /// Always empty: a value that reads it is left to `JSONEncoder`.
  var codingPath: [any CodingKey] {
    encoder.context.unsupported = true
    return []
  }

  init(_ encoder: TreeEncoder) { self.encoder = encoder }

  mutating func encodeNil() throws { encoder.root = .literal("null") }
  mutating func encode(_ value: String) throws { encoder.root = .string(value) }
  mutating func encode(_ value: Int) throws { encoder.root = .literal(String(value)) }
  mutating func encode(_ value: Bool) throws { encoder.root = .literal(value ? "true" : "false") }
  mutating func encode(_ value: Double) throws { encoder.root = TreeEncoder.literal(value, encoder.context) }
  mutating func encode(_ value: Float) throws {
    encoder.context.unsupported = true
    encoder.root = .literal("null")
  }
  mutating func encode(_ value: Int8) throws { encoder.root = .literal(String(value)) }
  mutating func encode(_ value: Int16) throws { encoder.root = .literal(String(value)) }
  mutating func encode(_ value: Int32) throws { encoder.root = .literal(String(value)) }
  mutating func encode(_ value: Int64) throws { encoder.root = .literal(String(value)) }
  mutating func encode(_ value: UInt) throws { encoder.root = .literal(String(value)) }
  mutating func encode(_ value: UInt8) throws { encoder.root = .literal(String(value)) }
  mutating func encode(_ value: UInt16) throws { encoder.root = .literal(String(value)) }
  mutating func encode(_ value: UInt32) throws { encoder.root = .literal(String(value)) }
  mutating func encode(_ value: UInt64) throws { encoder.root = .literal(String(value)) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    encoder.root = try TreeEncoder.node(for: value, encoder.context)
  }
}
