import Foundation
import VeedorLedger
import VeedorRubric

/// The state a ledger records, computed by replaying its lines from the first.
public struct LedgerState: Sendable {
  /// Every act, in ledger order.
  public private(set) var acts: [Act] = []
  /// The plan and rubric pinned by the first entry.
  public private(set) var plan: PlanRecord?
  /// Evidence in the order it was added.
  public private(set) var evidence: [EvidenceRecord] = []
  /// Score history per commitment and scale, oldest first; the last one is current.
  public private(set) var history: [ScoreKey: [ScoreRecord]] = [:]
  /// Number of score entries (recorded or corrected).
  public private(set) var scoreCount = 0
  /// Every `monitor.key` record, oldest first; the last one for a key is that key's identity.
  public private(set) var monitors: [MonitorRecord] = []
  /// Parties, review windows, replies and answers, reconciliations.
  public private(set) var voices = Voices()
  /// Milestone updates and changes, check-ins.
  public private(set) var cycle = MonitoringCycle()
  /// Every score by id, for the records that cite one.
  private var scoresByID: [String: ScoreRecord] = [:]
  /// Scale ids scored per commitment, so a commitment's sheet needs no scan of every score.
  private var scoredScales: [String: [String]] = [:]
  /// Position of each evidence item by lower-cased id, so look-ups need no scan.
  private var evidenceIndex: [String: Int] = [:]

  /// Identifies a commitment's score on one scale.
  public struct ScoreKey: Hashable, Sendable {
    /// Commitment id.
    public var commitment: String
    /// Scale id.
    public var scale: String

    /// Creates a key.
    public init(commitment: String, scale: String) {
      self.commitment = commitment
      self.scale = scale
    }
  }

  /// Replays ledger lines; a line that does not fit the history is an integrity error.
  public static func replay<Lines: Collection<Data>>(_ lines: Lines, file: String) throws(RecordsError) -> LedgerState {
    var state = LedgerState()
    WorkCounter.add("entries decoded", lines.count)
    let decoder = JSONDecoder()
    let encoder = Act.lineEncoder()
    var previous: String?
    for (i, line) in lines.enumerated() {
      let act: Act
      do { act = try decoder.decode(Act.self, from: line) } catch {
        throw RecordsError(
          .integrity, "not a valid ledger entry", es: "no es una entrada válida del registro", file: file, line: i + 1)
      }
      // One meaning for every reader: no duplicate or unknown keys, no other spacing or escaping.
      guard (try? act.line(using: encoder)) == line else {
        throw RecordsError(
          .integrity, "is not in canonical form (duplicate or unknown keys, or other encoding)",
          es: "no está en forma canónica (claves duplicadas o desconocidas, u otra codificación)", file: file,
          line: i + 1
        )
      }
      guard act.prev == previous else {
        throw RecordsError(
          .integrity, "does not link to the line before it", es: "no enlaza con la línea anterior", file: file,
          line: i + 1, field: "prev")
      }
      previous = RFC6962.leafHash(line).hexString
      do { try state.apply(act) } catch {
        var located = error.recoded(RecordsErrorCode.integrity)
        (located.file, located.line) = (file, i + 1)
        throw located
      }
    }
    return state
  }

  /// Applies one more act, refusing one that does not fit the history.
  public mutating func apply(_ act: Act) throws(RecordsError) {
    guard act.seq == acts.count else {
      throw RecordsError(
        .integrity, "entry number \(act.seq) where \(acts.count) was expected",
        es: "entrada número \(act.seq) donde se esperaba la \(acts.count)", field: "seq")
    }
    if acts.isEmpty && act.type != .planImported {
      throw RecordsError(
        .integrity, "the first entry must be plan.imported", es: "la primera entrada debe ser plan.imported",
        field: "type")
    }
    // Exactly the record its type names: no other record rides along for a reader to pick up.
    guard act.recordFields == [act.expectedRecordField] else {
      throw RecordsError(
        .integrity,
        "a \(act.type.rawValue) entry must carry exactly '\(act.expectedRecordField)' (it carries \(act.recordFields))",
        es:
          "una entrada \(act.type.rawValue) debe llevar exactamente '\(act.expectedRecordField)' (lleva \(act.recordFields))",
        field: act.expectedRecordField)
    }
    switch act.type {
    case .planImported:
      guard plan == nil, let record = act.plan else {
        throw RecordsError(
          .integrity, "a second or empty plan.imported entry", es: "una segunda entrada plan.imported, o una vacía",
          field: "plan")
      }
      plan = record
    case .evidenceAdded:
      guard let record = act.evidence, evidenceIndex[record.id.lowercased()] == nil else {
        throw RecordsError(
          .integrity, "missing or duplicate evidence", es: "evidencia faltante o duplicada", field: "evidence")
      }
      evidenceIndex[record.id.lowercased()] = evidence.count
      evidence.append(record)
    case .scoreRecorded, .scoreCorrected:
      guard let record = act.score else {
        throw RecordsError(.integrity, "missing score", es: "falta el puntaje", field: "score")
      }
      let key = ScoreKey(commitment: record.commitment, scale: record.scale)
      let current = history[key]?.last
      if act.type == .scoreCorrected {
        guard let current, record.supersedes == current.id else {
          throw RecordsError(
            .integrity, "a correction must supersede the current score",
            es: "una corrección debe reemplazar el puntaje vigente", field: "score.supersedes")
        }
      } else if current != nil {
        throw RecordsError(
          .integrity, "a second score.recorded for the same scale",
          es: "un segundo score.recorded para la misma escala", field: "score")
      }
      for id in record.evidence where evidence(id) == nil {
        throw RecordsError(
          .integrity, "cites unknown evidence '\(id)'", es: "cita una evidencia desconocida '\(id)'",
          field: "score.evidence")
      }
      if let id = record.inReplyTo {
        guard let reply = voices.reply(id), reply.text.commitment == record.commitment,
          reply.text.scale == nil || reply.text.scale == record.scale
        else {
          throw RecordsError(
            .integrity, "cites reply '\(id)', which is not a reply about this commitment and scale",
            es: "cita la respuesta '\(id)', que no es una respuesta sobre este compromiso y escala",
            field: "score.inReplyTo")
        }
      }
      scoresByID[record.id] = record
      if history[key] == nil { scoredScales[record.commitment, default: []].append(record.scale) }
      history[key, default: []].append(record)
      scoreCount += 1
    case .note:
      guard act.note != nil else { throw RecordsError(.integrity, "missing note", es: "falta la nota", field: "note") }
    case .monitorKey:
      guard let record = act.monitor else {
        throw RecordsError(.integrity, "missing monitor", es: "falta el evaluador", field: "monitor")
      }
      monitors.append(record)
    case .milestoneUpdated, .milestoneChanged, .checkinAdded:
      let index = evidenceIndex
      try cycle.apply(act) { index[$0.lowercased()] != nil }
    case .partyAdded, .partyRemoved, .reviewOpened, .reviewClosed, .replyAdded, .replyAnswered, .scoreReconciled:
      let scores = scoresByID
      try voices.apply(act) { scores[$0] }
    }
    acts.append(act)
  }

  /// The score with an id.
  public func score(_ id: String) -> ScoreRecord? { scoresByID[id] }

  /// The evidence with an id, ignoring case.
  public func evidence(_ id: String) -> EvidenceRecord? {
    evidenceIndex[id.lowercased()].map { evidence[$0] }
  }

  /// The identity last recorded for a public key line (`ssh-ed25519 AAAA…`), if any.
  public func monitor(publicKey: String) -> MonitorRecord? {
    monitors.last { $0.publicKey == publicKey }
  }

  /// The current score of a commitment on a scale.
  public func current(_ commitment: String, _ scale: String) -> ScoreRecord? {
    history[ScoreKey(commitment: commitment, scale: scale)]?.last
  }

  /// The current levels of one commitment, for rule evaluation.
  public func sheet(for commitment: String) -> ScoreSheet {
    var levels: [String: [String]] = [:]
    for scale in scoredScales[commitment] ?? [] {
      levels[scale] = history[ScoreKey(commitment: commitment, scale: scale)]?.last?.levels
    }
    return ScoreSheet(levels)
  }
}
