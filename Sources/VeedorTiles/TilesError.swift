import VeedorErrors

/// What went wrong publishing or reading a tiled log.
public enum TilesErrorCode: String, Sendable, Hashable, ExitDeciding {
  /// A file, address or argument that cannot be used as given (exit 2).
  case badInput
  /// A tile, bundle, checkpoint or cosignature that does not check out (exit 1).
  case integrity
  /// A read or write failed (exit 1).
  case io

  /// True for input the user must fix.
  public var isBadInput: Bool { self == .badInput }
}

/// A user-facing error about a tiled log: names the tile, file or witness at fault.
public typealias TilesError = LocatedError<TilesErrorCode>
