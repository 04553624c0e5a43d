import VeedorErrors

/// Reliability data that cannot be used, with a one-line message naming the item and rater at fault.
public struct AgreementError: Error, Sendable, Hashable, CustomStringConvertible, SpanishDescribable {
  /// What is wrong, e.g. `item 2, rater 1: category 5 is outside 0..<5`.
  public var message: String
  /// The same in Spanish.
  public var messageES: String

  /// Creates an error with a user-facing message in English and in Spanish.
  public init(_ message: String, es messageES: String) {
    self.message = message
    self.messageES = messageES
  }

  /// The message.
  public var description: String { message }

  /// The message in Spanish.
  public var spanishDescription: String { messageES }
}
