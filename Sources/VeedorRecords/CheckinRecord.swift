/// What a `checkin.added` entry records: a meeting of the monitor with responsible units.
public struct CheckinRecord: Codable, Sendable, Hashable {
  /// Something to be done by a date, agreed at the meeting.
  public struct FollowUp: Codable, Sendable, Hashable {
    /// What is to be done.
    public var text: String
    /// By when (`YYYY-MM-DD`), if agreed.
    public var due: String?

    /// Creates a follow-up.
    public init(text: String, due: String? = nil) {
      self.text = text
      self.due = due
    }
  }

  /// Check-in id such as `C3`.
  public var id: String
  /// The day of the meeting (`YYYY-MM-DD`).
  public var date: String
  /// The responsible units present.
  public var units: [String]
  /// The commitments discussed (empty: the plan in general).
  public var commitments: [String]
  /// What the units reported.
  public var reported: String
  /// What was agreed.
  public var agreements: [String]
  /// Follow-ups with their due dates.
  public var followUps: [FollowUp]
  /// Evidence ids (e.g. the minutes).
  public var evidence: [String]

  /// Creates a record.
  public init(
    id: String, date: String, units: [String], commitments: [String] = [], reported: String,
    agreements: [String] = [], followUps: [FollowUp] = [], evidence: [String] = []
  ) {
    self.id = id
    self.date = date
    self.units = units
    self.commitments = commitments
    self.reported = reported
    self.agreements = agreements
    self.followUps = followUps
    self.evidence = evidence
  }
}
