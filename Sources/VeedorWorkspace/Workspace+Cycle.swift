import Foundation
import VeedorPlan
import VeedorRecords

/// A milestone update as the monitor (or a unit's spreadsheet) gives it, before it is checked.
public struct MilestoneDraft: Sendable, Hashable {
  /// Milestone id, any case.
  public var milestone: String
  /// New status.
  public var status: MilestoneStatus
  /// Percent done; defaults to 0 for not started, 100 for complete.
  public var progress: Int?
  /// Day the update describes (`YYYY-MM-DD`; default: today).
  public var date: String?
  /// Day it was met (complete only; default: `date`).
  public var met: String?
  /// Responsible unit, when it changed.
  public var responsible: String?
  /// Evidence ids.
  public var evidence: [String]
  /// What was done, or why it is late.
  public var note: String

  /// Creates a draft.
  public init(
    milestone: String, status: MilestoneStatus, progress: Int? = nil, date: String? = nil, met: String? = nil,
    responsible: String? = nil, evidence: [String] = [], note: String = ""
  ) {
    self.milestone = milestone
    self.status = status
    self.progress = progress
    self.date = date
    self.met = met
    self.responsible = responsible
    self.evidence = evidence
    self.note = note
  }
}

/// One problem with one draft of a batch: its position, the field and what is wrong.
public struct DraftProblem: Sendable, Hashable {
  /// 0-based position of the draft in the batch.
  public var index: Int
  /// The field (`milestone`, `status`, `progress`, `date`, `met`, `evidence`, `note`).
  public var field: String
  /// What is wrong, for a person.
  public var message: String
  /// The same in Spanish.
  public var messageES: String
}

extension Workspace {
  /// The plan's milestones as they stand on `today`.
  public func milestoneBoard(_ state: LedgerState, today: String) -> MilestoneBoard {
    MilestoneBoard(plan: plan, cycle: state.cycle, today: today)
  }

  /// Every problem of a batch of updates against the plan and the ledger, applied in order (so a
  /// later row may build on an earlier one); empty when all of them can be recorded.
  public func problems(_ drafts: [MilestoneDraft], state: LedgerState, today: String) -> [DraftProblem] {
    prepare(drafts, state: state, today: today).problems
  }

  /// Records a batch of milestone updates in one append; if any is refused, none is recorded.
  public func updateMilestones(_ drafts: [MilestoneDraft], now: Date) throws -> [MilestoneUpdateRecord] {
    let today = String(Act.timestamp(now).prefix(10))
    var recorded: [MilestoneUpdateRecord] = []
    try appendActs { state in
      let (records, problems) = prepare(drafts, state: state, today: today)
      if let first = problems.first {
        throw WorkspaceError(.badInput, first.message, es: first.messageES, field: first.field)
      }
      var lines: [Data] = []
      for record in records {
        var act = Act(after: state, type: .milestoneUpdated, time: now)
        act.milestone = record
        do throws(RecordsError) { lines.append(try state.add(act)) } catch { throw WorkspaceError(error) }
      }
      recorded = records
      return lines
    }
    return recorded
  }

  private func prepare(_ drafts: [MilestoneDraft], state: LedgerState, today: String)
    -> (records: [MilestoneUpdateRecord], problems: [DraftProblem])
  {
    let board = milestoneBoard(state, today: today)
    var problems: [DraftProblem] = []
    var records: [MilestoneUpdateRecord] = []
    var progressNow: [String: Int] = [:]
    for (i, draft) in drafts.enumerated() {
      func fail(_ field: String, _ message: String, es: String) {
        problems.append(DraftProblem(index: i, field: field, message: message, messageES: es))
      }
      guard let item = board.item(draft.milestone) else {
        let known = board.commitments.flatMap(\.milestones).map(\.id)
        let examples = known.prefix(3).joined(separator: ", ")
        fail(
          "milestone",
          "unknown milestone '\(draft.milestone)' (\(known.isEmpty ? "the plan has none" : "e.g. \(examples)"))",
          es:
            "hito desconocido '\(draft.milestone)' (\(known.isEmpty ? "el plan no tiene hitos" : "p. ej. \(examples)"))"
        )
        continue
      }
      if item.dropped {
        fail(
          "milestone", "\(item.id) was dropped from the plan; it takes no more updates",
          es: "\(item.id) se eliminó del plan; no admite más actualizaciones")
      }
      let progress =
        draft.progress ?? (draft.status == .complete ? 100 : draft.status == .notStarted ? 0 : item.progress)
      let date = draft.date ?? today
      let met = draft.status == .complete ? draft.met ?? date : draft.met
      if !(0...100).contains(progress) {
        fail("progress", "progress \(progress) is not 0 to 100", es: "el avance \(progress) no está entre 0 y 100")
      }
      if !MonitoringCycle.isDay(date) {
        fail("date", "'\(date)' is not a day YYYY-MM-DD", es: "'\(date)' no es un día AAAA-MM-DD")
      }
      if date > today { fail("date", "\(date) is after today (\(today))", es: "\(date) es posterior a hoy (\(today))") }
      if draft.status == .complete && progress != 100 {
        fail("progress", "a complete milestone is 100% done", es: "un hito completo tiene un avance de 100%")
      }
      if draft.status == .notStarted && progress != 0 {
        fail("progress", "a milestone not started is 0% done", es: "un hito no iniciado tiene un avance de 0%")
      }
      if let met, draft.status != .complete || !MonitoringCycle.isDay(met) {
        fail(
          "met", "'\(met)': only a complete milestone has a day it was met, YYYY-MM-DD",
          es: "'\(met)': solo un hito completo tiene un día en que se cumplió, AAAA-MM-DD")
      } else if let met, met > date {
        fail(
          "met", "met on \(met), after the day the update describes (\(date))",
          es: "cumplido el \(met), después del día que describe la actualización (\(date))")
      }
      let before = progressNow[item.id] ?? item.progress
      if progress < before && draft.note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
        fail(
          "note", "progress goes back from \(before)% to \(progress)%: say why in a note",
          es: "el avance retrocede de \(before)% a \(progress)%: explique por qué en una nota")
      }
      for id in draft.evidence where state.evidenceID(id) == nil {
        fail(
          "evidence", "unknown evidence '\(id)' (add it with 'veedor evidence add')",
          es: "evidencia desconocida '\(id)' (agréguela con 'veedor evidence add')")
      }
      progressNow[item.id] = progress
      let evidence = draft.evidence.compactMap { state.evidenceID($0) }
      records.append(
        MilestoneUpdateRecord(
          id: "U\(state.cycle.allUpdates.count + records.count + 1)", milestone: item.id, status: draft.status,
          progress: progress, date: date, met: met, responsible: draft.responsible, evidence: evidence,
          note: draft.note))
    }
    return (records, problems)
  }

  /// Records a milestone added to, reworded in or dropped from a commitment during implementation.
  public func changeMilestone(
    _ change: MilestoneChangeRecord.Change, id: String?, commitment: String?, now milestone: Milestone?,
    reason: String, at time: Date
  ) throws -> MilestoneChangeRecord {
    var record: MilestoneChangeRecord?
    try appendActs { state in
      let board = milestoneBoard(state, today: String(Act.timestamp(time).prefix(10)))
      let owner: String
      let target: String
      switch change {
      case .added:
        owner = try self.commitment(commitment ?? "").id
        let taken = Set(board.commitments.flatMap(\.milestones).map { $0.id.lowercased() })
        let count = board.commitments.first { $0.commitment == owner }?.milestones.count ?? 0
        target = id ?? (1...).lazy.map { "\(owner).M\(count + $0)" }.first { !taken.contains($0.lowercased()) }!
        guard !taken.contains(target.lowercased()) else {
          throw WorkspaceError(
            .conflict, "milestone \(target) exists already", es: "el hito \(target) ya existe", field: "--id")
        }
      case .reworded, .dropped:
        guard let item = board.item(id ?? ""), !item.dropped else {
          throw WorkspaceError(
            .unknownName, "no milestone '\(id ?? "")' that is still in the plan",
            es: "no hay un hito '\(id ?? "")' que siga en el plan", field: "milestone")
        }
        (owner, target) = (item.commitment, item.id)
      }
      var act = Act(after: state, type: .milestoneChanged, time: time)
      let made = MilestoneChangeRecord(
        milestone: target, commitment: owner, change: change, now: change == .dropped ? nil : milestone, reason: reason)
      act.milestoneChange = made
      let line: Data
      do throws(RecordsError) { line = try state.add(act) } catch { throw WorkspaceError(error) }
      record = made
      return [line]
    }
    guard let record else { throw WorkspaceError(.io, "the change was not recorded", es: "el cambio no se registró") }
    return record
  }

  /// Records a check-in with responsible units; commitments and evidence must exist.
  public func addCheckin(_ draft: CheckinRecord, at time: Date) throws -> CheckinRecord {
    var record = draft
    record.commitments = try draft.commitments.map { try commitment($0).id }
    try appendActs { state in
      for id in draft.evidence where state.evidenceID(id) == nil {
        throw WorkspaceError(
          .unknownName, "unknown evidence '\(id)'", es: "evidencia desconocida '\(id)'", field: "--evidence")
      }
      record.evidence = draft.evidence.compactMap { state.evidenceID($0) }
      record.id = "C\(state.cycle.checkins.count + 1)"
      var act = Act(after: state, type: .checkinAdded, time: time)
      act.checkin = record
      do throws(RecordsError) { return [try state.add(act)] } catch {
        throw WorkspaceError(.badInput, error.message, es: error.messageES, field: error.field)
      }
    }
    return record
  }
}
