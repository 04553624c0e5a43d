import Foundation
import VeedorLedger

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
}

/// What a `note` entry records.
public struct NoteRecord: Codable, Sendable, Hashable {
  /// The commitment the note is about, if any.
  public var commitment: String?
  /// The note.
  public var text: String
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

  /// Creates an act placed after the given ledger lines.
  public init(after lines: [Data], type: ActType, time: Date) {
    let envelope = LedgerEnvelope.next(after: lines, type: type.rawValue)
    seq = envelope.seq
    prev = envelope.prev
    self.type = type
    self.time = Act.timestamp(time)
  }

  /// The exact line bytes: sorted keys, no whitespace, no newline.
  public func line() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }

  /// ISO 8601 UTC time with seconds.
  public static func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }
}
