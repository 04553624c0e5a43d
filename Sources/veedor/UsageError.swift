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
}
