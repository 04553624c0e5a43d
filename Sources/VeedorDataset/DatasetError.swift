import VeedorPlan

/// A user-facing error from export and import: bad input (exit 2) or a failed check (exit 1).
public struct DatasetError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Whether the input is unusable or a check failed.
  public enum Code: String, Sendable, Hashable {
    /// A file or argument that cannot be used as given (exit 2).
    case badInput
    /// A report that does not verify (exit 1).
    case failed
    /// The file system refused a write.
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

  /// A sheet or plan file that cannot be read.
  public init(_ error: PlanError) {
    self.init(
      error.code == .io ? .io : .badInput, error.message, file: error.file, line: error.line, field: error.field)
  }

  /// The exit status a command should end with: 2 for bad input, 1 otherwise.
  public var exitStatus: Int32 { code == .badInput ? 2 : 1 }

  /// One line: `file:line: field 'x': message`.
  public var description: String {
    var prefix = ""
    if let file { prefix += file + (line.map { ":\($0)" } ?? "") + ": " }
    if let field { prefix += "field '\(field)': " }
    return prefix + message
  }
}
