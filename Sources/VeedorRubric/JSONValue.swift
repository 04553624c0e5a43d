/// A parsed JSON value, used to check untrusted files field by field.
public enum JSONValue: Decodable, Sendable, Hashable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// Decodes any JSON value.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    // Most of a rubric is objects and strings: try those first, as each failed try costs an error.
    if c.decodeNil() {
      self = .null
    } else if let value = try? c.decode([String: JSONValue].self) {
      self = .object(value)
    } else if let value = try? c.decode(String.self) {
      self = .string(value)
    } else if let value = try? c.decode([JSONValue].self) {
      self = .array(value)
    } else if let value = try? c.decode(Bool.self) {
      self = .bool(value)
    } else {
      self = .number(try c.decode(Double.self))
    }
  }

  /// The members when this is an object.
  public var objectValue: [String: JSONValue]? {
    if case .object(let members) = self { return members }
    return nil
  }

  /// The items when this is an array.
  public var arrayValue: [JSONValue]? {
    if case .array(let items) = self { return items }
    return nil
  }

  /// The text when this is a string.
  public var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }
}
