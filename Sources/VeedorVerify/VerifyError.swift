import VeedorErrors

/// What went wrong verifying.
public enum VerifyErrorCode: String, Sendable, Hashable, ExitDeciding {
  /// A file or argument that cannot be used as given (exit 2).
  case badInput
  /// A check that did not pass (exit 1).
  case failed

  /// True for input the user must fix.
  public var isBadInput: Bool { self == .badInput }
}

/// A user-facing error from verification: bad input (exit 2) or a failed check (exit 1).
public typealias VerifyError = LocatedError<VerifyErrorCode>
