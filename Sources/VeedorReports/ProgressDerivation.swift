import VeedorPlan
import VeedorRecords

/// Derives a report's ``Report/ProgressInfo`` for a period from the plan and the ledger.
enum ProgressDerivation {
  /// The period's progress; refused when the period is not two days in order.
  static func derive(_ request: Report.ProgressRequest, plan: ActionPlan, state: LedgerState)
    throws(ReportsError) -> Report.ProgressInfo
  {
    guard MonitoringCycle.isDay(request.from), MonitoringCycle.isDay(request.to), request.from <= request.to,
      let start = PlanDate(iso: request.from)
    else {
      throw ReportsError(
        .badInput, "the period \(request.from) to \(request.to) is not two days in order",
        es: "el período del \(request.from) al \(request.to) no son dos días en orden", field: "progress")
    }
    // The label is the period's own name (its quarter, or its two days), never free text that
    // could name another period than the one derived.
    let quarter = Report.ProgressRequest.quarter(request.label)
    guard
      quarter.map({ $0 == request })
        ?? (request.label == Report.ProgressRequest.label(from: request.from, to: request.to))
    else {
      throw ReportsError(
        .integrity, "the label '\(request.label)' does not name the period \(request.from) to \(request.to)",
        es: "la etiqueta '\(request.label)' no corresponde al período del \(request.from) al \(request.to)",
        field: "progress.label")
    }
    let dayBefore = Self.dayBefore(start)
    let now = MilestoneBoard(plan: plan, cycle: state.cycle.asOf(request.to), today: request.to)
    let before = MilestoneBoard(plan: plan, cycle: state.cycle.asOf(dayBefore), today: dayBefore)
    let horizon = PlanDate(iso: request.to)?.adding(months: 3)?.description ?? request.to
    let inPeriod = { (day: Substring) in request.from <= day && day <= request.to }
    var owner: [String: String] = [:]
    for c in now.commitments { for m in c.milestones { owner[m.id] = c.commitment } }
    let updates = state.cycle.allUpdates.filter { inPeriod($0.record.date[...]) }
      .sorted { ($0.record.date, $0.entry) < ($1.record.date, $1.entry) }
    var lastStatus: [String: MilestoneStatus] = [:]
    let commitments = now.commitments.map { c -> Report.CommitmentProgress in
      let changes = updates.filter { owner[$0.record.milestone] == c.commitment }.map { u -> Report.ProgressChange in
        let prior = lastStatus[u.record.milestone] ?? before.item(u.record.milestone)?.status ?? .notStarted
        lastStatus[u.record.milestone] = u.record.status
        return Report.ProgressChange(
          update: u.record.id, milestone: u.record.milestone,
          title: now.item(u.record.milestone)?.title ?? PlanText(en: u.record.milestone), before: prior,
          status: u.record.status,
          progress: u.record.progress, date: u.record.date, note: u.record.note)
      }
      // Not overdue at the period's end, and due (its first day, for a month or a year) within three months.
      let upcoming = c.milestones.filter { m in
        guard !m.dropped, !m.status.isClosed, let due = m.due, !MilestoneBoard.isPast(due, today: request.to),
          let first = PlanDate(year: due.year, month: due.month ?? 1, day: due.day ?? 1)
        else { return false }
        return first.description <= horizon
      }
      return Report.CommitmentProgress(
        commitment: c.commitment, progress: c.progress,
        progressBefore: before.commitments.first { $0.commitment == c.commitment }?.progress, changes: changes,
        overdue: c.milestones.filter(\.overdue).map(ref), upcoming: upcoming.map(ref),
        // An evidence item counts by its own day when it gives one, else by the day it was recorded.
        evidence: state.acts.compactMap { act in
          act.evidence.flatMap { e in
            let day = e.date.flatMap { $0.day == nil ? nil : $0.description[...] } ?? act.time.prefix(10)
            return e.commitment == c.commitment && inPeriod(day) ? e.id : nil
          }
        },
        checkins: state.cycle.checkins.filter {
          inPeriod($0.record.date[...]) && $0.record.commitments.contains(c.commitment)
        }
        .map(\.record.id),
        scores: state.acts.compactMap { act in
          act.score.flatMap { $0.commitment == c.commitment && inPeriod(act.time.prefix(10)) ? $0.id : nil }
        })
    }
    let website = state.evidence.filter { $0.commitment == plan.id && $0.kind == .webpage }
      .compactMap { $0.date?.description }.filter { $0.count == 10 && $0 <= request.to }.max()
    let within = website.flatMap { PlanDate(iso: $0)?.adding(months: 4)?.description }.map { $0 >= request.to } ?? false
    return Report.ProgressInfo(
      label: request.label, from: request.from, to: request.to, commitments: commitments,
      checkins: state.cycle.checkins.filter { inPeriod($0.record.date[...]) }.map(\.record).sorted {
        $0.date < $1.date
      },
      websiteUpdated: website,
      websiteWithinFourMonths: within)
  }

  static func ref(_ m: MilestoneBoard.Item) -> Report.MilestoneRef {
    Report.MilestoneRef(id: m.id, title: m.title, due: m.due?.description, status: m.status)
  }

  /// The calendar day before a day.
  static func dayBefore(_ day: PlanDate) -> String {
    guard let d = day.day, d > 1 else {
      // The last day of the month before.
      let previous = day.adding(months: -1) ?? day
      let last = (28...31).last { PlanDate(year: previous.year, month: previous.month, day: $0) != nil } ?? 28
      return PlanDate(year: previous.year, month: previous.month, day: last)?.description ?? day.description
    }
    return PlanDate(year: day.year, month: day.month, day: d - 1)?.description ?? day.description
  }
}
