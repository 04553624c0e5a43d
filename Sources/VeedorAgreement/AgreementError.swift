/// Reliability data that cannot be used, with a one-line message naming the item and rater at fault.
public struct AgreementError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong, e.g. `item 2, rater 1: category 5 is outside 0..<5`.
  public var message: String

  /// Creates an error with a user-facing message.
  public init(_ message: String) {
    self.message = message
  }

  /// The message.
  public var description: String { message }
}
