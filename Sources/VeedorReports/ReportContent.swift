import VeedorPlan
import VeedorRecords
import VeedorRubric

/// The shown parts of a report — commitments, evidence, aggregates — computed from replayed state.
struct ReportContent {
  let plan: ActionPlan
  let rubric: Rubric
  let state: LedgerState
  /// Ledger position of each evidence item (`E:` id) and score (`S:` id).
  private var seqOf: [String: Int] = [:]
  /// Time of each score entry by score id.
  private var timeOf: [String: String] = [:]
  /// Each commitment's current levels (made once: the commitments and the aggregates both read them).
  private var sheets: [String: ScoreSheet] = [:]

  init(plan: ActionPlan, rubric: Rubric, state: LedgerState) {
    self.plan = plan
    self.rubric = rubric
    self.state = state
    for act in state.acts {
      if let evidence = act.evidence { seqOf["E:" + evidence.id] = act.seq }
      if let score = act.score {
        seqOf["S:" + score.id] = act.seq
        timeOf[score.id] = act.time
      }
    }
    for commitment in plan.commitments where sheets[commitment.id] == nil {
      sheets[commitment.id] = state.sheet(for: commitment.id)
    }
  }

  /// The current levels of one commitment (or of the plan, by its id).
  private func sheet(_ id: String) -> ScoreSheet { sheets[id] ?? state.sheet(for: id) }

  /// Every evidence item with the entry that records it.
  func evidence() -> [Report.EvidenceItem] {
    state.evidence.map { Report.EvidenceItem(record: $0, entry: seqOf["E:" + $0.id] ?? -1) }
  }

  /// The rubric's aggregates over the plan's commitments.
  func aggregates() -> [Report.Aggregate] {
    let titles = Dictionary(rubric.aggregates.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    return rubric.aggregateValues(over: plan.commitments.map { sheet($0.id) }).map {
      Report.Aggregate(title: titles[$0.id] ?? LocalizedText(en: $0.id, es: $0.id), value: $0)
    }
  }

  /// Every commitment of the plan with its scores, indicators and missing scales.
  func commitments() -> [Report.CommitmentReport] {
    plan.commitments.map(commitment)
  }

  private func commitment(_ commitment: Commitment) -> Report.CommitmentReport {
    let sheet = self.sheet(commitment.id)
    let (scores, missing) = scores(rubric.scales, subject: commitment.id, sheet: sheet)
    var indicators: [String: Truth] = [:]
    for (indicator, truth) in rubric.indicatorValues(for: sheet) {
      indicators[indicator.id] = truth
    }
    return Report.CommitmentReport(
      id: commitment.id, title: commitment.title, url: commitment.url, scores: scores, indicators: indicators,
      missing: missing)
  }

  /// Milestones and check-ins as they stand on `today`; nil when there are none.
  func cycle(today: String) -> Report.CycleInfo? {
    let cycle = state.cycle
    guard
      plan.commitments.contains(where: { !$0.milestones.isEmpty }) || !cycle.allUpdates.isEmpty
        || !cycle.changes.isEmpty || !cycle.checkins.isEmpty
    else { return nil }
    return Report.CycleInfo(
      today: today, commitments: MilestoneBoard(plan: plan, cycle: cycle, today: today).commitments,
      updates: cycle.allUpdates.sorted { ($0.record.date, $0.entry) < ($1.record.date, $1.entry) }.map(\.record),
      checkins: cycle.checkins.map(\.record).sorted { $0.date < $1.date })
  }

  /// The answers to the rubric's questions about the whole plan, scored on the plan's id; nil when
  /// the rubric asks none.
  func process() -> Report.ProcessReport? {
    guard let questions = rubric.planScales, !questions.isEmpty else { return nil }
    let (scores, missing) = scores(questions, subject: plan.id, sheet: sheet(plan.id))
    return Report.ProcessReport(subject: plan.id, scores: scores, missing: missing)
  }

  /// The scored scales of a subject, and the ids of those not scored yet; a scale whose rule fails
  /// is not missing, and a score on it is marked as no longer applying.
  private func scores(_ scales: [Scale], subject: String, sheet: ScoreSheet) -> ([Report.ScaleScore], [String]) {
    var scores: [Report.ScaleScore] = []
    var missing: [String] = []
    let kept = rubric.applicable(sheet)
    for scale in scales {
      let applies = rubric.requirement(of: scale, onApplicable: kept)
      guard var score = scaleScore(scale, subject: subject) else {
        // One whose prerequisite is unscored is still missing.
        if applies != .no { missing.append(scale.id) }
        continue
      }
      if applies != .yes { score.notApplicable = true }
      scores.append(score)
    }
    return (scores, missing)
  }

  /// One scale's score history for a commitment (or the plan), nil when it was never scored.
  private func scaleScore(_ scale: Scale, subject: String) -> Report.ScaleScore? {
    let records = state.history[.init(commitment: subject, scale: scale.id)] ?? []
    let history = records.map { record -> Report.ScoreEntry in
      let chosen: [Report.LevelInfo] = record.levels.compactMap { id in
        guard let level = scale.levels.first(where: { $0.id == id }) else { return nil }
        return Report.LevelInfo(
          id: level.id, label: level.label, definition: level.definition, confirmed: level.confirmed,
          ogp: level.ogpValue, ogpColumn: level.ogpColumn)
      }
      return Report.ScoreEntry(
        score: record.id, levels: chosen, rationale: record.rationale, evidence: record.evidence,
        supersedes: record.supersedes, entry: seqOf["S:" + record.id] ?? -1, time: timeOf[record.id] ?? "",
        inReplyTo: record.inReplyTo)
    }
    return Report.ScaleScore(
      scale: scale.id, ogpColumn: scale.ogpColumn, ogpValueColumns: scale.levels.compactMap(\.ogpColumn),
      title: scale.title, phase: scale.phase, history: history)
  }
}
