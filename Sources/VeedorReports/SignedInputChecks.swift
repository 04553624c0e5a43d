import Foundation
import VeedorErrors
import VeedorPlan
import VeedorRecords
import VeedorRubric

/// The rules the monitor's own tools enforce, checked again on the signed inputs: a report is derived
/// only from a ledger that a reader's JSON parser, the plan and the rubric all read the same way.
enum SignedInputChecks {
  /// Refuses an invalid plan, and scores or evidence the rubric and plan forbid (replay has already
  /// refused non-canonical lines).
  static func check(state: LedgerState, plan: ActionPlan, rubric: Rubric) throws(ReportsError) {
    do { try PlanImporter.check(plan, file: "inputs.plan") } catch {
      throw ReportsError(
        .integrity, error.message, es: error.messageES, field: "inputs.plan" + (error.field.map { ".\($0)" } ?? ""))
    }
    let commitments = Set(plan.commitments.map(\.id))
    // The plan's own id is a subject only when the rubric asks questions about the plan, and then
    // no commitment may share it: its answers would be read as the commitment's, and the reverse.
    let asksAboutPlan = !(rubric.planScales ?? []).isEmpty
    if asksAboutPlan, let clash = plan.commitmentNamedLikePlan {
      throw ReportsError(
        .integrity,
        "the plan's id '\(plan.id)' is also commitment \(clash.id)'s, but the rubric scores questions about the plan on the plan's id",
        es:
          "el id '\(plan.id)' del plan es también el del compromiso \(clash.id), pero la rúbrica puntúa las preguntas sobre el plan con el id del plan",
        field: "inputs.plan.id")
    }
    let subjects = asksAboutPlan ? commitments.union([plan.id]) : commitments
    // Each commitment's scores so far, so a scale's rule is checked against the ledger at that point:
    // a later correction of a prerequisite leaves an earlier, valid score valid (it just stops counting).
    var sheets: [String: ScoreSheet] = [:]
    for (i, act) in state.acts.enumerated() {
      let field = "inputs.ledger[\(i)]"
      if let evidence = act.evidence {
        guard subjects.contains(evidence.commitment) else {
          throw ReportsError(
            .integrity, "evidence for '\(evidence.commitment)', not in the plan",
            es: "evidencia de '\(evidence.commitment)', que no está en el plan", field: field)
        }
        if let url = evidence.url, !WebAddress.isHTTP(url) {
          throw ReportsError(
            .integrity, "evidence address '\(url)' is not http(s)",
            es: "la dirección de evidencia '\(url)' no es http(s)", field: field)
        }
      }
      if let score = act.score {
        try check(score, state: state, rubric: rubric, subjects: subjects, plan: plan.id, field: field)
        let sheet = sheets[score.commitment] ?? ScoreSheet()
        // A question about the plan is checked against its own rule, as `veedor score` checks it.
        let scale = score.commitment == plan.id ? rubric.planScale(score.scale) : rubric.scale(score.scale)
        if let scale, let refusal = rubric.refusal(toScore: scale, on: sheet) {
          throw ReportsError(
            .integrity, "scores \(score.commitment) where \(refusal)",
            es: "puntúa \(score.commitment) donde \(refusal)", field: field)
        }
        sheets[score.commitment, default: ScoreSheet()].levels[score.scale] = score.levels
      }
      if let r = act.reconciliation {
        guard commitments.contains(r.commitment),
          (try? rubric.resolve(scale: r.scale, levels: r.reviewerLevels))?.1.map(\.id) == r.reviewerLevels
        else {
          throw ReportsError(
            .integrity, "reconciles a commitment, scale or levels the plan and rubric do not have",
            es: "concilia un compromiso, escala o niveles que el plan y la rúbrica no tienen", field: field)
        }
      }
    }
    try checkCycle(state: state, plan: plan)
    for reply in state.voices.replies {
      let field = "inputs.ledger[\(reply.entry)]"
      if let id = reply.text.commitment, !commitments.contains(id) {
        throw ReportsError(
          .integrity, "a reply about '\(id)', not in the plan",
          es: "una respuesta sobre '\(id)', que no está en el plan",
          field: field)
      }
      if let id = reply.text.scale {
        guard let scale = rubric.scales.first(where: { $0.id == id }) else {
          throw ReportsError(
            .integrity, "a reply about scale '\(id)', not in the rubric",
            es: "una respuesta sobre la escala '\(id)', que no está en la rúbrica", field: field)
        }
        if let level = reply.text.proposedLevel, scale.level(matching: level) == nil {
          throw ReportsError(
            .integrity, "a reply proposes '\(level)', not a level of '\(id)'",
            es: "una respuesta propone '\(level)', que no es un nivel de '\(id)'", field: field)
        }
      }
      if let url = reply.text.evidence.first(where: { !WebAddress.isHTTP($0) }) {
        throw ReportsError(
          .integrity, "reply evidence address '\(url)' is not http(s)",
          es: "la dirección de evidencia de una respuesta '\(url)' no es http(s)", field: field)
      }
    }
  }

  private static func check(
    _ score: ScoreRecord, state: LedgerState, rubric: Rubric, subjects: Set<String>, plan: String, field: String
  ) throws(ReportsError) {
    guard subjects.contains(score.commitment) else {
      throw ReportsError(
        .integrity, "scores '\(score.commitment)', not in the plan",
        es: "puntúa '\(score.commitment)', que no está en el plan", field: field)
    }
    let scale: Scale
    let levels: [Level]
    do {
      (scale, levels) = try rubric.resolve(scale: score.scale, levels: score.levels, onPlan: score.commitment == plan)
    } catch {
      throw ReportsError(.integrity, error.description, es: spanishText(error), field: field)
    }
    guard levels.map(\.id) == score.levels else {
      throw ReportsError(
        .integrity, "levels \(score.levels) are not the rubric's ids in order",
        es: "los niveles \(score.levels) no son los ids de la rúbrica en orden", field: field)
    }
    if scale.rationaleRequired && PlainText.isBlank(score.rationale) {
      throw ReportsError(
        .integrity, "scale '\(scale.id)' requires a rationale", es: "la escala '\(scale.id)' exige un fundamento",
        field: field)
    }
    for id in score.evidence where state.evidence(id)?.id != id {
      throw ReportsError(
        .integrity, "cites evidence '\(id)', which the ledger does not hold by that id",
        es: "cita la evidencia '\(id)', que el registro no tiene con ese id", field: field)
    }
    if Set(score.evidence).count < scale.minimumEvidence {
      throw ReportsError(
        .integrity, "scale '\(scale.id)' needs at least \(scale.minimumEvidence) evidence item(s)",
        es: "la escala '\(scale.id)' necesita al menos \(scale.minimumEvidence) evidencia(s)", field: field)
    }
  }
}
