/// A user-facing error: what went wrong in plain words, and where — file, line and field — when known.
///
/// Each module names its own kinds of error (`Code`) and gets its own error type from this one,
/// e.g. `typealias PlanError = LocatedError<PlanErrorCode>`, so callers can tell modules apart.
public struct LocatedError<Code: Hashable & Sendable>: Error, Sendable, Hashable, CustomStringConvertible,
  SpanishDescribable
{
  /// Kind of error.
  public var code: Code
  /// File the problem is in, if any.
  public var file: String?
  /// 1-based line in that file, if known.
  public var line: Int?
  /// Field, column or JSON path, if known.
  public var field: String?
  /// What is wrong, in plain words.
  public var message: String
  /// The same in Spanish.
  public var messageES: String

  /// Creates an error with its message in English and in Spanish.
  public init(
    _ code: Code, _ message: String, es messageES: String, file: String? = nil, line: Int? = nil,
    field: String? = nil
  ) {
    self.code = code
    self.message = message
    self.messageES = messageES
    self.file = file
    self.line = line
    self.field = field
  }

  /// One line: `file:line: field 'x': message`.
  public var description: String {
    var prefix = ""
    if let file { prefix += file + (line.map { ":\($0)" } ?? "") + ": " }
    if let field { prefix += "field '\(field)': " }
    return prefix + message
  }

  /// One line in Spanish: `file:line: campo 'x': mensaje`.
  public var spanishDescription: String {
    var prefix = ""
    if let file { prefix += file + (line.map { ":\($0)" } ?? "") + ": " }
    if let field { prefix += "campo '\(field)': " }
    return prefix + messageES
  }

  /// The same error under another module's code, every word and place kept.
  public func recoded<Other>(_ other: Other) -> LocatedError<Other> {
    LocatedError<Other>(other, message, es: messageES, file: file, line: line, field: field)
  }
}

/// Whether an error is the user's input (exit 2) or a check that failed (exit 1).
public protocol ExitDeciding {
  /// True when the input cannot be used as given.
  var isBadInput: Bool { get }
}

extension LocatedError where Code: ExitDeciding {
  /// The exit status a command should end with: 2 for bad input, 1 for a failed check.
  public var exitStatus: Int32 { code.isBadInput ? 2 : 1 }
}
