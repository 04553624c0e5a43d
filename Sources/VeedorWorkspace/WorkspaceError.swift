import VeedorPlan
import VeedorRecords

/// A user-facing error from the workspace: bad input names its file, line and field.
public struct WorkspaceError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong, so callers and tests can tell errors apart.
  public enum Code: String, Sendable, Hashable {
    /// A file or argument could not be read or has invalid content.
    case badInput
    /// A name (commitment, scale, level, evidence) that does not exist.
    case unknownName
    /// The workspace's files disagree with its ledger, or the ledger is damaged.
    case integrity
    /// The file system refused an operation.
    case io
    /// The request conflicts with the workspace's state (e.g. already scored).
    case conflict
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
  public init(
    _ code: Code, _ message: String, file: String? = nil, line: Int? = nil, field: String? = nil
  ) {
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

  /// Equal when the codes are equal, so tests can match errors by kind.
  public static func == (lhs: WorkspaceError, rhs: WorkspaceError) -> Bool { lhs.code == rhs.code }

  /// Hashes the code only, consistent with equality.
  public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

extension WorkspaceError {
  /// A plan that cannot be read: bad input, or an I/O failure.
  public init(_ error: PlanError) {
    self.init(
      error.code == .io ? .io : .badInput, error.message, file: error.file, line: error.line, field: error.field)
  }

  /// A ledger line that does not fit its history: an integrity failure.
  public init(_ error: RecordsError) {
    self.init(.integrity, error.message, file: error.file, line: error.line, field: error.field)
  }
}
