import VeedorErrors
import VeedorPlan

/// What went wrong exporting or importing a dataset.
public enum DatasetErrorCode: String, Sendable, Hashable, ExitDeciding {
  /// A file or argument that cannot be used as given (exit 2).
  case badInput
  /// A report that does not verify (exit 1).
  case failed
  /// The file system refused a read or write (exit 1).
  case io

  /// True for input the user must fix.
  public var isBadInput: Bool { self == .badInput }
}

/// A user-facing error from export and import: bad input (exit 2) or a failed check (exit 1).
public typealias DatasetError = LocatedError<DatasetErrorCode>

extension LocatedError where Code == DatasetErrorCode {
  /// A sheet or plan file that cannot be read.
  public init(_ error: PlanError) {
    self = error.recoded(error.code == .io ? .io : .badInput)
  }
}
