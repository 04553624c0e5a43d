/// An error that can say what went wrong in Spanish as well as in English (`description`).
///
/// The command line prints `spanishDescription` when it speaks Spanish (`--lang es`, or a Spanish
/// `LC_ALL`/`LANG`), so a reader never gets an English line in a Spanish session.
public protocol SpanishDescribable: Error {
  /// The one-line message in Spanish: values from data as they are, the words in Spanish.
  var spanishDescription: String { get }
}

/// Any error in Spanish when it can say it, else as it describes itself (an error from outside
/// Veedor, such as Foundation's).
public func spanishText(_ error: any Error) -> String {
  (error as? any SpanishDescribable)?.spanishDescription ?? "\(error)"
}
