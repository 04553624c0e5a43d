/// A language Veedor speaks to its readers.
public enum Language: String, Codable, Sendable, CaseIterable, Hashable {
  case en
  case es
}

/// A piece of text in English and Spanish.
public struct LocalizedText: Codable, Sendable, Hashable {
  /// The English text.
  public var en: String
  /// The Spanish text.
  public var es: String

  /// Creates a text from its English and Spanish versions.
  public init(en: String, es: String) {
    self.en = en
    self.es = es
  }

  /// The text in the given language.
  public func text(_ language: Language) -> String {
    switch language {
    case .en: return en
    case .es: return es
    }
  }
}
