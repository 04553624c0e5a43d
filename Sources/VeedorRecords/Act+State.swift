import Foundation

extension Act {
  /// Creates an act placed after the entries a state has applied (its `seq` and `prev`).
  public init(after state: LedgerState, type: ActType, time: Date) {
    self.init(after: [], type: type, time: time)
    seq = state.count
    prev = state.lastLeaf
  }
}
