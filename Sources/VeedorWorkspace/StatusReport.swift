import VeedorPlan
import VeedorRecords
import VeedorRubric

/// Where a workspace stands: scores per commitment and scale, indicators, aggregates, gaps.
public struct StatusReport: Codable, Sendable {
  /// One scale of one commitment.
  public struct ScaleStatus: Codable, Sendable {
    /// Scale id.
    public var scale: String
    /// Phase of the scale.
    public var phase: Phase
    /// Current level ids, when scored.
    public var levels: [String]?
    /// Current score id, when scored.
    public var score: String?
    /// Evidence items the current score cites.
    public var evidence: Int
    /// Number of corrections made to the score.
    public var corrections: Int
    /// True when the rubric's rule for the scale does not hold (e.g. potential for results after
    /// verifiability was corrected to "no"): the scale is not missing, and a score on it is not counted.
    public var notApplicable: Bool = false
  }

  /// One commitment.
  public struct CommitmentStatus: Codable, Sendable {
    /// Commitment id.
    public var id: String
    /// Title in the report language.
    public var title: String
    /// Evidence items added for it.
    public var evidence: Int
    /// Every scale of the rubric.
    public var scales: [ScaleStatus]
    /// Derived indicators by id.
    public var indicators: [String: Truth]
    /// Scales not scored yet, leaving out those the rubric's rules say do not apply.
    public var missing: [String]
  }

  /// One aggregate with its title.
  public struct Aggregate: Codable, Sendable {
    /// Title in the report language.
    public var title: String
    /// The computed value.
    public var value: AggregateValue
  }

  /// Action-plan id.
  public var plan: String
  /// Member name.
  public var member: String
  /// Rubric id and version.
  public var rubric: String
  /// Entries in the ledger.
  public var ledgerEntries: Int
  /// Per commitment.
  public var commitments: [CommitmentStatus]
  /// Plan aggregates.
  public var aggregates: [Aggregate]
  /// Number of (commitment, scale) pairs still unscored.
  public var missing: Int
  /// The last review window, if a draft was exported.
  public var review: ReviewStatus?
  /// Active parties (the roster).
  public var parties: Int = 0
  /// Replies recorded in time and not yet answered: they block the final report.
  public var unansweredReplies: [String] = []
  /// Late replies not yet answered (they do not block the final report).
  public var unansweredLate: [String] = []
  /// The rubric's questions about the whole plan (e.g. OGP Local's co-creation checks), answered or not.
  public var planQuestions: [ScaleStatus] = []
  /// Each assessment form of the rubric that is due or can be filled: deadline and what it lacks.
  public var forms: [FormStatus] = []
  /// Each commitment's milestones and rolled-up progress on the status day.
  public var milestones: [MilestoneBoard.CommitmentProgress] = []
  /// Each responsible unit's last check-in, and whether a month has passed since while the plan runs.
  public var checkins: [CheckinRhythm.Unit] = []

  /// Where one assessment form stands.
  public struct FormStatus: Codable, Sendable {
    /// The form's id.
    public var form: String
    /// Its name in the status language.
    public var title: String
    /// The commitment, for a per-commitment form.
    public var commitment: String?
    /// The day the deadline counts from, when known (a plan dated only to the year gives no `due`).
    public var countedFrom: String?
    /// The deadline (`YYYY-MM-DD`, or `YYYY-MM` when the plan's date has no day), nil until its event
    /// (e.g. completion recorded as complete).
    public var due: String?
    /// Unanswered questions: a plan question's id, or `COMMITMENT scale`.
    public var missing: [String]
    /// Why the form cannot be exported as it stands (e.g. its answers cite more files than it takes).
    public var problem: String?

    /// Creates a form status.
    public init(
      form: String, title: String, commitment: String?, countedFrom: String? = nil, due: String?,
      missing: [String], problem: String? = nil
    ) {
      self.form = form
      self.title = title
      self.commitment = commitment
      self.countedFrom = countedFrom
      self.due = due
      self.missing = missing
      self.problem = problem
    }
  }

  /// The last review window.
  public struct ReviewStatus: Codable, Sendable {
    /// Window id.
    public var window: String
    /// First day.
    public var opens: String
    /// Last day replies count as on time.
    public var closes: String
    /// Whether the final report has not yet closed it.
    public var open: Bool
    /// Size of the draft's checkpoint.
    public var draftSize: Int
    /// Replies it received.
    public var replies: Int
  }

  /// Computes the status of a workspace's current state.
  public init(workspace: Workspace, state: LedgerState, language: Language = .en) {
    let rubric = workspace.rubric
    plan = workspace.plan.id
    member = workspace.plan.member
    self.rubric = "\(rubric.id) \(rubric.version)"
    ledgerEntries = state.count
    func statuses(_ scales: [Scale], of subject: String) -> [ScaleStatus] {
      let sheet = state.sheet(for: subject)
      return scales.map { scale -> ScaleStatus in
        let history = state.history[.init(commitment: subject, scale: scale.id)] ?? []
        let current = history.last
        let applies = rubric.requirement(of: scale, on: sheet)
        return ScaleStatus(
          scale: scale.id, phase: scale.phase, levels: current?.levels, score: current?.id,
          evidence: current?.evidence.count ?? 0, corrections: max(history.count - 1, 0),
          notApplicable: applies == .no || (current != nil && applies != .yes))
      }
    }
    planQuestions = statuses(rubric.planScales ?? [], of: workspace.plan.id)
    commitments = workspace.plan.commitments.map { commitment in
      let scales = statuses(rubric.scales, of: commitment.id)
      let sheet = state.sheet(for: commitment.id)
      return CommitmentStatus(
        id: commitment.id, title: commitment.title.best(language.rawValue),
        evidence: state.evidencePerCommitment[commitment.id] ?? 0, scales: scales,
        indicators: Dictionary(
          rubric.indicatorValues(for: sheet).map { ($0.0.id, $0.1) }, uniquingKeysWith: { first, _ in first }),
        missing: scales.filter { $0.levels == nil && !$0.notApplicable }.map(\.scale))
    }
    let sheets = workspace.plan.commitments.map { state.sheet(for: $0.id) }
    let titles = Dictionary(
      rubric.aggregates.map { ($0.id, $0.title.text(language)) }, uniquingKeysWith: { first, _ in first })
    aggregates = rubric.aggregateValues(over: sheets).map {
      Aggregate(title: titles[$0.id] ?? $0.id, value: $0)
    }
    missing = commitments.reduce(0) { $0 + $1.missing.count }
    let voices = state.voices
    review = voices.windows.last.map { w in
      ReviewStatus(
        window: w.record.id, opens: w.record.opens, closes: w.record.closes, open: w.closed == nil,
        draftSize: w.draftSize, replies: voices.replies.filter { $0.window == w.record.id }.count)
    }
    parties = voices.parties.count
    unansweredReplies = voices.unansweredInTime.map(\.record.id)
    unansweredLate = voices.replies.filter { $0.answer == nil && $0.late }.map(\.record.id)
  }
}
