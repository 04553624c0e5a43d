import Foundation
import VeedorJSON
import VeedorLedger

/// Ledger lines decoded ahead of replay, in batches spread over the machine's cores: each line's
/// act, whether it is in canonical form, and its leaf hash. Replay then applies them in order, so
/// the first bad line is still the one reported.
enum LineDecoding {
  /// One line, decoded.
  enum Decoded {
    /// The line's act and the hex of its RFC 6962 leaf hash.
    case act(Act, leaf: String)
    /// Not a ledger entry.
    case invalid
    /// An entry, but not in canonical form.
    case notCanonical
  }

  /// Lines per batch: enough to share between cores, few enough to keep memory small.
  static let batch = 8_192

  /// Below this many lines one core decodes them (spreading costs more than it saves).
  static let parallelFrom = 2_048

  /// Decodes `lines` (one batch), on every core when there are many; `leaves`, when given, are their
  /// leaf hashes in hex, one for one.
  static func decode(_ lines: ArraySlice<Data>, leaves: ArraySlice<String>? = nil) -> [Decoded] {
    let count = lines.count
    let workers = count < parallelFrom ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
    var out = [Decoded](repeating: .invalid, count: count)
    out.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let target = buffer
      let start = lines.startIndex
      let work = { @Sendable (worker: Int) in
        var fallback: Fallback?
        var i = worker
        while i < count {
          target[i] = decodeOne(lines[start + i], leaves.map { $0[$0.startIndex + i] }, &fallback)
          i += workers
        }
      }
      // One core: no dispatch (a report's few lines are decoded on the thread verifying it).
      if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
    }
    return out
  }

  /// `JSONDecoder` and `JSONEncoder`, made on a thread's first line the canonical reader leaves to them.
  private struct Fallback {
    let decoder = JSONDecoder()
    let encoder = Act.lineEncoder()
  }

  private static func decodeOne(_ line: Data, _ leaf: String?, _ fallback: inout Fallback?) -> Decoded {
    // Read without `JSONDecoder`'s boxing, and taken only when written back canonically it is the
    // line; anything else goes the long way below, which gives the same verdict and error.
    if let act = CanonicalJSON.decode(Act.self, from: line), CanonicalJSON.encodes(act, as: line) {
      return .act(act, leaf: leaf ?? RFC6962.leafHex(line))
    }
    let coders = fallback ?? Fallback()
    fallback = coders
    guard let act = try? coders.decoder.decode(Act.self, from: line) else { return .invalid }
    // One meaning for every reader: no duplicate or unknown keys, no other spacing or escaping.
    guard (try? act.line(using: coders.encoder)) == line else { return .notCanonical }
    return .act(act, leaf: leaf ?? RFC6962.leafHex(line))
  }
}
