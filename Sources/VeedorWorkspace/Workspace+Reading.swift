import Foundation
import VeedorLedger
import VeedorRecords

/// Everyday reads of the ledger's acts (`log`, `evidence list`) at about the cost of reading its bytes.
///
/// The ledger is vouched for as `status` vouches for it (``currentState()``: the snapshot checked
/// against the file, every line after it replayed with every check); then one pass over the bytes
/// checks the hash chain from line 1 to the snapshot's last leaf (``ChainScan``), which ties every
/// line to one that a full replay accepted, and picks out the lines to show by a byte pre-filter.
/// Only those are decoded, a batch at a time on every core, and not re-encoded. Whatever does not
/// hold falls back to a full replay (``state()``), which fails with the same error as before or
/// reads the acts from the replayed state. `ledger verify`, `checkpoint`, `report export` and
/// `verify` still replay and check every line.
extension Workspace {
  /// Lines decoded, and acts handed over, per batch.
  static let readBatch = 8_192

  /// Reads the acts `select` chooses (given the ledger's state), in ledger order, handing them to
  /// `body` a batch at a time with that state; never holds every act at once.
  public func readActs(_ select: (LedgerState) -> ActSelection, _ body: ([Act], LedgerState) throws -> Void) throws {
    let checked: (state: LedgerState, size: Int, changed: Bool)
    do { checked = try checkedState(fd: nil) } catch {
      // Reported in the order a full replay finds faults (a bad line before a changed plan.json).
      _ = try state()
      throw error
    }
    if checked.changed { LedgerSnapshot(size: checked.size, state: checked.state).save(to: snapshotFile) }
    let selection = select(checked.state)
    guard let lastLeaf = checked.state.lastLeaf,
      let mapped = try? Data(contentsOf: ledger.url, options: .alwaysMapped), mapped.count >= checked.size
    else { return try readReplayed(select, body) }
    let start = mapped.startIndex
    let scan = mapped.withUnsafeBytes { raw in
      ChainScan.scan(UnsafeRawBufferPointer(rebasing: raw[0..<checked.size]), lastLeaf: lastLeaf, pick: selection.lines)
    }
    guard let scan, scan.count == checked.state.count else { return try readReplayed(select, body) }
    var from = 0
    while from < scan.picked.count {
      let lines = scan.picked[from..<min(from + Self.readBatch, scan.picked.count)]
      let decoded = ActReading.decode(lines.map { mapped[start + $0.range.lowerBound..<start + $0.range.upperBound] })
      var acts: [Act] = []
      for (line, act) in zip(lines, decoded) {
        // Only a snapshot that was not written by Veedor can bring this about: report what replay finds.
        guard let act, act.seq == line.number else {
          _ = try state()
          throw WorkspaceError(
            .integrity, "changed while it was read", es: "cambió mientras se leía", file: ledgerPath,
            line: line.number + 1)
        }
        if selection.accepts(act) { acts.append(act) }
      }
      if !acts.isEmpty { try body(acts, checked.state) }
      from += Self.readBatch
    }
  }

  /// The same read from a full replay of the ledger, which throws the error that replay finds.
  private func readReplayed(_ select: (LedgerState) -> ActSelection, _ body: ([Act], LedgerState) throws -> Void)
    throws
  {
    WorkCounter.add("full replays", 1)
    let full = try state()
    let selection = select(full)
    let acts = full.acts.filter(selection.accepts)
    var from = 0
    while from < acts.count {
      try body(Array(acts[from..<min(from + Self.readBatch, acts.count)]), full)
      from += Self.readBatch
    }
  }
}
