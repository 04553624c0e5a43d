import VeedorRubric
import VeedorWorkspace

/// `report.json`, format `veedor-report/1`: a plan's scores, the evidence behind them, and the
/// ledger entries that record both, each with an inclusion proof against an embedded checkpoint.
public struct ReportV1: Codable, Sendable, Hashable {
  /// The format tag.
  public static let formatTag = "veedor-report/1"

  /// Rubric identity and the SHA-256 of its file.
  public struct RubricInfo: Codable, Sendable, Hashable {
    public var id: String
    public var version: String
    public var sha256: String
    public var title: LocalizedText
    /// Every column of OGP's commitments sheet this rubric fills.
    public var ogpColumns: [String]
  }

  /// Who signed the report and how to recognise the key.
  public struct Monitor: Codable, Sendable, Hashable {
    public var name: String
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

  /// The signed checkpoint every proof is against.
  public struct CheckpointInfo: Codable, Sendable, Hashable {
    /// The whole signed note, as stored.
    public var note: String
    public var origin: String
    public var size: Int
    /// Base64 root.
    public var root: String
  }

  /// One level chosen, with its wording.
  public struct LevelInfo: Codable, Sendable, Hashable {
    public var id: String
    public var label: LocalizedText
    public var definition: LocalizedText
    public var confirmed: Bool
    /// The value OGP's sheet writes for the level, in the scale's column.
    public var ogp: String
    /// On a multiple-choice scale, the OGP 0/1 column the level sets.
    public var ogpColumn: String?
  }

  /// One score in a commitment's history.
  public struct ScoreEntry: Codable, Sendable, Hashable {
    public var score: String
    public var levels: [LevelInfo]
    public var rationale: String
    public var evidence: [String]
    public var supersedes: String?
    /// Ledger entry (seq) that records it.
    public var entry: Int
    public var time: String
  }

  /// The current score of a commitment on one scale, with the history behind it.
  public struct ScaleScore: Codable, Sendable, Hashable {
    public var scale: String
    /// The OGP sheet column the scale fills, if OGP publishes it.
    public var ogpColumn: String?
    /// The OGP 0/1 columns the scale's levels set (multiple-choice scales such as relevance).
    public var ogpValueColumns: [String]
    public var title: LocalizedText
    public var phase: Phase
    /// Every score on this scale, oldest first; never empty.
    public private(set) var history: [ScoreEntry]

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
      case scale, ogpColumn, ogpValueColumns, title, phase, history
    }

    /// Decodes a scale score, refusing an empty history.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      scale = try c.decode(String.self, forKey: .scale)
      ogpColumn = try c.decodeIfPresent(String.self, forKey: .ogpColumn)
      ogpValueColumns = try c.decode([String].self, forKey: .ogpValueColumns)
      title = try c.decode(LocalizedText.self, forKey: .title)
      phase = try c.decode(Phase.self, forKey: .phase)
      history = try c.decode([ScoreEntry].self, forKey: .history)
      guard !history.isEmpty else {
        throw DecodingError.dataCorruptedError(forKey: .history, in: c, debugDescription: "a score needs a history")
      }
    }
  }

  /// One commitment.
  public struct CommitmentReport: Codable, Sendable, Hashable {
    public var id: String
    public var title: PlanText
    public var url: String?
    public var scores: [ScaleScore]
    public var indicators: [String: Truth]
    /// Scales not scored.
    public var missing: [String]
  }

  /// One evidence item.
  public struct EvidenceItem: Codable, Sendable, Hashable {
    public var record: EvidenceRecord
    public var entry: Int
  }

  /// One plan aggregate.
  public struct Aggregate: Codable, Sendable, Hashable {
    public var title: LocalizedText
    public var value: AggregateValue
  }

  /// A ledger line and its inclusion proof.
  public struct CitedEntry: Codable, Sendable, Hashable {
    public var seq: Int
    /// The exact line bytes as UTF-8 text.
    public var line: String
    public var leafHash: String
    public var proof: [String]
  }

  /// A consistency proof from an earlier checkpoint to the embedded one.
  public struct ConsistencyProof: Codable, Sendable, Hashable {
    public var oldSize: Int
    public var oldRoot: String
    public var proof: [String]
  }

  public var format: String
  public var generated: String
  public var plan: ActionPlan
  public var rubric: RubricInfo
  public var monitor: Monitor
  public var checkpoint: CheckpointInfo
  public var commitments: [CommitmentReport]
  public var evidence: [EvidenceItem]
  public var aggregates: [Aggregate]
  public var entries: [CitedEntry]
  public var consistency: [ConsistencyProof]
}

extension ReportV1.ScoreEntry {
  /// One line of a score's history as plain text: `S2 (corrects S1), time: Level — rationale`.
  public func historyLine(_ language: Language, corrects: String) -> String {
    let fix = supersedes.map { " (\(corrects) \($0))" } ?? ""
    return "\(score)\(fix), \(time): \(levels.map { $0.label.text(language) }.joined(separator: ", ")) — \(rationale)"
  }
}
