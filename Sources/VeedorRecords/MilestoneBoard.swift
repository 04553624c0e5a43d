import VeedorPlan

/// Every milestone of a plan as it stands: the plan's milestones with the recorded changes applied,
/// each with its latest update, whether it is overdue on a given day, and each commitment's progress
/// rolled up from its milestones (weighted), shown beside — never instead of — the monitor's score.
public struct MilestoneBoard: Sendable {
  /// One milestone as it stands.
  public struct Item: Codable, Sendable, Hashable {
    /// Stable id (`CLPLN0001.M2`).
    public var id: String
    /// The commitment it belongs to.
    public var commitment: String
    /// What is to be delivered (after any recorded rewording).
    public var title: PlanText
    /// Planned start.
    public var start: PlanDate?
    /// Due date.
    public var due: PlanDate?
    /// Responsible unit: the latest update's, else the plan's.
    public var responsible: String?
    /// Weight in the commitment's progress.
    public var weight: Double
    /// Latest status (`not-started` when never updated).
    public var status: MilestoneStatus
    /// Latest progress, 0–100.
    public var progress: Int
    /// Day of the latest update.
    public var updated: String?
    /// Day it was met.
    public var met: String?
    /// Dropped by a recorded change (kept, shown struck out, not counted).
    public var dropped: Bool
    /// Added by a recorded change rather than in the plan.
    public var added: Bool
    /// Due before the given day and neither complete nor withdrawn.
    public var overdue: Bool
    /// The Open Contracting Data Standard's milestone status for it: `scheduled`, `met`, `notMet` or
    /// `partiallyMet` (``MilestoneStatus/ocds(overdue:)``).
    public var ocds: String = ""
  }

  /// One commitment's milestones and progress.
  public struct CommitmentProgress: Codable, Sendable, Hashable {
    /// Commitment id.
    public var commitment: String
    /// Weighted progress of the counted milestones (0–100, one decimal), nil without any.
    public var progress: Double?
    /// Its milestones, plan order then added ones.
    public var milestones: [Item]
    /// How many are overdue.
    public var overdue: Int
  }

  /// Per commitment, in plan order.
  public private(set) var commitments: [CommitmentProgress] = []
  private var index: [String: Item] = [:]

  /// The board on `today` (`YYYY-MM-DD`, the day overdue is judged on).
  public init(plan: ActionPlan, cycle: MonitoringCycle, today: String) {
    let dropped = cycle.dropped
    var latestChange: [String: MilestoneChangeRecord] = [:]
    for entry in cycle.changes { latestChange[entry.record.milestone] = entry.record }
    for commitment in plan.commitments {
      var items: [Item] = []
      var ids = commitment.milestones.indices.map { commitment.milestoneID($0) }
      for change in cycle.changes where change.record.change == .added && change.record.commitment == commitment.id {
        if !ids.contains(change.record.milestone) { ids.append(change.record.milestone) }
      }
      for (i, id) in ids.enumerated() {
        let planned = i < commitment.milestones.count ? commitment.milestones[i] : nil
        guard let milestone = latestChange[id]?.now ?? planned ?? Self.lastKnown(id, cycle) else { continue }
        let latest = cycle.latest(id)
        let status = latest?.status ?? .notStarted
        var item = Item(
          id: id, commitment: commitment.id, title: milestone.title, start: milestone.start, due: milestone.due,
          responsible: latest?.responsible ?? milestone.responsible, weight: milestone.weight ?? 1, status: status,
          progress: latest?.progress ?? 0, updated: latest?.date, met: latest?.met, dropped: dropped.contains(id),
          added: planned == nil, overdue: false)
        item.overdue = !item.dropped && !status.isClosed && Self.isPast(milestone.due, today: today)
        item.ocds = status.ocds(overdue: item.overdue)
        items.append(item)
        index[id.lowercased()] = item
      }
      let counted = items.filter { !$0.dropped && $0.status != .withdrawn }
      let weight = counted.reduce(0) { $0 + $1.weight }
      let progress =
        weight > 0 ? (counted.reduce(0) { $0 + $1.weight * Double($1.progress) } / weight * 10).rounded() / 10 : nil
      commitments.append(
        CommitmentProgress(
          commitment: commitment.id, progress: progress, milestones: items, overdue: items.filter(\.overdue).count))
    }
  }

  /// The milestone with an id, ignoring case.
  public func item(_ id: String) -> Item? { index[id.lowercased()] }

  /// The milestone a drop left without wording: its last recorded form.
  private static func lastKnown(_ id: String, _ cycle: MonitoringCycle) -> Milestone? {
    cycle.changes.last { $0.record.milestone == id && $0.record.now != nil }?.record.now
  }

  /// Whether a due date is over on `today`: the day after it, or after the month or year it names.
  public static func isPast(_ due: PlanDate?, today: String) -> Bool {
    guard let due, let now = PlanDate(iso: today) else { return false }
    if due.day != nil { return now > due }
    // Known to the month or year: over from the first day of the next month or year.
    let next = due.month == nil ? PlanDate(year: due.year + 1, month: 1, day: 1) : due.adding(months: 1)
    guard let next, let first = PlanDate(year: next.year, month: next.month ?? 1, day: 1) else { return false }
    return now >= first
  }
}
