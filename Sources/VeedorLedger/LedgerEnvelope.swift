import Foundation

/// The fields every ledger entry carries, whatever its type: position, link and kind.
public struct LedgerEnvelope: Codable, Sendable, Hashable {
  /// 0-based position of the entry in the ledger.
  public var seq: Int
  /// Hex leaf hash of the previous entry; absent on the first entry.
  public var prev: String?
  /// The kind of act, e.g. `score.recorded`.
  public var type: String

  /// Creates an envelope.
  public init(seq: Int, prev: String?, type: String) {
    self.seq = seq
    self.prev = prev
    self.type = type
  }

  /// The envelope the next entry after these lines must carry.
  public static func next(after lines: [Data], type: String) -> LedgerEnvelope {
    LedgerEnvelope(seq: lines.count, prev: lines.last.map { RFC6962.leafHex($0) }, type: type)
  }
}
