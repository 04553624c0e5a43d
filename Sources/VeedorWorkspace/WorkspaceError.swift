import VeedorErrors
import VeedorPlan
import VeedorRecords

/// What went wrong in a workspace, so callers and tests can tell errors apart.
public enum WorkspaceErrorCode: String, Sendable, Hashable, ExitDeciding {
  /// A file or argument could not be read or has invalid content (exit 2).
  case badInput
  /// A name (commitment, scale, level, evidence) that does not exist (exit 2).
  case unknownName
  /// The workspace's files disagree with its ledger, or the ledger is damaged (exit 1).
  case integrity
  /// The file system refused an operation (exit 1).
  case io
  /// The request conflicts with the workspace's state, e.g. already scored (exit 2).
  case conflict

  /// True for requests and input the user must fix.
  public var isBadInput: Bool { self != .integrity && self != .io }
}

/// A user-facing error from the workspace: bad input names its file, line and field.
public typealias WorkspaceError = LocatedError<WorkspaceErrorCode>

extension LocatedError where Code == WorkspaceErrorCode {
  /// A plan that cannot be read: bad input, or an I/O failure.
  public init(_ error: PlanError) {
    self = error.recoded(error.code == .io ? .io : .badInput)
  }

  /// A ledger line that does not fit its history (an integrity failure), or a malformed reply file.
  public init(_ error: RecordsError) {
    self = error.recoded(error.code == .badInput ? .badInput : .integrity)
  }
}
