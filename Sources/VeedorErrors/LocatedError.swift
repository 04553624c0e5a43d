/// A user-facing error: what went wrong in plain words, and where — file, line and field — when known.
///
/// Each module names its own kinds of error (`Code`) and gets its own error type from this one,
/// e.g. `typealias PlanError = LocatedError<PlanErrorCode>`, so callers can tell modules apart.
public struct LocatedError<Code: Hashable & Sendable>: Error, Sendable, Hashable, CustomStringConvertible {
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

  /// Creates an error.
  public init(_ code: Code, _ message: String, file: String? = nil, line: Int? = nil, field: String? = nil) {
    self.code = code
    self.message = message
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
