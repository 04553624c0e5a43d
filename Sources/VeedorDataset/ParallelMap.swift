import Foundation

/// Independent work spread over a fixed number of threads, with results in input order: the output
/// never depends on how many threads ran or which finished first.
enum ParallelMap {
  /// The threads an import uses by default: one per active core.
  static var defaultWorkers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

  /// `body(i)` for every `i` in `0..<count`, on up to `workers` threads (each takes the next index
  /// when it is free, so one slow item does not hold up a share of the others), in index order.
  /// With one worker the work runs on the calling thread, in order.
  static func map<T: Sendable>(_ count: Int, workers: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard workers > 1, count > 1 else { return (0..<count).map(body) }
    let shared = ParallelSlots<T>(count)
    DispatchQueue.concurrentPerform(iterations: min(workers, count)) { _ in
      while let i = shared.take(below: count) { shared.store(body(i), at: i) }
    }
    return shared.slots.map { $0! }
  }
}

/// The next index to take and one slot per index, each written by exactly one thread.
final class ParallelSlots<T: Sendable>: @unchecked Sendable {
  /// Guards `next` and `slots`.
  let lock = NSLock()
  /// The lowest index no thread has taken.
  var next = 0
  /// The results so far, by index.
  var slots: [T?]
  /// Empty slots for `count` items.
  init(_ count: Int) { slots = Array(repeating: nil, count: count) }
  /// The next index not yet taken, or nil when all are.
  func take(below count: Int) -> Int? {
    lock.withLock {
      guard next < count else { return nil }
      defer { next += 1 }
      return next
    }
  }
  /// Stores a result.
  func store(_ value: T, at i: Int) { lock.withLock { slots[i] = value } }
}
