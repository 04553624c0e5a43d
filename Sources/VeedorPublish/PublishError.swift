/// A user-facing error from publishing: bad input (exit 2), a report that does not verify (exit 1),
/// or a write the file system refused.
public struct PublishError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Kind of error.
  public enum Code: String, Sendable, Hashable {
    /// A folder or file that cannot be used as given (exit 2).
    case badInput
    /// The report does not verify (exit 1).
    case failed
    /// The file system refused a write (exit 1).
    case io
  }

  /// Kind of error.
  public var code: Code
  /// File or folder concerned, if any.
  public var file: String?
  /// What is wrong, in plain words.
  public var message: String

  /// Creates an error.
  public init(_ code: Code, _ message: String, file: String? = nil) {
    self.code = code
    self.message = message
    self.file = file
  }

  /// The exit status a command should end with: 2 for bad input, 1 otherwise.
  public var exitStatus: Int32 { code == .badInput ? 2 : 1 }

  /// One line: `file: message`.
  public var description: String { (file.map { $0 + ": " } ?? "") + message }
}
