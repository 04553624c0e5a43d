import VeedorPlan

/// Where a milestone stands, in OGP's completion words (plus withdrawn).
public enum MilestoneStatus: String, Codable, Sendable, Hashable, CaseIterable {
  /// Work has not started.
  case notStarted = "not-started"
  /// A little of it is done.
  case limited
  /// Most of it is done.
  case substantial
  /// Done.
  case complete
  /// Dropped from the plan's implementation.
  case withdrawn

  /// The status meaning a milestone needs no more work.
  public var isClosed: Bool { self == .complete || self == .withdrawn }

  /// The milestone status of the Open Contracting Data Standard (`scheduled`, `met`, `notMet`,
  /// `partiallyMet`): not started is scheduled until it is overdue, then not met.
  public func ocds(overdue: Bool) -> String {
    switch self {
    case .notStarted: return overdue ? "notMet" : "scheduled"
    case .limited, .substantial: return "partiallyMet"
    case .complete: return "met"
    case .withdrawn: return "notMet"
    }
  }
}

/// What a `milestone.updated` entry records: a dated progress update of one milestone.
public struct MilestoneUpdateRecord: Codable, Sendable, Hashable {
  /// Update id such as `U4`.
  public var id: String
  /// The milestone (`CLPLN0001.M2`).
  public var milestone: String
  /// Its status after the update.
  public var status: MilestoneStatus
  /// Percent done, 0 to 100.
  public var progress: Int
  /// The day the update describes (`YYYY-MM-DD`).
  public var date: String
  /// The day it was met, for a complete milestone.
  public var met: String?
  /// The responsible unit, when it changed or the plan names none.
  public var responsible: String?
  /// Evidence ids behind the update.
  public var evidence: [String]
  /// What was done, or why it is late; required when progress goes backwards.
  public var note: String

  /// Creates a record.
  public init(
    id: String, milestone: String, status: MilestoneStatus, progress: Int, date: String, met: String? = nil,
    responsible: String? = nil, evidence: [String] = [], note: String = ""
  ) {
    self.id = id
    self.milestone = milestone
    self.status = status
    self.progress = progress
    self.date = date
    self.met = met
    self.responsible = responsible
    self.evidence = evidence
    self.note = note
  }
}

/// What a `milestone.changed` entry records: a milestone added, reworded or dropped during
/// implementation (OGP allows commitment modifications), never a rewrite of the plan file.
public struct MilestoneChangeRecord: Codable, Sendable, Hashable {
  /// The kinds of change.
  public enum Change: String, Codable, Sendable, Hashable {
    /// A new milestone.
    case added
    /// New wording, dates, unit or weight for an existing one.
    case reworded
    /// No longer part of the commitment.
    case dropped
  }

  /// The milestone (`CLPLN0001.M4` for an added one).
  public var milestone: String
  /// The commitment it belongs to.
  public var commitment: String
  /// What changed.
  public var change: Change
  /// The milestone as it stands after the change (absent for a drop).
  public var now: Milestone?
  /// Why (the decision or document behind it).
  public var reason: String

  /// Creates a record.
  public init(milestone: String, commitment: String, change: Change, now: Milestone?, reason: String) {
    self.milestone = milestone
    self.commitment = commitment
    self.change = change
    self.now = now
    self.reason = reason
  }
}
