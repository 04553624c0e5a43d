import Crypto
import Foundation
import VeedorErrors
import VeedorLedger
import VeedorPlan
import VeedorRecords
import VeedorRubric
import VeedorSigning

extension Workspace {
  /// Opens a review window for the draft about to be signed; the draft's checkpoint ends with this entry.
  public func openReview(opens: String, closes: String, now: Date) throws -> ReviewRecord {
    for (day, field) in [(opens, "--review-opens"), (closes, "--review-closes")] where !ReviewRecord.isDay(day) {
      throw WorkspaceError(
        .badInput, "'\(day)' is not a date YYYY-MM-DD", es: "'\(day)' no es una fecha AAAA-MM-DD", field: field)
    }
    guard opens <= closes else {
      throw WorkspaceError(
        .badInput, "the window closes (\(closes)) before it opens (\(opens))",
        es: "la ventana se cierra (\(closes)) antes de abrirse (\(opens))", field: "--review-closes")
    }
    let today = String(Act.timestamp(now).prefix(10))
    guard closes >= today else {
      throw WorkspaceError(
        .badInput, "the window would close (\(closes)) before the draft is published (\(today))",
        es: "la ventana se cerraría (\(closes)) antes de publicarse el borrador (\(today))", field: "--review-closes")
    }
    var opened: ReviewRecord?
    try appendVoice { state throws(WorkspaceError) in
      if let open = state.voices.openWindow {
        throw WorkspaceError(
          .conflict,
          "review window \(open.record.id) is still open (draft at checkpoint \(open.draftSize), replies until \(open.record.closes)); export the final report to close it before a new draft",
          es:
            "la ventana de revisión \(open.record.id) sigue abierta (borrador en el punto de control \(open.draftSize), respuestas hasta el \(open.record.closes)); exporte el informe final para cerrarla antes de un nuevo borrador"
        )
      }
      let record = ReviewRecord(id: "W\(state.voices.windows.count + 1)", opens: opens, closes: closes)
      opened = record
      var act = Act(after: state, type: .reviewOpened, time: now)
      act.review = record
      return act
    }
    guard let opened else {
      throw WorkspaceError(.io, "the review window was not opened", es: "la ventana de revisión no se abrió")
    }
    return opened
  }

  /// Closes the open review window before a final report; refuses before the window's last day has
  /// passed (unless `closeEarly`) and while a reply recorded in time is unanswered (unless
  /// `allowUnanswered`; the entry, and so the report, then lists them).
  /// - Returns: the closing record, or nil when no window was open.
  @discardableResult
  public func closeReview(allowUnanswered: Bool, closeEarly: Bool = false, now: Date) throws -> ReviewRecord? {
    var closed: ReviewRecord?
    let today = String(Act.timestamp(now).prefix(10))
    try appendVoice { state throws(WorkspaceError) in
      guard let open = state.voices.openWindow else { return nil }
      let unanswered = state.voices.unansweredInTime.map(\.record.id)
      if !unanswered.isEmpty && !allowUnanswered {
        throw WorkspaceError(
          .conflict,
          "\(unanswered.joined(separator: ", ")) unanswered: answer with 'veedor reply answer ID --accept|--partly|--reject --rationale …', or pass --allow-unanswered (the report will say so)",
          es:
            "\(unanswered.joined(separator: ", ")) sin contestar: conteste con 'veedor reply answer ID --accept|--partly|--reject --rationale …', o indique --allow-unanswered (el informe lo dirá)"
        )
      }
      if today <= open.record.closes && !closeEarly {
        throw WorkspaceError(
          .conflict,
          "review window \(open.record.id) is open until \(open.record.closes) (UTC); export the final report after that day, or pass --close-early (the report will show the day it closed)",
          es:
            "la ventana de revisión \(open.record.id) está abierta hasta el \(open.record.closes) (UTC); exporte el informe final después de ese día, o indique --close-early (el informe mostrará el día en que se cerró)"
        )
      }
      var record = open.record
      record.unanswered = unanswered
      closed = record
      var act = Act(after: state, type: .reviewClosed, time: now)
      act.review = record
      return act
    }
    return closed
  }

  /// Records a reply file: signed (checked against the roster in namespace `reply@veedor`) or, with
  /// `signature` nil, an unsigned public comment with an optional submitter name.
  public func addReply(file: URL, signature: URL?, submitter: String?, now: Date) throws -> Voices.Reply {
    let bytes: Data
    do { bytes = try BoundedRead.contents(of: file, limit: Int64(ReplyText.maxBytes)) } catch {
      throw WorkspaceError(
        .badInput, "cannot read the reply file", es: "no se puede leer el archivo de respuesta", file: file.path)
    }
    let text: ReplyText
    do { text = try ReplyText(parsing: bytes, file: file.path) } catch { throw WorkspaceError(error) }
    try checkReplySubject(text, file: file.path)
    var armoured: String?
    var signerKey: Data?
    if let signature {
      guard let sig = try? BoundedRead.contents(of: signature, limit: 64 * 1024),
        let sigText = String(data: sig, encoding: .utf8)
      else {
        throw WorkspaceError(
          .badInput, "cannot read the signature file", es: "no se puede leer el archivo de firma", file: signature.path)
      }
      guard let key = SSHSignature.verify(sigText, message: bytes, namespace: ReplyText.namespace) else {
        throw WorkspaceError(
          .badInput,
          "does not verify over \(file.lastPathComponent) in namespace \(ReplyText.namespace) (another file, another namespace, or altered); sign with: ssh-keygen -Y sign -f KEY -n \(ReplyText.namespace) \(file.lastPathComponent)",
          es:
            "no se verifica sobre \(file.lastPathComponent) en el espacio de nombres \(ReplyText.namespace) (otro archivo, otro espacio de nombres, o alterado); firme con: ssh-keygen -Y sign -f KEY -n \(ReplyText.namespace) \(file.lastPathComponent)",
          file: signature.path)
      }
      (armoured, signerKey) = (sigText, key)
    }
    let stored = try objects.store(file)
    guard stored.sha256 == Data(SHA256.hash(data: bytes)).hexString else {
      throw WorkspaceError(
        .conflict, "changed while being read; try again", es: "cambió mientras se leía; inténtelo de nuevo",
        file: file.path)
    }
    var added: Voices.Reply?
    try appendVoice { state throws(WorkspaceError) in
      guard let window = state.voices.windows.first(where: { $0.draftSize == text.checkpointSize }) else {
        throw WorkspaceError(
          .badInput,
          "names checkpoint \(text.checkpointSize), which is not a draft of this ledger (drafts: \(state.voices.windows.map { "\($0.draftSize)" }.joined(separator: ", ")))",
          es:
            "indica el punto de control \(text.checkpointSize), que no es un borrador de este registro (borradores: \(state.voices.windows.map { "\($0.draftSize)" }.joined(separator: ", ")))",
          file: file.path, field: text.spanish ? "punto-de-control" : "checkpoint")
      }
      // The draft's root from the ledger's own lines: a snapshot cannot vouch for it.
      let lines = try readLedger().lines
      guard lines.count >= window.draftSize else {
        throw WorkspaceError(
          .integrity, "is shorter than draft \(window.record.id) (\(window.draftSize) entries)",
          es: "es más corto que el borrador \(window.record.id) (\(window.draftSize) entradas)", file: ledgerPath)
      }
      let root = (try? MerkleTree(entries: lines.prefix(window.draftSize)).root())?.base64EncodedString()
      guard root == text.checkpointRoot else {
        throw WorkspaceError(
          .badInput, "names a root that is not the root of draft \(window.record.id) (another ledger, or a typo)",
          es: "indica una raíz que no es la raíz del borrador \(window.record.id) (otro registro, o un error de tipeo)",
          file: file.path, field: text.spanish ? "punto-de-control" : "checkpoint")
      }
      var party: String?
      if let signerKey {
        let line = MonitorKey.sshPublicKey(signerKey)
        guard let found = state.voices.parties.values.first(where: { $0.publicKey == line }) else {
          throw WorkspaceError(
            .badInput,
            "signed by \(MonitorKey.sshFingerprint(signerKey)), which is not in the roster (add it with 'veedor party add')",
            es:
              "firmada por \(MonitorKey.sshFingerprint(signerKey)), que no está en el registro de partes (agréguela con 'veedor party add')",
            file: signature?.path)
        }
        guard text.party == found.name else {
          throw WorkspaceError(
            .badInput,
            text.party == nil
              ? "a signed reply must name its party: add the line '\(text.spanish ? "parte" : "party"): \(found.name)' and sign again"
              : "names party '\(text.party ?? "")', but is signed by the key of '\(found.name)'",
            es: text.party == nil
              ? "una respuesta firmada debe indicar su parte: agregue la línea '\(text.spanish ? "parte" : "party"): \(found.name)' y vuelva a firmar"
              : "indica la parte '\(text.party ?? "")', pero está firmada con la clave de '\(found.name)'",
            file: file.path, field: text.spanish ? "parte" : "party")
        }
        party = found.name
      } else if text.party != nil {
        throw WorkspaceError(
          .badInput, "an unsigned comment cannot name a party; sign it with the party's key, or remove the line",
          es: "un comentario sin firma no puede indicar una parte; fírmelo con la clave de la parte, o quite la línea",
          file: file.path, field: text.spanish ? "parte" : "party")
      }
      let trimmed = submitter?.trimmingCharacters(in: .whitespacesAndNewlines)
      if let trimmed,
        trimmed.count > 100 || trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
      {
        throw WorkspaceError(
          .badInput, "a submitter name is at most 100 characters, without control characters",
          es: "el nombre de quien envía tiene como máximo 100 caracteres, sin caracteres de control",
          field: "--submitter")
      }
      let record = ReplyRecord(
        id: "R\(state.voices.replies.count + 1)", content: bytes, sha256: stored.sha256, signature: armoured,
        party: party, submitter: party == nil && trimmed?.isEmpty == false ? trimmed : nil)
      var act = Act(after: state, type: .replyAdded, time: now)
      act.reply = record
      var after = state
      do throws(RecordsError) { try after.apply(act) } catch { throw WorkspaceError(error) }
      added = after.voices.reply(record.id)
      return act
    }
    guard let added else { throw WorkspaceError(.io, "the reply was not recorded", es: "la respuesta no se registró") }
    return added
  }

  /// Refuses a reply about a commitment, scale or level this plan and rubric do not have.
  func checkReplySubject(_ text: ReplyText, file: String) throws(WorkspaceError) {
    let field = { (en: String, es: String) in text.spanish ? es : en }
    if let id = text.commitment, (try? commitment(id))?.id != id {
      throw WorkspaceError(
        .unknownName, "unknown commitment '\(id)' (valid: \(plan.commitments.map(\.id).joined(separator: ", ")))",
        es: "compromiso desconocido '\(id)' (válidos: \(plan.commitments.map(\.id).joined(separator: ", ")))",
        file: file, field: field("commitment", "compromiso"))
    }
    if let id = text.scale {
      guard let scale = rubric.scales.first(where: { $0.id == id }) else {
        throw WorkspaceError(
          .unknownName, "unknown scale '\(id)' (valid: \(rubric.scales.map(\.id).joined(separator: ", ")))",
          es: "escala desconocida '\(id)' (válidas: \(rubric.scales.map(\.id).joined(separator: ", ")))", file: file,
          field: field("scale", "escala"))
      }
      if let level = text.proposedLevel, scale.level(matching: level) == nil {
        throw WorkspaceError(
          .unknownName,
          "'\(level)' is not a level of '\(id)' (valid: \(scale.levels.map(\.id).joined(separator: ", ")))",
          es: "'\(level)' no es un nivel de '\(id)' (válidos: \(scale.levels.map(\.id).joined(separator: ", ")))",
          file: file, field: field("proposed-level", "nivel-propuesto"))
      }
    }
    for url in text.evidence where !WebAddress.isHTTP(url) {
      throw WorkspaceError(
        .badInput, "'\(url)' is not an http(s) address", es: "'\(url)' no es una dirección http(s)", file: file,
        field: field("evidence", "evidencia"))
    }
  }

  /// Records the monitor's decision on a reply.
  public func answerReply(
    _ id: String, decision: AnswerRecord.Decision, rationale: String, now: Date
  ) throws -> AnswerRecord {
    let record = AnswerRecord(reply: id, decision: decision, rationale: rationale)
    guard !rationale.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw WorkspaceError(
        .badInput, "an answer needs a rationale", es: "una respuesta necesita un fundamento", field: "--rationale")
    }
    try appendVoice { state throws(WorkspaceError) in
      guard let reply = state.voices.reply(id) else {
        throw WorkspaceError(
          .unknownName, "no reply '\(id)' (replies: \(state.voices.replies.map(\.record.id).joined(separator: ", ")))",
          es: "no hay respuesta '\(id)' (respuestas: \(state.voices.replies.map(\.record.id).joined(separator: ", ")))",
          field: "REPLY")
      }
      if let answer = reply.answer {
        throw WorkspaceError(
          .conflict, "\(id) is already answered (\(answer.decision.rawValue)); answers are final",
          es: "\(id) ya está contestada (\(answer.decision.rawValue)); las respuestas son definitivas")
      }
      var act = Act(after: state, type: .replyAnswered, time: now)
      act.answer = record
      return act
    }
    return record
  }

  /// Records which reading stands after a second reviewer scored the same item.
  public func reconcile(_ record: ReconciliationRecord, now: Date) throws {
    let commitment = try commitment(record.commitment)
    let resolved: (Scale, [Level])
    do { resolved = try rubric.resolve(scale: record.scale, levels: record.reviewerLevels) } catch {
      throw WorkspaceError(.unknownName, error.description, es: spanishText(error), field: "--their-level")
    }
    var checked = record
    checked.commitment = commitment.id
    checked.scale = resolved.0.id
    checked.reviewerLevels = resolved.1.map(\.id)
    try appendVoice { state throws(WorkspaceError) in
      var act = Act(after: state, type: .scoreReconciled, time: now)
      act.reconciliation = checked
      var after = state
      do throws(RecordsError) { try after.apply(act) } catch {
        throw WorkspaceError(.conflict, error.message, es: error.messageES, field: error.field)
      }
      return act
    }
  }
}
