import VeedorErrors

/// What went wrong building or reading a report.
public enum ReportsErrorCode: String, Sendable, Hashable, ExitDeciding {
  /// A file or field that cannot be read as given (exit 2).
  case badInput
  /// Signed inputs that do not agree: a pinned hash, a key, a ledger line (exit 1).
  case integrity

  /// True for input the user must fix.
  public var isBadInput: Bool { self == .badInput }
}

/// A user-facing error from building or reading a report; `field` is a JSON path.
public typealias ReportsError = LocatedError<ReportsErrorCode>
