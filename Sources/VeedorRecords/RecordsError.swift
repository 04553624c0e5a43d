/// A ledger line that does not fit the history replayed before it: names the line and field.
public struct RecordsError: Error, Sendable, Hashable, CustomStringConvertible {
  /// File the line is in, if known.
  public var file: String?
  /// 1-based line, if known.
  public var line: Int?
  /// Field of the entry, if known.
  public var field: String?
  /// What is wrong, in plain words.
  public var message: String

  /// Creates an error.
  public init(_ message: String, file: String? = nil, line: Int? = nil, field: String? = nil) {
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
