/// The keyed container of a ``TreeDecoder``: an object's members, found by key.
struct TreeKeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let members: [(key: String, value: JSONTree)]
  /// Where each key first occurs, for an object too large to search member by member (a dictionary
  /// decoded key by key would otherwise cost the square of its size).
  private let index: [String: Int]?
  var codingPath: [any CodingKey] { [] }
  var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

  init(members: [(key: String, value: JSONTree)]) {
    self.members = members
    guard members.count > 16 else {
      index = nil
      return
    }
    var index: [String: Int] = [:]
    index.reserveCapacity(members.count)
    for (i, member) in members.enumerated() where index[member.key] == nil { index[member.key] = i }
    self.index = index
  }

  /// The position of the first member named `name`.
  private func position(_ name: String) -> Int? {
    if let index { return index[name] }
    return members.firstIndex { $0.key == name }
  }

  func member(_ key: Key) throws -> JSONTree {
    let name = key.stringValue
    guard let at = position(name) else { throw TreeDecoder.Unsupported(reason: "no key \(name)") }
    return members[at].value
  }

  func contains(_ key: Key) -> Bool { position(key.stringValue) != nil }

  func decodeNil(forKey key: Key) throws -> Bool {
    if case .null = try member(key) { return true }
    return false
  }

  func decode(_ type: String.Type, forKey key: Key) throws -> String { try TreeDecoder.string(member(key)) }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try TreeDecoder.integer(member(key), Int.self) }
  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try TreeDecoder.bool(member(key)) }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try TreeDecoder.double(member(key)) }
  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    try TreeDecoder.decode(type, from: member(key))
  }
  // A missing key or `null` is nil, as `JSONDecoder`; spelled out so no call builds an `Optional` type at run time.
  func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
    guard let value = present(key) else { return nil }
    return try TreeDecoder.string(value)
  }
  func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
    guard let value = present(key) else { return nil }
    return try TreeDecoder.integer(value, Int.self)
  }
  func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
    guard let value = present(key) else { return nil }
    return try TreeDecoder.bool(value)
  }
  func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    guard let value = present(key) else { return nil }
    return try TreeDecoder.decode(type, from: value)
  }

  /// The member named `key` unless it is missing or `null`.
  private func present(_ key: Key) -> JSONTree? {
    guard let at = position(key.stringValue) else { return nil }
    if case .null = members[at].value { return nil }
    return members[at].value
  }

  func nestedContainer<NestedKey: CodingKey>(
    keyedBy type: NestedKey.Type, forKey key: Key
  ) throws -> KeyedDecodingContainer<NestedKey> {
    try TreeDecoder(value: member(key)).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try TreeDecoder(value: member(key)).unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder { throw TreeDecoder.Unsupported(reason: "super-decoder") }
  func superDecoder(forKey key: Key) throws -> any Decoder {
    throw TreeDecoder.Unsupported(reason: "super-decoder")
  }
}

/// The unkeyed container of a ``TreeDecoder``: an array's items in order.
struct TreeUnkeyedDecoding: UnkeyedDecodingContainer {
  let items: [JSONTree]
  var codingPath: [any CodingKey] { [] }
  var count: Int? { items.count }
  var isAtEnd: Bool { currentIndex >= items.count }
  private(set) var currentIndex = 0

  init(items: [JSONTree]) { self.items = items }

  mutating func next() throws -> JSONTree {
    guard !isAtEnd else { throw TreeDecoder.Unsupported(reason: "past the end of an array") }
    defer { currentIndex += 1 }
    return items[currentIndex]
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd else { throw TreeDecoder.Unsupported(reason: "past the end of an array") }
    if case .null = items[currentIndex] {
      currentIndex += 1
      return true
    }
    return false
  }

  mutating func decode(_ type: String.Type) throws -> String { try TreeDecoder.string(next()) }
  mutating func decode(_ type: Int.Type) throws -> Int { try TreeDecoder.integer(next(), Int.self) }
  mutating func decode(_ type: Bool.Type) throws -> Bool { try TreeDecoder.bool(next()) }
  mutating func decode(_ type: Double.Type) throws -> Double { try TreeDecoder.double(next()) }
  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try TreeDecoder.decode(type, from: next()) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<
    NestedKey
  > {
    try TreeDecoder(value: next()).container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    try TreeDecoder(value: next()).unkeyedContainer()
  }

  mutating func superDecoder() throws -> any Decoder { throw TreeDecoder.Unsupported(reason: "super-decoder") }
}

/// The single-value container of a ``TreeDecoder``.
struct TreeSingleDecoding: SingleValueDecodingContainer {
  let value: JSONTree
  var codingPath: [any CodingKey] { [] }

  func decodeNil() -> Bool {
    if case .null = value { return true }
    return false
  }

  func decode(_ type: String.Type) throws -> String { try TreeDecoder.string(value) }
  func decode(_ type: Bool.Type) throws -> Bool { try TreeDecoder.bool(value) }
  func decode(_ type: Double.Type) throws -> Double { try TreeDecoder.double(value) }
  func decode(_ type: Float.Type) throws -> Float { throw TreeDecoder.Unsupported(reason: "Float") }
  func decode(_ type: Int.Type) throws -> Int { try TreeDecoder.integer(value, Int.self) }
  func decode(_ type: Int8.Type) throws -> Int8 { try TreeDecoder.integer(value, Int8.self) }
  func decode(_ type: Int16.Type) throws -> Int16 { try TreeDecoder.integer(value, Int16.self) }
  func decode(_ type: Int32.Type) throws -> Int32 { try TreeDecoder.integer(value, Int32.self) }
  func decode(_ type: Int64.Type) throws -> Int64 { try TreeDecoder.integer(value, Int64.self) }
  func decode(_ type: UInt.Type) throws -> UInt { try TreeDecoder.integer(value, UInt.self) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try TreeDecoder.integer(value, UInt8.self) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try TreeDecoder.integer(value, UInt16.self) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try TreeDecoder.integer(value, UInt32.self) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try TreeDecoder.integer(value, UInt64.self) }
  func decode<T: Decodable>(_ type: T.Type) throws -> T { try TreeDecoder.decode(type, from: value) }
}
