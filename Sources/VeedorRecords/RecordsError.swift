import VeedorErrors

/// What went wrong in this module: a ledger line that does not fit the history, or a reply file that
/// cannot be read.
public enum RecordsErrorCode: String, Sendable, Hashable, ExitDeciding {
  /// The ledger contradicts itself (exit 1).
  case integrity
  /// A file given by the user (a reply) is not in the documented format (exit 2).
  case badInput

  /// A damaged ledger is a failed check; a malformed reply file is the user's input.
  public var isBadInput: Bool { self == .badInput }
}

/// A ledger line that does not fit the history replayed before it, or a malformed reply file: names
/// the line and field.
public typealias RecordsError = LocatedError<RecordsErrorCode>
