/// A user-facing error from building or reading a report: bad input (exit 2) or a failed check (exit 1).
public struct ReportsError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Whether the input is unusable or the inputs contradict each other.
  public enum Code: String, Sendable, Hashable {
    /// A file or field that cannot be read as given (exit 2).
    case badInput
    /// Signed inputs that do not agree: a pinned hash, a key, a ledger line (exit 1).
    case integrity
  }

  /// Kind of error.
  public var code: Code
  /// File the problem is in, if any.
  public var file: String?
  /// JSON path or field, if known.
  public var field: String?
  /// What is wrong, in plain words.
  public var message: String

  /// Creates an error.
  public init(_ code: Code, _ message: String, file: String? = nil, field: String? = nil) {
    self.code = code
    self.message = message
    self.file = file
    self.field = field
  }

  /// The exit status a command should end with: 2 for bad input, 1 for a failed check.
  public var exitStatus: Int32 { code == .badInput ? 2 : 1 }

  /// One line: `file: field 'x': message`.
  public var description: String {
    var prefix = file.map { $0 + ": " } ?? ""
    if let field { prefix += "field '\(field)': " }
    return prefix + message
  }
}
