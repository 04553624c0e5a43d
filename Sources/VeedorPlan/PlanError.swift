import VeedorErrors

/// What went wrong reading an action plan.
public enum PlanErrorCode: String, Sendable, Hashable, ExitDeciding {
  /// The file has content that is not a usable plan (exit 2).
  case badInput
  /// The file system refused to read it (exit 1).
  case io

  /// True for content the user must fix.
  public var isBadInput: Bool { self == .badInput }
}

/// A user-facing error from reading an action plan: names its file, line and field.
public typealias PlanError = LocatedError<PlanErrorCode>
