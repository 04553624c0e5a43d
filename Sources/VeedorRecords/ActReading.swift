import Foundation
import VeedorJSON
import VeedorLedger

/// Ledger lines decoded only to be shown, on every core: no canonical-form re-encoding, no leaf hash
/// and no replay, because the reader has already checked the lines some other way (a checked snapshot
/// and the hash chain up to its last leaf: see `Workspace.readActs`). Replay (``LedgerState``) is what
/// checks lines; this only reads them.
public enum ActReading {
  /// Below this many lines one core decodes them (spreading costs more than it saves).
  static let parallelFrom = 512

  /// The acts of `lines`, in order; nil for a line that does not decode.
  public static func decode(_ lines: [Data]) -> [Act?] {
    let count = lines.count
    WorkCounter.add("entries decoded", count)
    let workers = count < parallelFrom ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
    var out = [Act?](repeating: nil, count: count)
    out.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let target = buffer
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var i = worker
        while i < count {
          target[i] = CanonicalJSON.read(Act.self, from: lines[i])
          i += workers
        }
      }
    }
    return out
  }
}
