import VeedorPlan

/// The plan's monthly rhythm of check-ins: for each responsible unit, when the monitor last met it
/// and whether a month has passed since (while the plan is being implemented).
public struct CheckinRhythm: Sendable {
  /// One unit.
  public struct Unit: Codable, Sendable, Hashable {
    /// The unit's name as the plan or a check-in writes it.
    public var name: String
    /// Day of the last check-in it attended.
    public var last: String?
    /// Check-ins it attended.
    public var count: Int
    /// More than a month since the last one (or none yet) while the plan runs.
    public var overdue: Bool
  }

  /// The units: the plan's lead institutions, each commitment's units and milestones' responsible
  /// units, then any other unit a check-in names; each once, ignoring case.
  public private(set) var units: [Unit] = []
  /// Whether `today` falls within the plan's implementation period.
  public private(set) var running: Bool

  /// The rhythm on `today` (`YYYY-MM-DD`).
  public init(plan: ActionPlan, board: MilestoneBoard, cycle: MonitoringCycle, today: String) {
    var names: [String] = plan.leadInstitutions
    for c in plan.commitments { names += [c.leadInstitution].compactMap { $0 } + c.supportingInstitutions }
    names += board.commitments.flatMap(\.milestones).compactMap(\.responsible)
    names += cycle.checkins.flatMap(\.record.units)
    let now = PlanDate(iso: today)
    let started = plan.start.map { start in now.map { $0 >= start } ?? false } ?? true
    let ended = plan.end.map { MilestoneBoard.isPast($0, today: today) } ?? false
    // Without any plan date there is no period to keep a rhythm in: nothing is flagged.
    running = (plan.start != nil || plan.end != nil) && started && !ended
    var seen: Set<String> = []
    for name in names where seen.insert(name.lowercased()).inserted {
      let met = cycle.checkins.filter { $0.record.units.contains { $0.lowercased() == name.lowercased() } }
      let last = met.map(\.record.date).max()
      let due = last.flatMap { PlanDate(iso: $0)?.adding(months: 1) }
      units.append(
        Unit(
          name: name, last: last, count: met.count,
          overdue: running && (last == nil || MilestoneBoard.isPast(due, today: today))))
    }
  }
}
