import VeedorLedger
import VeedorPlan

/// The monitoring cycle as the ledger records it: milestone updates and changes, and check-ins,
/// each with the entry that records it. Replay enforces the rules that need no plan; the workspace
/// and report derivation also check milestone ids against the plan.
public struct MonitoringCycle: Sendable, Codable {
  /// A record with the ledger entry (seq) and time that recorded it.
  public struct Entry<Record: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    /// The record.
    public var record: Record
    /// Its entry's position in the ledger.
    public var entry: Int
    /// Its entry's time.
    public var time: String
  }

  /// Every milestone update, by milestone id, oldest first.
  public private(set) var updates: [String: [Entry<MilestoneUpdateRecord>]] = [:]
  /// Every milestone update in ledger order.
  public private(set) var allUpdates: [Entry<MilestoneUpdateRecord>] = []
  /// Every milestone change in ledger order.
  public private(set) var changes: [Entry<MilestoneChangeRecord>] = []
  /// Every check-in in ledger order.
  public private(set) var checkins: [Entry<CheckinRecord>] = []
  /// Milestones dropped, and milestones added, by the changes so far (kept with `changes`, so a
  /// check needs no scan of every change; not encoded, rebuilt when decoded).
  private var droppedIDs: Set<String> = []
  private var addedIDs: Set<String> = []

  private enum CodingKeys: String, CodingKey {
    case updates, allUpdates, changes, checkins
  }

  /// An empty cycle.
  public init() {}

  /// Restores a cycle from its encoding.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    updates = try c.decode([String: [Entry<MilestoneUpdateRecord>]].self, forKey: .updates)
    allUpdates = try c.decode([Entry<MilestoneUpdateRecord>].self, forKey: .allUpdates)
    changes = try c.decode([Entry<MilestoneChangeRecord>].self, forKey: .changes)
    checkins = try c.decode([Entry<CheckinRecord>].self, forKey: .checkins)
    indexChanges()
  }

  /// Rebuilds the sets of dropped and added milestones from `changes`.
  private mutating func indexChanges() {
    droppedIDs = Set(changes.filter { $0.record.change == .dropped }.map(\.record.milestone))
    addedIDs = Set(changes.filter { $0.record.change == .added }.map(\.record.milestone))
  }

  /// The latest update of a milestone: by date, then by entry.
  public func latest(_ milestone: String) -> MilestoneUpdateRecord? { updates[milestone]?.last?.record }

  /// The cycle as it stood on a day: updates dated up to it (the latest by date, then by entry,
  /// counts), check-ins held up to it, and the milestones as now known (added and reworded ones
  /// count even when recorded later, as a monitor may record the plan's milestones after the fact),
  /// less those dropped up to that day.
  public func asOf(_ day: String) -> MonitoringCycle {
    var past = MonitoringCycle()
    past.allUpdates = allUpdates.filter { $0.record.date <= day }
    for entry in past.allUpdates.sorted(by: { ($0.record.date, $0.entry) < ($1.record.date, $1.entry) }) {
      past.updates[entry.record.milestone, default: []].append(entry)
    }
    past.changes = changes.filter { $0.record.change != .dropped || $0.time.prefix(10) <= day }
    past.indexChanges()
    past.checkins = checkins.filter { $0.record.date <= day }
    return past
  }

  /// Milestones dropped by a recorded change.
  public var dropped: Set<String> { droppedIDs }

  /// Applies one cycle act, refusing one that breaks the cycle's rules.
  mutating func apply(_ act: Act, hasEvidence: (String) -> Bool) throws(RecordsError) {
    switch act.type {
    case .milestoneUpdated:
      guard let r = act.milestone else {
        throw RecordsError(.integrity, "missing milestone", es: "falta el hito", field: "milestone")
      }
      try check(r, recorded: act.time)
      for id in r.evidence where !hasEvidence(id) {
        throw RecordsError(
          .integrity, "cites unknown evidence '\(id)'", es: "cita una evidencia desconocida '\(id)'",
          field: "milestone.evidence")
      }
      let entry = Entry(record: r, entry: act.seq, time: act.time)
      // Kept by date, then entry: an update recorded late about an earlier day is not the latest.
      // Inserted in place: a copy of the milestone's list taken out would be copied again by the insert.
      let at = updates[r.milestone].flatMap { $0.lastIndex { $0.record.date <= r.date }.map { $0 + 1 } } ?? 0
      Self.insert(entry, at: at, into: &updates[r.milestone, default: []])
      Self.insert(entry, at: allUpdates.count, into: &allUpdates)
    case .milestoneChanged:
      guard let r = act.milestoneChange else {
        throw RecordsError(
          .integrity, "missing milestoneChange", es: "falta el cambio de hito", field: "milestoneChange")
      }
      try check(r)
      Self.insert(Entry(record: r, entry: act.seq, time: act.time), at: changes.count, into: &changes)
      if r.change == .dropped { droppedIDs.insert(r.milestone) }
      if r.change == .added { addedIDs.insert(r.milestone) }
    case .checkinAdded:
      guard let r = act.checkin else {
        throw RecordsError(.integrity, "missing checkin", es: "falta la reunión", field: "checkin")
      }
      try check(r, recorded: act.time)
      for id in r.evidence where !hasEvidence(id) {
        throw RecordsError(
          .integrity, "cites unknown evidence '\(id)'", es: "cita una evidencia desconocida '\(id)'",
          field: "checkin.evidence")
      }
      Self.insert(Entry(record: r, entry: act.seq, time: act.time), at: checkins.count, into: &checkins)
    default: break
    }
  }

  /// Inserts an entry into one of the cycle's lists, counting as "cycle entries copied" (``WorkCounter``)
  /// the entries moved to new storage: a few per entry as the list doubles, every one of them each
  /// time when the list's storage is shared with a copy of the cycle (an insert must then copy it all).
  private static func insert<Record>(_ entry: Entry<Record>, at index: Int, into list: inout [Entry<Record>]) {
    let before = list.withUnsafeBufferPointer { $0.baseAddress }
    list.insert(entry, at: index)
    if list.count > 1, list.withUnsafeBufferPointer({ $0.baseAddress }) != before {
      WorkCounter.add("cycle entries copied", list.count - 1)
    }
  }

  /// Whether a text is a calendar day `YYYY-MM-DD`.
  public static func isDay(_ text: String) -> Bool {
    text.count == 10 && PlanDate(iso: text)?.day != nil
  }

  private func check(_ r: MilestoneUpdateRecord, recorded time: String) throws(RecordsError) {
    func fail(_ message: String, es: String, _ field: String) -> RecordsError {
      RecordsError(.integrity, message, es: es, field: "milestone.\(field)")
    }
    guard r.id == "U\(allUpdates.count + 1)" else {
      throw fail("update id \(r.id) out of sequence", es: "id de actualización \(r.id) fuera de secuencia", "id")
    }
    guard !r.milestone.isEmpty, !droppedIDs.contains(r.milestone) else {
      throw fail(
        "updates a milestone that is missing or was dropped", es: "actualiza un hito que falta o que fue eliminado",
        "milestone")
    }
    guard (0...100).contains(r.progress) else {
      throw fail("progress must be 0 to 100", es: "el avance debe ser de 0 a 100", "progress")
    }
    guard Self.isDay(r.date) else {
      throw fail("'\(r.date)' is not a day YYYY-MM-DD", es: "'\(r.date)' no es un día YYYY-MM-DD", "date")
    }
    guard r.date <= time.prefix(10) else {
      throw fail(
        "dated \(r.date), after the day it is recorded", es: "fechada el \(r.date), después del día en que se registra",
        "date")
    }
    if let met = r.met, met > r.date {
      throw fail(
        "met on \(met), after the day the update describes (\(r.date))",
        es: "cumplido el \(met), después del día que describe la actualización (\(r.date))", "met")
    }
    switch r.status {
    case .complete:
      guard r.progress == 100, let met = r.met, Self.isDay(met) else {
        throw fail(
          "a complete milestone has progress 100 and the day it was met",
          es: "un hito completo tiene avance 100 y el día en que se cumplió", "met")
      }
    case .notStarted:
      guard r.progress == 0 else {
        throw fail("a milestone not started has progress 0", es: "un hito no iniciado tiene avance 0", "progress")
      }
    default:
      guard r.met == nil else {
        throw fail(
          "only a complete milestone has a day it was met", es: "solo un hito completo tiene un día en que se cumplió",
          "met")
      }
    }
    // Compared with the update recorded last (in ledger order), as when it was recorded.
    if let before = allUpdates.last(where: { $0.record.milestone == r.milestone })?.record,
      r.progress < before.progress,
      r.note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    {
      throw fail(
        "progress goes back from \(before.progress)% to \(r.progress)% without a note saying why",
        es: "el avance retrocede de \(before.progress)% a \(r.progress)% sin una nota que explique por qué", "note")
    }
  }

  private func check(_ r: MilestoneChangeRecord) throws(RecordsError) {
    func fail(_ message: String, es: String) -> RecordsError {
      RecordsError(.integrity, message, es: es, field: "milestoneChange")
    }
    guard !r.milestone.isEmpty, !r.commitment.isEmpty, !droppedIDs.contains(r.milestone) else {
      throw fail(
        "changes a milestone that is missing or was dropped", es: "cambia un hito que falta o que fue eliminado")
    }
    guard !r.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw fail(
        "a change of the plan's milestones needs a reason", es: "un cambio en los hitos del plan necesita un motivo")
    }
    let added = addedIDs.contains(r.milestone)
    guard (r.change == .dropped) == (r.now == nil), r.change != .added || !added else {
      throw fail(
        "an added milestone is new and a kept one says what it is now",
        es: "un hito agregado es nuevo, y uno que se mantiene indica cómo queda")
    }
  }

  private func check(_ r: CheckinRecord, recorded time: String) throws(RecordsError) {
    func fail(_ message: String, es: String) -> RecordsError {
      RecordsError(.integrity, message, es: es, field: "checkin")
    }
    guard r.id == "C\(checkins.count + 1)" else {
      throw fail("check-in id \(r.id) out of sequence", es: "id de reunión \(r.id) fuera de secuencia")
    }
    guard Self.isDay(r.date) else {
      throw fail("'\(r.date)' is not a day YYYY-MM-DD", es: "'\(r.date)' no es un día YYYY-MM-DD")
    }
    guard r.date <= time.prefix(10) else {
      throw fail(
        "held on \(r.date), after the day it is recorded",
        es: "realizada el \(r.date), después del día en que se registra")
    }
    guard !r.units.isEmpty, r.units.allSatisfy({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
      throw fail("a check-in names the units present", es: "una reunión indica las unidades presentes")
    }
    guard !r.reported.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw fail("a check-in says what the units reported", es: "una reunión indica lo que informaron las unidades")
    }
    for followUp in r.followUps where followUp.text.isEmpty || !(followUp.due.map(Self.isDay) ?? true) {
      throw fail(
        "a follow-up needs its text and, if dated, a day YYYY-MM-DD",
        es: "un seguimiento necesita su texto y, si tiene fecha, un día YYYY-MM-DD")
    }
  }
}
