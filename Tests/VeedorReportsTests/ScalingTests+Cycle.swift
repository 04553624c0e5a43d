import Foundation
import Testing
import VeedorLedger
import VeedorPlan
import VeedorRecords
import VeedorTestSupport

/// Replaying check-ins and milestone entries costs the same per entry however many came before: the
/// cycle's lists grow in place. Counted, not timed: every entry moved to new storage is counted as
/// "cycle entries copied", a few per entry while a list doubles, all of them per entry when a copy of
/// the cycle shares the list's storage (the quadratic bug this guards against).
extension ScalingTests {
  /// The bundled ledger followed by `n` check-ins, `n` updates of one milestone and `n` rewordings of another.
  static func cycleLines(_ n: Int) throws -> [Data] {
    let ledger = TestSupport.packageRoot.appendingPathComponent("evidence/ledger.jsonl")
    var lines = try Data(contentsOf: ledger).split(separator: 0x0A).map { Data($0) }
    var state = try LedgerState.replay(lines, file: "ledger", keepingRecords: false)
    let (checkins, updates) = (state.cycle.checkins.count, state.cycle.allUpdates.count)
    let time = Date(timeIntervalSince1970: 1_800_000_000)
    for i in 0..<n {
      var checkin = Act(after: state, type: .checkinAdded, time: time)
      checkin.checkin = CheckinRecord(
        id: "C\(checkins + i + 1)", date: "2026-01-01", units: ["Unit"], reported: "Report \(i)")
      lines.append(try state.add(checkin))
      var update = Act(after: state, type: .milestoneUpdated, time: time)
      update.milestone = MilestoneUpdateRecord(
        id: "U\(updates + i + 1)", milestone: "CLPLN0002.M1", status: .limited, progress: 50, date: "2026-01-01")
      lines.append(try state.add(update))
      var change = Act(after: state, type: .milestoneChanged, time: time)
      change.milestoneChange = MilestoneChangeRecord(
        milestone: "CLPLN0001.M2", commitment: "CLPLN0001", change: .reworded,
        now: Milestone(title: PlanText(en: "Step \(i)")), reason: "Agreed \(i)")
      lines.append(try state.add(change))
    }
    return lines
  }

  /// The cycle entries copied while replaying the bundled ledger followed by `n` entries of each kind.
  static func cycleCopies(_ n: Int) throws -> Int {
    let lines = try cycleLines(n)
    let counter = WorkCounter()
    try WorkCounter.$current.withValue(counter) {
      let state = try LedgerState.replay(lines, file: "ledger", keepingRecords: false)
      #expect(state.cycle.checkins.count >= n && state.cycle.changes.count >= n)
    }
    return counter.totals["cycle entries copied"] ?? 0
  }

  @Test("replaying N and 10N check-in and milestone entries copies each entry a few times, never the whole cycle")
  func cycleEntriesDoNotCopyTheCycle() throws {
    let small = try Self.cycleCopies(1_000)
    let large = try Self.cycleCopies(10_000)
    print("cycle entries copied: \(small) for 3 × 1,000 entries, \(large) for 3 × 10,000")
    #expect(small > 0, "nothing counted: the lists never grew?")
    // Four lists (check-ins, changes, all updates, the milestone's updates), each doubling as it grows:
    // under two copies per entry at any size. A copy of the cycle per entry: about n²/2 per list.
    #expect(small <= 8 * 1_000, "\(small) entries copied for 3 × 1,000 entries")
    #expect(large <= 8 * 10_000, "\(large) entries copied for 3 × 10,000 entries")
    // Ten times the entries: 10× the copies, up to 16× as lists double (a copy per entry: about 100×).
    #expect(large <= 20 * small, "copies went from \(small) to \(large)")
  }
}
