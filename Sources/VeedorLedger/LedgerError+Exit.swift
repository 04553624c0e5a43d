extension LedgerError {
  /// Whether this is the user's request (an entry or tree size the ledger does not have) rather than a failed check.
  public var isBadInput: Bool {
    switch self {
    case .sizeOutOfRange, .indexOutOfRange, .badConsistencyRange, .entryTooLong: return true
    case .io, .badLine, .tornTail, .badCheckpoint: return false
    }
  }

  /// The exit status a command should end with: 2 for bad input, 1 for a failed check.
  public var exitStatus: Int32 { isBadInput ? 2 : 1 }
}
