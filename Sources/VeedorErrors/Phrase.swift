/// A short text in English and in Spanish, such as the reason carried inside an error.
///
/// `description` is the English, so `"\(reason)"` reads as it always did; `es` is the Spanish twin.
public struct Phrase: Sendable, Hashable, CustomStringConvertible {
  /// The text in English.
  public var en: String
  /// The same text in Spanish.
  public var es: String

  /// Creates a phrase from its English and its Spanish.
  public init(_ en: String, es: String) {
    self.en = en
    self.es = es
  }

  /// The phrase for an operating-system error number, with words before it in both languages.
  public init(_ en: String, es: String, errno code: Int32) {
    let system = SystemError.describe(code)
    self.init(en + system.en, es: es + system.es)
  }

  /// The English text.
  public var description: String { en }

  /// The text in the language asked for: Spanish when `spanish` is true.
  public func text(spanish: Bool) -> String { spanish ? es : en }
}
