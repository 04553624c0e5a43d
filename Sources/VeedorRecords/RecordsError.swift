import VeedorErrors

/// What went wrong replaying a ledger: always a line that does not fit the history before it.
public enum RecordsErrorCode: String, Sendable, Hashable, ExitDeciding {
  /// The ledger contradicts itself (exit 1).
  case integrity

  /// Never the user's input: a damaged ledger is a failed check.
  public var isBadInput: Bool { false }
}

/// A ledger line that does not fit the history replayed before it: names the line and field.
public typealias RecordsError = LocatedError<RecordsErrorCode>
