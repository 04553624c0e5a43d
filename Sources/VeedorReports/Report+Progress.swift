import VeedorPlan
import VeedorRecords

extension Report {
  /// The period a progress report covers, as the monitor asks for it.
  public struct ProgressRequest: Sendable, Hashable {
    /// How the period is named (`2024-Q1`, or `since 2024-02-01`).
    public var label: String
    /// First day, `YYYY-MM-DD`.
    public var from: String
    /// Last day, `YYYY-MM-DD`.
    public var to: String

    /// Creates a request.
    public init(label: String, from: String, to: String) {
      self.label = label
      self.from = from
      self.to = to
    }

    /// The label of a period given by its days: `2024-02-01–2024-03-15`.
    public static func label(from: String, to: String) -> String { "\(from)–\(to)" }

    /// A period given by its days (`--since` and `--until`).
    public static func days(from: String, to: String) -> ProgressRequest {
      ProgressRequest(label: label(from: from, to: to), from: from, to: to)
    }

    /// A quarter (`2024-Q1`, Spanish `2024-T1`) or nil when the text is not one.
    public static func quarter(_ text: String) -> ProgressRequest? {
      let parts = text.uppercased().split(separator: "-")
      guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), (1900...2200).contains(year),
        parts[1].count == 2, ["Q", "T"].contains(parts[1].first), let q = Int(parts[1].dropFirst()), (1...4).contains(q)
      else { return nil }
      let ends = ["03-31", "06-30", "09-30", "12-31"]
      let month = (q - 1) * 3 + 1
      return ProgressRequest(
        label: "\(year)-Q\(q)", from: "\(year)-\(month < 10 ? "0" : "")\(month)-01", to: "\(year)-\(ends[q - 1])")
    }
  }

  /// A milestone named in a progress report: id, wording, due date and status at the period's end.
  public struct MilestoneRef: Codable, Sendable, Hashable {
    /// Milestone id.
    public var id: String
    /// Its wording.
    public var title: PlanText
    /// Its due date.
    public var due: String?
    /// Its status at the period's end.
    public var status: MilestoneStatus
  }

  /// One milestone update dated within the period, with the status before it.
  public struct ProgressChange: Codable, Sendable, Hashable {
    /// The update (`U4`).
    public var update: String
    /// The milestone.
    public var milestone: String
    /// Its wording.
    public var title: PlanText
    /// Status before the update (at the period's start or the previous update).
    public var before: MilestoneStatus
    /// Status after it.
    public var status: MilestoneStatus
    /// Progress after it.
    public var progress: Int
    /// Day of the update.
    public var date: String
    /// Its note.
    public var note: String
  }

  /// What happened to one commitment in the period.
  public struct CommitmentProgress: Codable, Sendable, Hashable {
    /// Commitment id.
    public var commitment: String
    /// Rolled-up progress at the period's end, nil without milestones.
    public var progress: Double?
    /// Rolled-up progress the day before the period began (the previous report's).
    public var progressBefore: Double?
    /// Milestone updates dated in the period, in date order.
    public var changes: [ProgressChange]
    /// Milestones overdue at the period's end.
    public var overdue: [MilestoneRef]
    /// Milestones due in the three months after the period.
    public var upcoming: [MilestoneRef]
    /// Evidence added in the period (by the day it was recorded).
    public var evidence: [String]
    /// Check-ins held in the period that discussed it.
    public var checkins: [String]
    /// Scores recorded or corrected in the period.
    public var scores: [String]
  }

  /// A quarterly (or since-a-day) progress report, derived from the ledger like everything else.
  public struct ProgressInfo: Codable, Sendable, Hashable {
    /// The period's name.
    public var label: String
    /// First day.
    public var from: String
    /// Last day.
    public var to: String
    /// Per commitment, in plan order.
    public var commitments: [CommitmentProgress]
    /// Check-ins held in the period (all units), in date order.
    public var checkins: [CheckinRecord]
    /// The last day the process website was seen updated (a `webpage` evidence item about the plan,
    /// dated), up to the period's end.
    public var websiteUpdated: String?
    /// Whether that day is within four months before the period's end (OGP Local's rule).
    public var websiteWithinFourMonths: Bool
  }
}

extension Report {
  /// Milestones and check-ins as they stand on the report's day: what the site's progress bars,
  /// milestone tables and timelines show. Nil when the plan has no milestones and the ledger no
  /// milestone or check-in entries.
  public struct CycleInfo: Codable, Sendable, Hashable {
    /// The day overdue is judged on: the report's `generated` day.
    public var today: String
    /// Per commitment: milestones, rolled-up progress, overdue count.
    public var commitments: [MilestoneBoard.CommitmentProgress]
    /// Every milestone update, by date then entry.
    public var updates: [MilestoneUpdateRecord]
    /// Every check-in, by date.
    public var checkins: [CheckinRecord]
  }
}
