/// A command used the wrong way (exit 2), said in English and in Spanish; printed in the language of
/// the run's messages with a pointer to `--help`.
struct UsageError: Error {
  /// The message in English.
  let english: String
  /// The message in Spanish.
  let spanish: String

  /// A usage error with its message in both languages.
  init(_ english: String, es spanish: String) {
    self.english = english + " (see --help)"
    self.spanish = spanish + " (véase --help)"
  }

  /// The usage error inside `error`, when a command's `validate()` threw one: ArgumentParser wraps
  /// what `validate()` throws in its own (internal) error type, found here by reflection; any other
  /// error as it is.
  static func unwrapped(_ error: any Error) -> any Error {
    found(in: error, depth: 0) ?? error
  }

  /// A `UsageError` at most three values deep inside `value`.
  private static func found(in value: Any, depth: Int) -> UsageError? {
    if let error = value as? UsageError { return error }
    guard depth < 3 else { return nil }
    for child in Mirror(reflecting: value).children {
      if let error = found(in: child.value, depth: depth + 1) { return error }
    }
    return nil
  }
}
