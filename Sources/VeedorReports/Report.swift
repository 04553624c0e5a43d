import VeedorPlan
import VeedorRecords
import VeedorRubric

/// `report.json`, format `veedor-report/3`: the signed inputs (checkpoint, plan and rubric bytes, every
/// ledger line the checkpoint covers) and everything derived from them that a reader is shown.
///
/// Every field but `format`, `generated` and `inputs` is a pure function of `inputs` and the signing
/// key (``ReportDerivation``); a verifier re-derives them and compares the bytes. In the file, a score
/// names its scale and levels by id, and each scale's wording is written once (``ScaleWording``);
/// in memory every score carries its wording.
public struct Report: Codable, Sendable, Hashable {
  /// The format tag.
  public static let formatTag = "veedor-report/3"
  /// The tag of the first format, which carried only cited entries and cannot be re-derived.
  public static let formatTagV1 = "veedor-report/1"
  /// The tag of the format before this one, which repeated a level's wording in every score.
  public static let formatTagV2 = "veedor-report/2"

  /// Rubric identity and the SHA-256 of its file.
  public struct RubricInfo: Codable, Sendable, Hashable {
    /// Rubric id, e.g. `ogp-local-2021`.
    public var id: String
    /// Rubric version.
    public var version: String
    /// SHA-256 (hex) of `rubric.json`, as the ledger's first entry pins it.
    public var sha256: String
    /// Rubric title in English and Spanish.
    public var title: LocalizedText
    /// Every column of OGP's commitments sheet this rubric fills.
    public var ogpColumns: [String]
  }

  /// Who signed the report and how to recognise the key.
  public struct Monitor: Codable, Sendable, Hashable {
    /// The monitor's name, from the ledger's `monitor.key` entry.
    public var name: String
    /// The monitor's e-mail address, if recorded.
    public var email: String?
    /// OpenSSH public key line (`ssh-ed25519 AAAA…`).
    public var publicKey: String
    /// OpenSSH `SHA256:` fingerprint.
    public var sshFingerprint: String
    /// OpenPGP v4 fingerprint (hex).
    public var openpgpFingerprint: String
    /// Checkpoint verifier key `NAME+KEYID+BASE64`.
    public var verifierKey: String
  }

  /// The signed checkpoint the report is a view of.
  public struct CheckpointInfo: Codable, Sendable, Hashable {
    /// The ledger's origin line.
    public var origin: String
    /// Entries the checkpoint covers.
    public var size: Int
    /// Base64 root.
    public var root: String
  }

  /// One level chosen, with its wording. Written as its id alone: the wording is the scale's, written
  /// once in the report's `scales` (``ScaleWording``) and filled in when the report is read.
  public struct LevelInfo: Codable, Sendable, Hashable {
    /// Level id.
    public var id: String
    /// Level label in English and Spanish.
    public var label: LocalizedText
    /// Level definition in English and Spanish.
    public var definition: LocalizedText
    /// Whether the wording is confirmed in a public source.
    public var confirmed: Bool
    /// The value OGP's sheet writes for the level, in the scale's column.
    public var ogp: String
    /// On a multiple-choice scale, the OGP 0/1 column the level sets.
    public var ogpColumn: String?

    /// A level with its wording.
    public init(
      id: String, label: LocalizedText, definition: LocalizedText, confirmed: Bool, ogp: String, ogpColumn: String?
    ) {
      self.id = id
      self.label = label
      self.definition = definition
      self.confirmed = confirmed
      self.ogp = ogp
      self.ogpColumn = ogpColumn
    }

    /// Reads the level's id; the wording stays empty until the report fills it in.
    public init(from decoder: any Decoder) throws {
      self.init(
        id: try decoder.singleValueContainer().decode(String.self), label: .init(en: "", es: ""),
        definition: .init(en: "", es: ""), confirmed: false, ogp: "", ogpColumn: nil)
    }

    /// Writes the level's id.
    public func encode(to encoder: any Encoder) throws {
      var c = encoder.singleValueContainer()
      try c.encode(id)
    }
  }

  /// One score in a commitment's history.
  public struct ScoreEntry: Codable, Sendable, Hashable {
    /// Score id, e.g. `S4`.
    public var score: String
    /// The levels chosen, with their wording.
    public var levels: [LevelInfo]
    /// Why the monitor chose them.
    public var rationale: String
    /// Evidence ids the score rests on.
    public var evidence: [String]
    /// The score this one corrects, for corrections.
    public var supersedes: String?
    /// Ledger entry (seq) that records it.
    public var entry: Int
    /// When the entry was recorded.
    public var time: String
    /// The reply that led to this score, if any.
    public var inReplyTo: String?
  }

  /// The current score of a commitment on one scale, with the history behind it. Encoded, it names its
  /// scale and levels by id only: the wording travels in the report's `scales`, so a score encoded or
  /// decoded outside a ``Report`` has none.
  public struct ScaleScore: Codable, Sendable, Hashable {
    /// Scale id.
    public var scale: String
    /// The OGP sheet column the scale fills, if OGP publishes it.
    public var ogpColumn: String?
    /// The OGP 0/1 columns the scale's levels set (multiple-choice scales such as relevance).
    public var ogpValueColumns: [String]
    /// Scale title in English and Spanish.
    public var title: LocalizedText
    /// Phase of the scale (design, implementation, results).
    public var phase: Phase
    /// Every score on this scale, oldest first; never empty.
    public internal(set) var history: [ScoreEntry]
    /// True when the rubric's rule for the scale no longer holds (a prerequisite was corrected): the
    /// score stays on record but is not counted. Absent otherwise.
    public var notApplicable: Bool?

    /// The score in force: the last of the history.
    public var current: ScoreEntry { history[history.count - 1] }

    /// Creates a scale score from a non-empty history.
    public init?(
      scale: String, ogpColumn: String?, ogpValueColumns: [String], title: LocalizedText, phase: Phase,
      history: [ScoreEntry]
    ) {
      guard !history.isEmpty else { return nil }
      self.scale = scale
      self.ogpColumn = ogpColumn
      self.ogpValueColumns = ogpValueColumns
      self.title = title
      self.phase = phase
      self.history = history
    }

    private enum CodingKeys: String, CodingKey {
      case scale, history, notApplicable
    }

    /// Decodes a scale score, refusing an empty history; the scale's wording stays empty until the report
    /// fills it in (``Report/ScaleWording``).
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      scale = try c.decode(String.self, forKey: .scale)
      ogpColumn = nil
      ogpValueColumns = []
      title = LocalizedText(en: "", es: "")
      phase = .design
      history = try c.decode([ScoreEntry].self, forKey: .history)
      notApplicable = try c.decodeIfPresent(Bool.self, forKey: .notApplicable)
      guard !history.isEmpty else {
        throw DecodingError.dataCorruptedError(forKey: .history, in: c, debugDescription: "a score needs a history")
      }
    }

    /// Writes the scale's id, the history (levels by id) and `notApplicable`; the wording is the report's.
    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(history, forKey: .history)
      try c.encodeIfPresent(notApplicable, forKey: .notApplicable)
      try c.encode(scale, forKey: .scale)
    }
  }

  /// One commitment.
  public struct CommitmentReport: Codable, Sendable, Hashable {
    /// Commitment id.
    public var id: String
    /// Commitment title, from the plan.
    public var title: PlanText
    /// Public page of the commitment, from the plan.
    public var url: String?
    /// Scored scales, in rubric order.
    public var scores: [ScaleScore]
    /// Derived indicators by id.
    public var indicators: [String: Truth]
    /// Scales not scored.
    public var missing: [String]
  }

  /// One evidence item.
  public struct EvidenceItem: Codable, Sendable, Hashable {
    /// The evidence as the ledger records it.
    public var record: EvidenceRecord
    /// Ledger entry (seq) that records it.
    public var entry: Int
  }

  /// One plan aggregate.
  public struct Aggregate: Codable, Sendable, Hashable {
    /// Aggregate title in English and Spanish.
    public var title: LocalizedText
    /// The computed value.
    public var value: AggregateValue
  }

  /// `veedor-report/3`.
  public var format: String
  /// When the monitor exported the report (UTC, ISO 8601); a claim of the signer, not of the ledger.
  public var generated: String
  /// The signed inputs everything else is derived from.
  public var inputs: ReportInputs
  /// The action plan, decoded from `inputs.plan`.
  public var plan: ActionPlan
  /// The rubric, from `inputs.rubric`, with the SHA-256 the ledger pinned.
  public var rubric: RubricInfo
  /// The signer, from the ledger's last `monitor.key` entry for the signing key.
  public var monitor: Monitor
  /// Origin, size and root of `inputs.checkpoint`.
  public var checkpoint: CheckpointInfo
  /// Every commitment of the plan, in plan order, with its scores replayed from the ledger.
  public var commitments: [CommitmentReport]
  /// Every evidence item in the ledger, in ledger order.
  public var evidence: [EvidenceItem]
  /// The rubric's plan aggregates over the current scores.
  public var aggregates: [Aggregate]
  /// The review window of the last draft, if the ledger opened one; says whether this is the draft.
  public var review: ReviewInfo?
  /// Every reply the ledger holds, with its answer; nil when there is none.
  public var replies: [ReplyItem]?
  /// Every reconciliation with a second reviewer; nil when there is none.
  public var reconciliations: [ReconciliationItem]?
  /// The answers to the rubric's questions about the whole plan; nil when the rubric asks none.
  public var process: ProcessReport?
  /// The assessment form this report is exported as (e.g. OGP Local's Inception Assessment), if any.
  public var form: FormInfo?
  /// Milestones and check-ins on the report's day, when the plan or ledger has any.
  public var cycle: CycleInfo?
  /// The period this report is a progress report of (milestones, check-ins, evidence, scores), if any.
  public var progress: ProgressInfo?

  /// Whether this report is a draft open for replies.
  public var isDraft: Bool { review?.draft == true }
}

extension Report.ScoreEntry {
  /// One line of a score's history as plain text: `S2 (corrects S1), time: Level — rationale`.
  public func historyLine(_ language: Language, corrects: String) -> String {
    let fix = supersedes.map { " (\(corrects) \($0))" } ?? ""
    return "\(score)\(fix), \(time): \(levels.map { $0.label.text(language) }.joined(separator: ", ")) — \(rationale)"
  }
}
