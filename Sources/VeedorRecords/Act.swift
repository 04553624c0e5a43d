import Foundation
import VeedorLedger
import VeedorPlan

/// The kinds of act a ledger records.
public enum ActType: String, Codable, Sendable, Hashable, CaseIterable {
  /// The plan and rubric the workspace monitors, pinned by their SHA-256.
  case planImported = "plan.imported"
  /// A piece of evidence: a stored file or a URL.
  case evidenceAdded = "evidence.added"
  /// A first score for a commitment on a scale.
  case scoreRecorded = "score.recorded"
  /// A score that supersedes an earlier one; the earlier one stays in the history.
  case scoreCorrected = "score.corrected"
  /// A free-text note.
  case note
  /// The monitor's identity and public key, as reports show them.
  case monitorKey = "monitor.key"
  /// A party who may sign replies joins the roster.
  case partyAdded = "party.added"
  /// A party leaves the roster.
  case partyRemoved = "party.removed"
  /// A draft is open for replies until a date.
  case reviewOpened = "review.opened"
  /// The final report closes the review window.
  case reviewClosed = "review.closed"
  /// A reply to a draft, signed by a party, or an unsigned public comment.
  case replyAdded = "reply.added"
  /// The monitor's decision on a reply.
  case replyAnswered = "reply.answered"
  /// Which reading stands after a second reviewer scored the same item.
  case scoreReconciled = "score.reconciled"
  /// A dated progress update of one milestone.
  case milestoneUpdated = "milestone.updated"
  /// A milestone added, reworded or dropped during implementation.
  case milestoneChanged = "milestone.changed"
  /// A meeting with responsible units.
  case checkinAdded = "checkin.added"
}

/// What a `plan.imported` entry pins.
public struct PlanRecord: Codable, Sendable, Hashable {
  /// The action-plan id.
  public var id: String
  /// SHA-256 of `plan.json` as stored.
  public var sha256: String
  /// Number of commitments.
  public var commitments: Int
  /// Rubric id.
  public var rubric: String
  /// Rubric version.
  public var rubricVersion: String
  /// SHA-256 of `rubric.json` as stored.
  public var rubricSHA256: String

  /// Creates a record.
  public init(
    id: String, sha256: String, commitments: Int, rubric: String, rubricVersion: String, rubricSHA256: String
  ) {
    self.id = id
    self.sha256 = sha256
    self.commitments = commitments
    self.rubric = rubric
    self.rubricVersion = rubricVersion
    self.rubricSHA256 = rubricSHA256
  }
}

/// What an `evidence.added` entry records.
public struct EvidenceRecord: Codable, Sendable, Hashable {
  /// Kinds of evidence a monitor collects.
  public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
    case document, webpage, meeting, interview, dataset, observation
  }

  /// Evidence id such as `E3`.
  public var id: String
  /// The commitment it supports.
  public var commitment: String
  /// What kind of evidence it is.
  public var kind: Kind
  /// Short description.
  public var title: String
  /// Date of the evidence itself (publication, meeting), if known.
  public var date: PlanDate?
  /// Public address, for URL evidence.
  public var url: String?
  /// Original file name, for stored files.
  public var fileName: String?
  /// SHA-256 of the stored file.
  public var sha256: String?
  /// Size of the stored file in bytes.
  public var size: Int64?

  /// Creates a record; a file's or a URL's details are set afterwards.
  public init(id: String, commitment: String, kind: Kind, title: String, date: PlanDate? = nil) {
    self.id = id
    self.commitment = commitment
    self.kind = kind
    self.title = title
    self.date = date
  }
}

/// What a `score.recorded` or `score.corrected` entry records.
public struct ScoreRecord: Codable, Sendable, Hashable {
  /// Score id such as `S4`.
  public var id: String
  /// The commitment scored.
  public var commitment: String
  /// The rubric scale.
  public var scale: String
  /// Level ids chosen (one on a single-choice scale).
  public var levels: [String]
  /// Why the monitor chose them.
  public var rationale: String
  /// Evidence ids the score rests on.
  public var evidence: [String]
  /// The score this one corrects, for corrections.
  public var supersedes: String?
  /// The reply that led to this score, e.g. `R3`.
  public var inReplyTo: String?

  /// Creates a record.
  public init(
    id: String, commitment: String, scale: String, levels: [String], rationale: String, evidence: [String],
    supersedes: String?, inReplyTo: String? = nil
  ) {
    self.inReplyTo = inReplyTo
    self.id = id
    self.commitment = commitment
    self.scale = scale
    self.levels = levels
    self.rationale = rationale
    self.evidence = evidence
    self.supersedes = supersedes
  }
}

/// What a `note` entry records.
public struct NoteRecord: Codable, Sendable, Hashable {
  /// The commitment the note is about, if any.
  public var commitment: String?
  /// The note.
  public var text: String

  /// Creates a record.
  public init(commitment: String?, text: String) {
    self.commitment = commitment
    self.text = text
  }
}

/// What a `monitor.key` entry records: who signs this ledger's checkpoints and reports.
public struct MonitorRecord: Codable, Sendable, Hashable {
  /// The monitor's name.
  public var name: String
  /// The monitor's e-mail address, if given.
  public var email: String?
  /// OpenSSH public key line (`ssh-ed25519 AAAA…`).
  public var publicKey: String
  /// Key creation time in Unix seconds (part of the OpenPGP fingerprint).
  public var created: Int64

  /// Creates a record.
  public init(name: String, email: String?, publicKey: String, created: Int64) {
    self.name = name
    self.email = email
    self.publicKey = publicKey
    self.created = created
  }
}

/// One line of `ledger.jsonl`: an act with its position, hash link and time.
public struct Act: Codable, Sendable, Hashable {
  /// 0-based position in the ledger.
  public var seq: Int
  /// Hex leaf hash of the previous line.
  public var prev: String?
  /// Kind of act.
  public var type: ActType
  /// When it was recorded (UTC, ISO 8601).
  public var time: String
  /// For `plan.imported`.
  public var plan: PlanRecord?
  /// For `evidence.added`.
  public var evidence: EvidenceRecord?
  /// For `score.recorded` and `score.corrected`.
  public var score: ScoreRecord?
  /// For `note`.
  public var note: NoteRecord?
  /// For `monitor.key`.
  public var monitor: MonitorRecord?
  /// For `party.added` and `party.removed`.
  public var party: PartyRecord?
  /// For `review.opened` and `review.closed`.
  public var review: ReviewRecord?
  /// For `reply.added`.
  public var reply: ReplyRecord?
  /// For `reply.answered`.
  public var answer: AnswerRecord?
  /// For `score.reconciled`.
  public var reconciliation: ReconciliationRecord?
  /// For `milestone.updated`.
  public var milestone: MilestoneUpdateRecord?
  /// For `milestone.changed`.
  public var milestoneChange: MilestoneChangeRecord?
  /// For `checkin.added`.
  public var checkin: CheckinRecord?

  /// Creates an act placed after the given ledger lines.
  public init(after lines: [Data], type: ActType, time: Date) {
    let envelope = LedgerEnvelope.next(after: lines, type: type.rawValue)
    seq = envelope.seq
    prev = envelope.prev
    self.type = type
    self.time = Act.timestamp(time)
  }

  /// Each record field's name, and whether an act carries it.
  private static let records: [(name: String, carried: @Sendable (Act) -> Bool)] = [
    ("plan", { $0.plan != nil }), ("evidence", { $0.evidence != nil }), ("score", { $0.score != nil }),
    ("note", { $0.note != nil }), ("monitor", { $0.monitor != nil }), ("party", { $0.party != nil }),
    ("review", { $0.review != nil }), ("reply", { $0.reply != nil }), ("answer", { $0.answer != nil }),
    ("reconciliation", { $0.reconciliation != nil }), ("milestone", { $0.milestone != nil }),
    ("milestoneChange", { $0.milestoneChange != nil }), ("checkin", { $0.checkin != nil }),
  ]

  /// The names of the records this act carries (`plan`, `score`, …).
  public var recordFields: [String] { Self.records.filter { $0.carried(self) }.map(\.name) }

  /// Whether ``recordFields`` is [``expectedRecordField``], found without building the list.
  public var carriesOnlyItsRecord: Bool {
    let expected = expectedRecordField
    var count = 0
    for record in Self.records where record.carried(self) {
      guard record.name == expected else { return false }
      count += 1
    }
    return count == 1
  }

  /// The one record field an act of this type carries.
  public var expectedRecordField: String {
    switch type {
    case .planImported: return "plan"
    case .evidenceAdded: return "evidence"
    case .scoreRecorded, .scoreCorrected: return "score"
    case .note: return "note"
    case .monitorKey: return "monitor"
    case .partyAdded, .partyRemoved: return "party"
    case .reviewOpened, .reviewClosed: return "review"
    case .replyAdded: return "reply"
    case .replyAnswered: return "answer"
    case .scoreReconciled: return "reconciliation"
    case .milestoneUpdated: return "milestone"
    case .milestoneChanged: return "milestoneChange"
    case .checkinAdded: return "checkin"
    }
  }

  /// The exact line bytes: sorted keys, no whitespace, no newline.
  public func line() throws -> Data {
    try line(using: Self.lineEncoder())
  }

  /// The exact line bytes with an encoder from ``lineEncoder()`` (reused across many lines).
  public func line(using encoder: JSONEncoder) throws -> Data {
    try encoder.encode(self)
  }

  /// The encoder of ledger lines: sorted keys, slashes as they are.
  public static func lineEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  /// ISO 8601 UTC time with seconds.
  public static func timestamp(_ date: Date) -> String {
    // The proleptic Gregorian calendar in UTC, computed directly (a date formatter per call is slow).
    let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let rest = seconds - days * 86_400
    // Days since 1970-01-01 to a civil date (H. Hinnant's days_from_civil, inverted).
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
    let y = String(year)
    return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-\(two(month))-\(two(day))T\(two(rest / 3_600)):"
      + "\(two(rest % 3_600 / 60)):\(two(rest % 60))Z"
  }
}
