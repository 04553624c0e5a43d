/// A user-facing error from reading an action plan: names its file, line and field.
public struct PlanError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong, so callers can choose an exit status.
  public enum Code: String, Sendable, Hashable {
    /// The file has content that is not a usable plan (exit 2).
    case badInput
    /// The file system refused to read it.
    case io
  }

  /// Kind of error.
  public var code: Code
  /// File the problem is in, if any.
  public var file: String?
  /// 1-based line in that file, if known.
  public var line: Int?
  /// Field or column, if known.
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
