import Crypto
import Foundation
import VeedorJSON
import VeedorLedger
import VeedorRecords

/// `ledger.jsonl.state`: the compact state of the ledger's first `size` bytes, a local cache that is
/// checked against the ledger before use (its length, its last line's leaf hash, the chain of lines
/// appended since) and rebuilt by a full replay whenever it does not match; never a source of truth.
public struct LedgerSnapshot: Sendable {
  /// The first line of the file, naming the format.
  public static let format = "veedor-ledger-state/1"
  /// The largest snapshot file read.
  public static let maxBytes = 256 << 20
  /// Length of the ledger prefix the state describes, in bytes (up to the end of its last line).
  public var size: Int
  /// The compact state of that prefix.
  public var state: LedgerState

  /// A snapshot of a state at a ledger length.
  public init(size: Int, state: LedgerState) {
    self.size = size
    self.state = state
  }

  /// The file's bytes: a header line `veedor-ledger-state/1 SIZE COUNT SHA256` then the state as JSON.
  public func encoded() throws -> Data {
    // The canonical writer when it can (the bytes of a sorted-key `JSONEncoder`), else `JSONEncoder`.
    let body = try CanonicalJSON.encode(state).map { Data($0) } ?? JSONEncoder().encode(state)
    let digest = Data(SHA256.hash(data: body)).hexString
    return Data("\(Self.format) \(size) \(state.count) \(digest)\n".utf8) + body
  }

  /// Reads a snapshot file; nil when it is missing, a symlink or not a regular file, too large, or
  /// does not decode to a state whose digest and count its header names.
  public static func load(from url: URL) -> LedgerSnapshot? {
    guard let data = try? BoundedRead.contents(of: url, limit: Int64(maxBytes), followingLinks: false),
      let newline = data.firstIndex(of: 0x0A)
    else { return nil }
    let header = String(decoding: data[..<newline], as: UTF8.self).split(separator: " ").map(String.init)
    let body = data[(newline + 1)...]
    guard header.count == 4, header[0] == format, let size = Int(header[1]), size > 0, let count = Int(header[2]),
      Data(SHA256.hash(data: body)).hexString == header[3],
      let state = CanonicalJSON.read(LedgerState.self, from: Data(body)), state.count == count, count > 0
    else { return nil }
    return LedgerSnapshot(size: size, state: state)
  }

  /// Replaces the snapshot file atomically (never through a symlink), without fsync: a lost or damaged
  /// snapshot is rebuilt. Best effort: a snapshot that cannot be written costs the next command a replay.
  public func save(to url: URL) {
    guard let data = try? encoded() else { return }
    try? POSIXFile.writeAtomically(data, to: url, durable: false)
  }
}
