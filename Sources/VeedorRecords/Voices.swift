import Crypto
import Foundation
import VeedorLedger
import VeedorSigning

/// The other voices a ledger records: parties, review windows, their replies and the monitor's answers,
/// and reconciliations with a second reviewer.
public struct Voices: Sendable, Codable {
  /// A review window and the draft it opened for replies.
  public struct Window: Sendable, Hashable, Codable {
    /// The `review.opened` record.
    public var record: ReviewRecord
    /// Size of the draft's checkpoint: the `review.opened` entry's `seq` + 1.
    public var draftSize: Int
    /// The `review.closed` record, once the final report closed the window.
    public var closed: ReviewRecord?
    /// When the window was closed (the `review.closed` entry's time).
    public var closedTime: String?
  }

  /// One reply with what the ledger says about it.
  public struct Reply: Sendable, Hashable, Codable {
    /// The `reply.added` record.
    public var record: ReplyRecord
    /// The parsed reply file.
    public var text: ReplyText
    /// Ledger entry (seq) that records it.
    public var entry: Int
    /// When it was recorded.
    public var time: String
    /// The window whose draft it answers.
    public var window: String
    /// Recorded after the window's last day or after the final report closed it.
    public var late: Bool
    /// The signing party at the time, for a signed reply.
    public var party: PartyRecord?
    /// The monitor's answer, once given.
    public var answer: AnswerRecord?
    /// Ledger entry (seq) of the answer.
    public var answerEntry: Int?
    /// When the answer was recorded.
    public var answerTime: String?
  }

  /// One reconciliation with its ledger position.
  public struct Reconciliation: Sendable, Hashable, Codable {
    /// The `score.reconciled` record.
    public var record: ReconciliationRecord
    /// The reviewer as the roster recorded them at the time.
    public var reviewer: PartyRecord
    /// Ledger entry (seq) that records it.
    public var entry: Int
    /// When it was recorded.
    public var time: String
  }

  /// Parties able to sign replies now, by name.
  public private(set) var parties: [String: PartyRecord] = [:]
  /// Every review window, oldest first.
  public private(set) var windows: [Window] = []
  /// Every reply, in ledger order.
  public private(set) var replies: [Reply] = []
  /// Every reconciliation, in ledger order.
  public private(set) var reconciliations: [Reconciliation] = []
  private var replyIndex: [String: Int] = [:]
  /// The name each key was first registered under: a key never changes name.
  private var keyNames: [String: String] = [:]

  /// The window still open (opened, not yet closed by a final report), if any.
  public var openWindow: Window? { windows.last.flatMap { $0.closed == nil ? $0 : nil } }

  /// The reply with an id.
  public func reply(_ id: String) -> Reply? { replyIndex[id].map { replies[$0] } }

  /// Replies recorded in time and not yet answered: what blocks a final report.
  public var unansweredInTime: [Reply] { replies.filter { $0.answer == nil && !$0.late } }

  /// The name a key was registered under, ever.
  public func name(ofKey publicKey: String) -> String? { keyNames[publicKey] }

  /// Active parties sorted by name.
  public var roster: [PartyRecord] { parties.values.sorted { $0.name < $1.name } }

  /// Refuses a reply whose named draft root is not the root of the ledger's first `size` lines
  /// (kept out of replay: it hashes a prefix of the ledger per window).
  public func checkDraftRoots(_ lines: [Data]) throws(RecordsError) {
    var roots: [Int: String] = [:]
    for reply in replies {
      let size = reply.text.checkpointSize
      if roots[size] == nil {
        guard size <= lines.count, let root = try? MerkleTree(entries: lines.prefix(size)).root() else {
          throw RecordsError(
            .integrity, "names checkpoint \(size) beyond the ledger",
            es: "nombra el punto de control \(size), más allá del registro", line: reply.entry + 1, field: "reply")
        }
        roots[size] = root.base64EncodedString()
      }
      guard roots[size] == reply.text.checkpointRoot else {
        throw RecordsError(
          .integrity,
          "\(reply.record.id) names a root that is not the draft's checkpoint root (another ledger or draft)",
          es:
            "\(reply.record.id) nombra una raíz que no es la raíz del punto de control del borrador (otro registro u otro borrador)",
          line: reply.entry + 1, field: "reply.content")
      }
    }
  }

  mutating func apply(_ act: Act, scores: (String) -> ScoreRecord?) throws(RecordsError) {
    switch act.type {
    case .partyAdded:
      guard let party = act.party, PartyRecord.isValidName(party.name), parties[party.name] == nil else {
        throw RecordsError(
          .integrity, "missing, invalid or already active party", es: "parte faltante, no válida o ya activa",
          field: "party")
      }
      guard parties.values.allSatisfy({ $0.publicKey != party.publicKey }),
        keyNames[party.publicKey, default: party.name] == party.name
      else {
        throw RecordsError(
          .integrity, "this key belongs, or belonged, to another party name",
          es: "esta clave pertenece, o perteneció, a otro nombre de parte", field: "party.publicKey")
      }
      keyNames[party.publicKey] = party.name
      parties[party.name] = party
    case .partyRemoved:
      guard let party = act.party, parties[party.name] == party else {
        throw RecordsError(
          .integrity, "removes a party that is not active as recorded",
          es: "retira una parte que no está activa tal como se registró", field: "party")
      }
      parties[party.name] = nil
    case .reviewOpened:
      guard let review = act.review, review.id == "W\(windows.count + 1)", review.unanswered == nil,
        ReviewRecord.isDay(review.opens), ReviewRecord.isDay(review.closes), review.opens <= review.closes,
        review.closes >= String(act.time.prefix(10))
      else {
        throw RecordsError(
          .integrity, "not the next review window, or its dates are invalid or closed before the draft",
          es: "no es el siguiente período de revisión, o sus fechas no son válidas o cierran antes del borrador",
          field: "review"
        )
      }
      guard openWindow == nil else {
        throw RecordsError(
          .integrity, "a review window is already open", es: "ya hay un período de revisión abierto", field: "review")
      }
      windows.append(Window(record: review, draftSize: act.seq + 1))
    case .reviewClosed:
      guard let review = act.review, let open = openWindow, review.id == open.record.id,
        review.opens == open.record.opens, review.closes == open.record.closes
      else {
        throw RecordsError(
          .integrity, "closes a window that is not the open one", es: "cierra un período que no es el abierto",
          field: "review")
      }
      guard review.unanswered == unansweredInTime.map(\.record.id) else {
        throw RecordsError(
          .integrity, "does not list exactly the replies still unanswered",
          es: "no indica exactamente las respuestas que siguen sin contestar", field: "review.unanswered")
      }
      windows[windows.count - 1].closed = review
      windows[windows.count - 1].closedTime = act.time
    case .replyAdded:
      guard let record = act.reply else {
        throw RecordsError(.integrity, "missing reply", es: "falta la respuesta", field: "reply")
      }
      replyIndex[record.id] = replies.count
      replies.append(try reply(record, act))
    case .replyAnswered:
      guard let answer = act.answer, let i = replyIndex[answer.reply], replies[i].answer == nil,
        !answer.rationale.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
      else {
        throw RecordsError(
          .integrity, "answers an unknown or already answered reply, or has no rationale",
          es: "contesta una respuesta desconocida o ya contestada, o no tiene fundamento", field: "answer")
      }
      replies[i].answer = answer
      replies[i].answerEntry = act.seq
      replies[i].answerTime = act.time
    case .scoreReconciled:
      guard let record = act.reconciliation else {
        throw RecordsError(.integrity, "missing reconciliation", es: "falta la conciliación", field: "reconciliation")
      }
      let reviewer = try check(record, scores: scores)
      reconciliations.append(Reconciliation(record: record, reviewer: reviewer, entry: act.seq, time: act.time))
    default:
      break
    }
  }

  private func reply(_ record: ReplyRecord, _ act: Act) throws(RecordsError) -> Reply {
    guard record.id == "R\(replies.count + 1)", let bytes = record.bytes,
      Data(bytes.base64EncodedString().utf8) == Data(record.content.utf8),
      Data(SHA256.hash(data: bytes)).hexString == record.sha256
    else {
      throw RecordsError(
        .integrity, "not the next reply id, or content and SHA-256 disagree",
        es: "no es el siguiente id de respuesta, o el contenido y el SHA-256 no coinciden", field: "reply")
    }
    let text: ReplyText
    do { text = try ReplyText(parsing: bytes) } catch {
      throw RecordsError(
        .integrity, "reply content: \(error.description)", es: "contenido de la respuesta: \(error.spanishDescription)",
        field: "reply.content")
    }
    guard let window = windows.first(where: { $0.draftSize == text.checkpointSize }) else {
      throw RecordsError(
        .integrity, "names checkpoint \(text.checkpointSize), which is not a draft's checkpoint",
        es: "nombra el punto de control \(text.checkpointSize), que no es el punto de control de un borrador",
        field: "reply.content"
      )
    }
    var party: PartyRecord?
    if let signature = record.signature {
      guard let key = SSHSignature.verify(signature, message: bytes, namespace: ReplyText.namespace),
        let name = record.party, let signer = parties[name], signer.publicKey == MonitorKey.sshPublicKey(key)
      else {
        throw RecordsError(
          .integrity, "the signature does not verify for an active party in namespace \(ReplyText.namespace)",
          es: "la firma no se verifica para ninguna parte activa en el espacio de nombres \(ReplyText.namespace)",
          field: "reply.signature")
      }
      guard record.submitter == nil else {
        throw RecordsError(
          .integrity, "a signed reply names its party, not a submitter",
          es: "una respuesta firmada nombra a su parte, no a quien la envía", field: "reply.submitter")
      }
      guard text.party == signer.name else {
        throw RecordsError(
          .integrity, "the signed text names party '\(text.party ?? "")', not '\(signer.name)'",
          es: "el texto firmado nombra a la parte '\(text.party ?? "")', no a '\(signer.name)'", field: "reply.content")
      }
      party = signer
    } else if record.party != nil || text.party != nil {
      throw RecordsError(
        .integrity, "an unsigned comment cannot name a party", es: "un comentario sin firma no puede nombrar una parte",
        field: "reply.party")
    }
    let late = window.closed != nil || String(act.time.prefix(10)) > window.record.closes
    return Reply(
      record: record, text: text, entry: act.seq, time: act.time, window: window.record.id, late: late, party: party)
  }
}
