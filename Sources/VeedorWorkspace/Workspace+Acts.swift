import Foundation
import VeedorErrors
import VeedorLedger
import VeedorPlan
import VeedorRecords
import VeedorRubric

/// Evidence to add: a stored file or a URL.
public struct EvidenceDraft: Sendable {
  /// Commitment id.
  public var commitment: String
  /// Kind of evidence.
  public var kind: EvidenceRecord.Kind
  /// Short description.
  public var title: String
  /// Date of the evidence, if known.
  public var date: PlanDate?
  /// A file to copy into `objects/`.
  public var file: URL?
  /// A public address.
  public var url: String?

  /// Creates a draft.
  public init(
    commitment: String, kind: EvidenceRecord.Kind, title: String, date: PlanDate? = nil, file: URL? = nil,
    url: String? = nil
  ) {
    self.commitment = commitment
    self.kind = kind
    self.title = title
    self.date = date
    self.file = file
    self.url = url
  }
}

/// A score to record or correct.
public struct ScoreDraft: Sendable {
  /// Commitment id.
  public var commitment: String
  /// Scale id.
  public var scale: String
  /// Level ids, labels or aliases.
  public var levels: [String]
  /// Why.
  public var rationale: String
  /// Evidence ids cited.
  public var evidence: [String]
  /// The reply that led to this score, e.g. `R3`.
  public var inReplyTo: String?

  /// Creates a draft.
  public init(
    commitment: String, scale: String, levels: [String], rationale: String, evidence: [String],
    inReplyTo: String? = nil
  ) {
    self.inReplyTo = inReplyTo
    self.commitment = commitment
    self.scale = scale
    self.levels = levels
    self.rationale = rationale
    self.evidence = evidence
  }
}

extension Workspace {
  /// The commitment with an id, or an error listing the valid ids.
  public func commitment(_ id: String) throws(WorkspaceError) -> Commitment {
    guard let found = commitmentIndex[id.lowercased()].map({ plan.commitments[$0] }) else {
      let asksAboutPlan = !(try loadedRubric().planScales ?? []).isEmpty
      let plan = asksAboutPlan ? ", or \(self.plan.id) (or 'plan') for questions about the plan" : ""
      let planES = asksAboutPlan ? ", o \(self.plan.id) (o 'plan') para las preguntas sobre el plan" : ""
      let valid = self.plan.commitments.map(\.id).joined(separator: ", ")
      throw WorkspaceError(
        .unknownName, "unknown commitment '\(id)' (valid: \(valid)\(plan))",
        es: "compromiso desconocido '\(id)' (válidos: \(valid)\(planES))", field: "commitment")
    }
    return found
  }

  /// What an act is about: a commitment's id, or the plan's own id (also written `plan`) when the
  /// rubric asks questions about the whole plan.
  public func subject(_ id: String) throws(WorkspaceError) -> String {
    if commitmentIndex[id.lowercased()] == nil, !(try loadedRubric().planScales ?? []).isEmpty,
      [plan.id.lowercased(), "plan"].contains(id.lowercased())
    {
      return plan.id
    }
    return try commitment(id).id
  }

  /// Adds evidence items in one append with one fsync; files are stored first.
  public func addEvidence(_ drafts: [EvidenceDraft], now: Date) throws -> [EvidenceRecord] {
    var prepared: [EvidenceRecord] = []
    for draft in drafts {
      let subject = try subject(draft.commitment)
      guard !draft.title.trimmingCharacters(in: .whitespaces).isEmpty else {
        throw WorkspaceError(
          .badInput, "evidence needs a title", es: "la evidencia necesita un título", field: "--title")
      }
      var record = EvidenceRecord(
        id: "", commitment: subject, kind: draft.kind, title: draft.title, date: draft.date)
      if let file = draft.file {
        let stored = try objects.store(file)
        record.sha256 = stored.sha256
        record.size = stored.size
        record.fileName = file.lastPathComponent
      } else if let url = draft.url {
        guard WebAddress.isHTTP(url) else {
          throw WorkspaceError(
            .badInput, "'\(url)' is not an http(s) address", es: "'\(url)' no es una dirección http(s)",
            field: "--url")
        }
        record.url = url
      } else {
        throw WorkspaceError(
          .badInput, "give a FILE or --url URL", es: "indique un FILE o --url URL", field: "evidence")
      }
      prepared.append(record)
    }
    var added: [EvidenceRecord] = []
    try appendActs { state in
      added = []
      var lines: [Data] = []
      for var record in prepared {
        record.id = "E\(state.evidenceCount + 1)"
        var act = Act(after: state, type: .evidenceAdded, time: now)
        act.evidence = record
        do throws(RecordsError) { lines.append(try state.add(act)) } catch { throw WorkspaceError(error) }
        added.append(record)
      }
      return lines
    }
    return added
  }

  /// Records a score, or with `correct` a correction of the current one; checks it against the rubric.
  public func recordScore(_ draft: ScoreDraft, correct: Bool, now: Date) throws -> ScoreRecord {
    guard let record = try recordScores([(draft, correct)], now: now).first else {
      throw WorkspaceError(.io, "the score was not recorded", es: "el puntaje no se registró")
    }
    return record
  }

  /// Records several scores in one append with one fsync; if any is refused, none is recorded.
  public func recordScores(_ drafts: [(ScoreDraft, correct: Bool)], now: Date) throws -> [ScoreRecord] {
    var checked: [(String, Scale, [Level], String, ScoreDraft, Bool)] = []
    for (draft, correct) in drafts {
      let commitment = try subject(draft.commitment)
      let onPlan = commitment == plan.id
      let (scale, levels): (Scale, [Level])
      do { (scale, levels) = try rubric.resolve(scale: draft.scale, levels: draft.levels, onPlan: onPlan) } catch {
        // An unknown scale is the SCALE argument's problem; every other one is about the levels given.
        var field = "level"
        if case .unknownScale = error {
          field = "scale"
          if !onPlan, rubric.planScale(draft.scale) != nil {
            throw WorkspaceError(
              .unknownName, "'\(draft.scale)' is a question about the plan: score it on \(plan.id) (or 'plan')",
              es: "'\(draft.scale)' es una pregunta sobre el plan: puntúela en \(plan.id) (o 'plan')", field: field)
          }
        }
        throw WorkspaceError(.unknownName, error.description, es: spanishText(error), field: field)
      }
      let rationale = draft.rationale.trimmingCharacters(in: .whitespacesAndNewlines)
      if scale.rationaleRequired && rationale.isEmpty {
        throw WorkspaceError(
          .badInput, "scale '\(scale.id)' requires a rationale",
          es: "la escala '\(scale.id)' exige un fundamento", field: "--rationale")
      }
      checked.append((commitment, scale, levels, rationale, draft, correct))
    }
    var recorded: [ScoreRecord] = []
    try appendActs { state in
      var lines: [Data] = []
      recorded = []
      for (commitment, scale, levels, rationale, draft, correct) in checked {
        let cited = try citedEvidence(draft.evidence, for: commitment, in: state)
        if cited.count < scale.minimumEvidence {
          throw WorkspaceError(
            .badInput,
            "scale '\(scale.id)' needs at least \(scale.minimumEvidence) evidence item(s), \(cited.count) given",
            es:
              "la escala '\(scale.id)' necesita al menos \(scale.minimumEvidence) evidencia(s); se indicaron \(cited.count)",
            field: "--evidence")
        }
        // The method's own rule (e.g. no potential for results for a commitment that is not verifiable),
        // on the scores that apply at this point of the ledger.
        if let refusal = rubric.refusal(toScore: scale, on: state.sheet(for: commitment)) {
          throw WorkspaceError(.conflict, "\(commitment): \(refusal)", es: "\(commitment): \(refusal)", field: "scale")
        }
        let current = state.current(commitment, scale.id)
        if current != nil && !correct {
          throw WorkspaceError(
            .conflict,
            "\(commitment) is already scored on '\(scale.id)' (\(current?.id ?? "")); add --correct to record a correction (the history is kept)",
            es:
              "\(commitment) ya tiene puntaje en '\(scale.id)' (\(current?.id ?? "")); agregue --correct para registrar una corrección (el historial se conserva)"
          )
        }
        if current == nil && correct {
          throw WorkspaceError(
            .conflict, "\(commitment) has no score on '\(scale.id)' to correct",
            es: "\(commitment) no tiene puntaje en '\(scale.id)' que corregir")
        }
        if let id = draft.inReplyTo {
          guard let reply = state.voices.reply(id) else {
            throw WorkspaceError(
              .unknownName, "no reply '\(id)' in the ledger", es: "no hay respuesta '\(id)' en el registro",
              field: "--in-reply-to")
          }
          guard reply.text.commitment == commitment, reply.text.scale == nil || reply.text.scale == scale.id else {
            let about = { (whole: String) in
              [reply.text.commitment ?? whole, reply.text.scale].compactMap { $0 }.joined(separator: " ")
            }
            throw WorkspaceError(
              .conflict, "\(id) is about \(about("the whole report")), not \(commitment) \(scale.id)",
              es: "\(id) se refiere a \(about("todo el informe")), no a \(commitment) \(scale.id)",
              field: "--in-reply-to")
          }
        }
        var act = Act(after: state, type: correct ? .scoreCorrected : .scoreRecorded, time: now)
        let record = ScoreRecord(
          id: "S\(state.scoreCount + 1)", commitment: commitment, scale: scale.id, levels: levels.map(\.id),
          rationale: rationale, evidence: cited, supersedes: current?.id, inReplyTo: draft.inReplyTo)
        act.score = record
        do throws(RecordsError) { lines.append(try state.add(act)) } catch { throw WorkspaceError(error) }
        recorded.append(record)
      }
      return lines
    }
    return recorded
  }

  private func citedEvidence(_ ids: [String], for commitment: String, in state: LedgerState)
    throws(WorkspaceError) -> [String]
  {
    var cited: [String] = []
    for id in ids {
      guard let found = state.evidenceID(id) else {
        // Only on a refusal: the ids of this commitment's evidence, from a full replay.
        let all = (try? self.state().evidence) ?? []
        let known = all.filter { $0.commitment == commitment }.map(\.id)
        let list = known.joined(separator: ", ")
        throw WorkspaceError(
          .unknownName,
          "unknown evidence '\(id)' (evidence for \(commitment): \(known.isEmpty ? "none yet; add some with 'veedor evidence add'" : list))",
          es:
            "evidencia desconocida '\(id)' (evidencia de \(commitment): \(known.isEmpty ? "ninguna aún; agregue con 'veedor evidence add'" : list))",
          field: "--evidence")
      }
      if !cited.contains(found) { cited.append(found) }
    }
    return cited
  }

  /// Adds a free-text note, optionally about one commitment.
  public func addNote(_ text: String, commitment id: String?, now: Date) throws {
    var commitmentID: String?
    if let id { commitmentID = try subject(id) }
    guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw WorkspaceError(.badInput, "the note is empty", es: "la nota está vacía", field: "TEXT")
    }
    try appendActs { state in
      var act = Act(after: state, type: .note, time: now)
      act.note = NoteRecord(commitment: commitmentID, text: text)
      do throws(RecordsError) { return [try state.add(act)] } catch { throw WorkspaceError(error) }
    }
  }
}
