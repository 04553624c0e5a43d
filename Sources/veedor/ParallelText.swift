import Foundation

/// Output made from many items on every core and written in item order, so a long listing is not
/// bound to one core's formatting: the bytes are those of formatting the items one by one.
enum ParallelText {
  /// Below this many items one core formats them (spreading costs more than it saves).
  static let parallelFrom = 256

  /// `chunk(items)` over consecutive runs of the items, concatenated in order; the first error thrown,
  /// in item order, is rethrown.
  static func join<T: Sendable>(_ items: [T], _ chunk: @escaping @Sendable (ArraySlice<T>) throws -> [UInt8]) throws
    -> [UInt8]
  {
    let workers = items.count < parallelFrom ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
    let chunks = workers == 1 ? 1 : workers * 4
    let size = (items.count + chunks - 1) / max(chunks, 1)
    var parts = [Result<[UInt8], any Error>](repeating: .success([]), count: chunks)
    parts.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let out = buffer
      DispatchQueue.concurrentPerform(iterations: chunks) { c in
        out[c] = Result { try chunk(items[min(items.count, c * size)..<min(items.count, (c + 1) * size)]) }
      }
    }
    var all: [UInt8] = []
    for part in parts { all += try part.get() }
    return all
  }

  /// Writes bytes to standard output, through the same buffered stream as `print`.
  static func write(_ bytes: [UInt8]) {
    guard !bytes.isEmpty else { return }
    print(String(decoding: bytes, as: UTF8.self), terminator: "")
  }
}
