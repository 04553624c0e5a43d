import VeedorErrors

/// Errors raised by the ledger: its file, its tree and its proofs.
public enum LedgerError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A tree size larger than the tree.
  case sizeOutOfRange(Int, size: Int)
  /// A leaf index outside the tree.
  case indexOutOfRange(Int, size: Int)
  /// A consistency range that is not `0 < old <= new`.
  case badConsistencyRange(oldSize: Int, newSize: Int)
  /// The ledger file could not be read or written.
  case io(path: String, reason: Phrase)
  /// A line of the ledger is not a valid entry.
  case badLine(path: String, line: Int, reason: Phrase)
  /// The last line was cut short by a crash; `veedor ledger repair` moves it aside.
  case tornTail(path: String, line: Int)
  /// A checkpoint text could not be parsed.
  case badCheckpoint(Phrase)
  /// An entry longer than a tlog-tiles entry bundle can hold (65,535 bytes).
  case entryTooLong(path: String, bytes: Int)

  /// A one-line, user-facing message.
  public var description: String {
    switch self {
    case .sizeOutOfRange(let n, let size):
      return "tree size \(n) is out of range (the ledger has \(size) entries)"
    case .indexOutOfRange(let i, let size):
      return "entry \(i) is not in a tree of \(size) entries (entries are numbered 0 to \(size - 1))"
    case .badConsistencyRange(let old, let new):
      return "a consistency proof needs 0 < old size <= new size (got \(old) and \(new))"
    case .io(let path, let reason):
      return "\(path): \(reason)"
    case .badLine(let path, let line, let reason):
      return "\(path):\(line): \(reason)"
    case .tornTail(let path, let line):
      return
        "\(path):\(line): the last line is incomplete (an interrupted write); run 'veedor ledger repair' to move it aside"
    case .badCheckpoint(let reason):
      return "invalid checkpoint: \(reason)"
    case .entryTooLong(let path, let bytes):
      return
        "\(path): the new entry would be \(bytes) bytes; an entry may be at most \(LedgerFile.maxLineBytes) bytes (so the log can be served as tlog-tiles); shorten the text"
    }
  }
}
