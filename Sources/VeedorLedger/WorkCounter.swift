import Foundation

/// Counts the work the ledger's readers do — lines read, entries decoded, hashes computed — for the
/// calling task only, so a test can show that cost grows in proportion to the ledger, not faster.
///
/// Counting is off unless a task installs a counter with `WorkCounter.$current.withValue(…)`.
public final class WorkCounter: @unchecked Sendable {
  /// The counter of the current task, if one is installed.
  @TaskLocal public static var current: WorkCounter?

  private let lock = NSLock()
  private var counts: [String: Int] = [:]

  /// An empty counter.
  public init() {}

  /// Adds `n` to a kind of work on the current task's counter, if any.
  public static func add(_ kind: String, _ n: Int) {
    guard let counter = current, n > 0 else { return }
    counter.lock.withLock { counter.counts[kind, default: 0] += n }
  }

  /// The counts so far, by kind.
  public var totals: [String: Int] { lock.withLock { counts } }
}
