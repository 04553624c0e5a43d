import Foundation
import VeedorLedger
import VeedorRubric

/// The state a ledger records, computed by replaying its lines from the first.
///
/// A state replayed with `keepingRecords` keeps every act and evidence record; a compact state (the
/// one a snapshot stores) keeps counts and look-up indexes instead, so its size does not grow with
/// notes and evidence, only with the scores, cycle and voices an append may need to check against.
public struct LedgerState: Sendable, Codable {
  /// Every act, in ledger order (empty in a compact state: see ``count``).
  public private(set) var acts: [Act] = []
  /// Whether this state keeps every act and evidence record (false when restored from a snapshot).
  public private(set) var keepsRecords = true
  /// Number of entries applied.
  public private(set) var count = 0
  /// Hex leaf hash of the last line replayed, which the next entry's `prev` must name.
  public private(set) var lastLeaf: String?
  /// The time of the last entry applied.
  public private(set) var lastTime: String?
  /// The plan and rubric pinned by the first entry.
  public private(set) var plan: PlanRecord?
  /// Evidence in the order it was added (empty in a compact state: see ``evidenceCount``).
  public private(set) var evidence: [EvidenceRecord] = []
  /// Number of evidence items.
  public internal(set) var evidenceCount = 0
  /// Number of evidence items per commitment id.
  public internal(set) var evidencePerCommitment: [String: Int] = [:]
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
  /// The time of the entry that recorded each score, by score id.
  private var scoreTimes: [String: String] = [:]
  /// Scale ids scored per commitment, so a commitment's sheet needs no scan of every score.
  private var scoredScales: [String: [String]] = [:]
  /// Evidence ids not of the form `E<position>`, lower-cased, with their position (usually none).
  var irregularEvidence: [String: Int] = [:]
  /// The id as written at each position listed in ``irregularEvidence``.
  var irregularIDs: [Int: String] = [:]
  /// The records of stored files (evidence with a SHA-256) by position, which forms hold to size limits.
  var storedFiles: [Int: EvidenceRecord] = [:]

  private enum CodingKeys: String, CodingKey {
    case count, lastLeaf, lastTime, plan, evidenceCount, evidencePerCommitment, history, scoreCount, monitors
    case voices, cycle, scoresByID, scoreTimes, scoredScales, irregularEvidence, irregularIDs, storedFiles
  }

  /// An empty state; `keepingRecords: false` makes a compact one.
  public init(keepingRecords: Bool = true) {
    keepsRecords = keepingRecords
  }

  /// Restores a compact state from its encoding (acts and evidence records are not encoded).
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    keepsRecords = false
    count = try c.decode(Int.self, forKey: .count)
    lastLeaf = try c.decodeIfPresent(String.self, forKey: .lastLeaf)
    lastTime = try c.decodeIfPresent(String.self, forKey: .lastTime)
    plan = try c.decodeIfPresent(PlanRecord.self, forKey: .plan)
    evidenceCount = try c.decode(Int.self, forKey: .evidenceCount)
    evidencePerCommitment = try c.decode([String: Int].self, forKey: .evidencePerCommitment)
    history = try c.decode([ScoreKey: [ScoreRecord]].self, forKey: .history)
    scoreCount = try c.decode(Int.self, forKey: .scoreCount)
    monitors = try c.decode([MonitorRecord].self, forKey: .monitors)
    voices = try c.decode(Voices.self, forKey: .voices)
    cycle = try c.decode(MonitoringCycle.self, forKey: .cycle)
    scoresByID = try c.decode([String: ScoreRecord].self, forKey: .scoresByID)
    scoreTimes = try c.decode([String: String].self, forKey: .scoreTimes)
    scoredScales = try c.decode([String: [String]].self, forKey: .scoredScales)
    irregularEvidence = try c.decode([String: Int].self, forKey: .irregularEvidence)
    irregularIDs = try c.decode([Int: String].self, forKey: .irregularIDs)
    storedFiles = try c.decode([Int: EvidenceRecord].self, forKey: .storedFiles)
  }

  /// Identifies a commitment's score on one scale.
  public struct ScoreKey: Hashable, Sendable, Codable {
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
  public static func replay<Lines: Collection<Data>>(
    _ lines: Lines, file: String, keepingRecords: Bool = true, leaves: [String]? = nil
  ) throws(RecordsError) -> LedgerState {
    var state = LedgerState(keepingRecords: keepingRecords)
    try state.replay(more: lines, file: file, leaves: leaves)
    return state
  }

  /// Replays lines that follow the ones this state has seen, numbering them from ``count`` + 1: each
  /// must decode, be in canonical form, link to the line before it and fit the history.
  /// With `leaves`, the lines' RFC 6962 leaf hashes in hex, one for one, already computed from these
  /// very lines (a report's lines were hashed to check its checkpoint's root).
  public mutating func replay<Lines: Collection<Data>>(
    more lines: Lines, file: String, leaves: [String]? = nil
  ) throws(RecordsError) {
    WorkCounter.add("entries decoded", lines.count)
    let all = Array(lines)
    // Acts are large values: room for them all at once, rather than copying them as the array grows.
    if keepsRecords { acts.reserveCapacity(acts.count + all.count) }
    var from = 0
    while from < all.count {
      let upto = min(from + LineDecoding.batch, all.count)
      let known = leaves.flatMap { $0.count == all.count ? $0[from..<upto] : nil }
      for decoded in LineDecoding.decode(all[from..<upto], leaves: known) {
        let number = count + 1
        let act: Act
        let leaf: String
        switch decoded {
        case .invalid:
          throw RecordsError(
            .integrity, "not a valid ledger entry", es: "no es una entrada válida del registro", file: file,
            line: number)
        case .notCanonical:
          throw RecordsError(
            .integrity, "is not in canonical form (duplicate or unknown keys, or other encoding)",
            es: "no está en forma canónica (claves duplicadas o desconocidas, u otra codificación)", file: file,
            line: number)
        case .act(let decodedAct, let decodedLeaf): (act, leaf) = (decodedAct, decodedLeaf)
        }
        guard act.prev == lastLeaf else {
          throw RecordsError(
            .integrity, "does not link to the line before it", es: "no enlaza con la línea anterior", file: file,
            line: number, field: "prev")
        }
        do { try apply(act) } catch {
          var located = error.recoded(RecordsErrorCode.integrity)
          (located.file, located.line) = (file, number)
          throw located
        }
        lastLeaf = leaf
      }
      from = upto
    }
  }

  /// Applies an act made to follow this state, and returns its line; the state then ends with it.
  public mutating func add(_ act: Act) throws(RecordsError) -> Data {
    guard act.prev == lastLeaf else {
      throw RecordsError(
        .integrity, "does not link to the line before it", es: "no enlaza con la línea anterior", field: "prev")
    }
    let line: Data
    do { line = try act.line() } catch {
      throw RecordsError(.integrity, "cannot encode the entry", es: "no se puede codificar la entrada", field: "type")
    }
    try apply(act)
    lastLeaf = RFC6962.leafHex(line)
    return line
  }

  /// Applies one more act, refusing one that does not fit the history.
  public mutating func apply(_ act: Act) throws(RecordsError) {
    guard act.seq == count else {
      throw RecordsError(
        .integrity, "entry number \(act.seq) where \(count) was expected",
        es: "entrada número \(act.seq) donde se esperaba la \(count)", field: "seq")
    }
    if count == 0 && act.type != .planImported {
      throw RecordsError(
        .integrity, "the first entry must be plan.imported", es: "la primera entrada debe ser plan.imported",
        field: "type")
    }
    // Exactly the record its type names: no other record rides along for a reader to pick up.
    guard act.carriesOnlyItsRecord else {
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
      guard let record = act.evidence, evidencePosition(record.id) == nil else {
        throw RecordsError(
          .integrity, "missing or duplicate evidence", es: "evidencia faltante o duplicada", field: "evidence")
      }
      addEvidence(record)
      if keepsRecords { evidence.append(record) }
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
      for id in record.evidence where evidenceID(id) == nil {
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
      scoreTimes[record.id] = act.time
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
      // The cycle is moved out while it grows: a copy of `self` held by the closure would share its
      // storage and make every append copy every earlier update and check-in.
      var next = cycle
      cycle = MonitoringCycle()
      defer { cycle = next }
      try next.apply(act) { evidenceID($0) != nil }
    case .partyAdded, .partyRemoved, .reviewOpened, .reviewClosed, .replyAdded, .replyAnswered, .scoreReconciled:
      let scores = scoresByID
      try voices.apply(act) { scores[$0] }
    }
    if keepsRecords { acts.append(act) }
    count += 1
    lastTime = act.time
  }

  /// The score with an id.
  public func score(_ id: String) -> ScoreRecord? { scoresByID[id] }

  /// The time of the entry that recorded a score.
  public func time(ofScore id: String) -> String? { scoreTimes[id] }

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
