import VeedorErrors

/// What went wrong publishing.
public enum PublishErrorCode: String, Sendable, Hashable, ExitDeciding {
  /// A folder or file that cannot be used as given (exit 2).
  case badInput
  /// The report does not verify (exit 1).
  case failed
  /// The file system refused a write (exit 1).
  case io

  /// True for input the user must fix.
  public var isBadInput: Bool { self == .badInput }
}

/// A user-facing error from publishing: bad input (exit 2), a report that does not verify (exit 1),
/// or a write the file system refused.
public typealias PublishError = LocatedError<PublishErrorCode>
