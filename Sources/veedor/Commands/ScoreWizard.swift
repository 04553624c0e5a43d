import Foundation
import VeedorPlan
import VeedorPublish
import VeedorRecords
import VeedorRubric
import VeedorWorkspace

/// The guided scoring dialogue: one scale at a time, each answer recorded as it is given.
///
/// An answer that cannot be recorded (a level the scale does not have, a missing rationale, evidence
/// that does not exist or is too little) is explained in the dialogue's language and the same scale
/// is asked again; an empty level skips the scale, `q` or the end of input ends the dialogue.
struct ScoreWizard {
  /// The workspace scores are recorded in.
  let workspace: Workspace
  /// The commitment (or the plan) as the user named it.
  let commitment: String
  /// The language of prompts and explanations.
  let language: Language
  /// The `-w` folder the user gave, repeated in the commands suggested; nil for the current folder.
  var workspaceArgument: String?

  /// What the dialogue does after one scale.
  private enum Outcome {
    /// Go on to the next scale.
    case next
    /// Stop asking.
    case quit
  }

  /// The text in the dialogue's language.
  private func say(_ english: String, es spanish: String) -> String {
    language == .es ? spanish : english
  }

  /// Asks for every unscored scale that applies, in the rubric's order.
  func run() throws {
    // The plan's id (or `plan`) walks through the rubric's questions about the whole plan.
    let subject = try workspace.subject(self.commitment)
    let onPlan = subject == workspace.plan.id
    let title =
      onPlan
      ? workspace.plan.title?.best(language.rawValue) ?? workspace.plan.member
      : try workspace.commitment(subject).title.best(language.rawValue)
    Output.line("\(subject) — \(title)")
    for scale in onPlan ? workspace.rubric.planScales ?? [] : workspace.rubric.scales {
      let state = try workspace.state()
      if state.current(subject, scale.id) != nil { continue }
      // A scale the method does not (yet) apply, e.g. potential for results before verifiability is scored.
      if workspace.rubric.requirement(of: scale, on: state.sheet(for: subject)) != .yes { continue }
      Output.line("\n\(scale.title.text(language)) (\(scale.id))\n\(scale.question.text(language))")
      for (i, level) in scale.levels.enumerated() {
        Output.line("  \(i + 1). \(level.label.text(language)) — \(level.definition.text(language))")
      }
      if try score(scale, on: subject, state: state) == .quit { return }
    }
    Output.line("\n\(say("Done with", es: "Terminado:")) \(subject).")
  }

  /// Asks for one scale until its score is recorded, skipped or the dialogue ends.
  private func score(_ scale: Scale, on subject: String, state initial: LedgerState) throws -> Outcome {
    var choices = initial.evidence.filter { $0.commitment == subject }
    if choices.count < scale.minimumEvidence { Output.block(evidenceHint(scale, subject, have: choices.count)) }
    while true {
      let prompt =
        scale.selection == .multiple
        ? say(
          "Levels (numbers or ids, comma-separated; empty skips, q quits)",
          es: "Niveles (números o ids separados por comas; vacío omite, q sale)")
        : say("Level (number or id; empty skips, q quits)", es: "Nivel (número o id; vacío omite, q sale)")
      guard let answer = ask(prompt) else { return .quit }
      if answer.isEmpty { return .next }
      let levels = Score.list(answer).map {
        Int($0).flatMap { scale.levels.indices.contains($0 - 1) ? scale.levels[$0 - 1].id : nil } ?? $0
      }
      // Levels the scale cannot take are asked again at once, before the rationale and evidence.
      if let problem = levelProblem(levels, scale, onPlan: subject == workspace.plan.id) {
        Output.note("\(problem)")
        continue
      }
      guard let rationale = ask(say("Rationale", es: "Fundamento")) else { return .quit }
      // One replay per answer: evidence may have been added in another terminal meanwhile.
      let state = try workspace.state()
      choices = state.evidence.filter { $0.commitment == subject }
      let listed =
        choices.isEmpty
        ? say("none yet", es: "ninguna aún") : choices.map { "\($0.id) \($0.title)" }.joined(separator: "; ")
      Output.line("\(say("Evidence", es: "Evidencia")): \(listed)")
      guard let ids = ask(say("Evidence ids (comma-separated)", es: "Ids de evidencia (separados por comas)")) else {
        return .quit
      }
      let evidence = Score.list(ids)
      if let problem = scoreProblem(scale, subject, rationale: rationale, evidence: evidence, state: state) {
        Output.note("\(say("veedor: not recorded", es: "veedor: no se registró")): \(problem.text)")
        if problem.aboutEvidence && choices.count < scale.minimumEvidence {
          Output.block(evidenceHint(scale, subject, have: choices.count))
        }
        Output.line("\(say("Answer this scale again.", es: "Responda de nuevo esta escala."))")
        continue
      }
      do {
        let record = try workspace.recordScore(
          ScoreDraft(
            commitment: subject, scale: scale.id, levels: levels, rationale: rationale, evidence: evidence),
          correct: false, now: Environment.now())
        Output.line("\(record.id) \(say("recorded", es: "registrado")).")
        return .next
      } catch {
        Output.note("\(say("veedor: not recorded", es: "veedor: no se registró")): \(Output.message(for: error))")
        Output.line("\(say("Answer this scale again.", es: "Responda de nuevo esta escala."))")
      }
    }
  }

  /// Why the levels given cannot be a score on `scale` by the rubric's own rules (`Rubric.resolve`,
  /// as recording checks them), or nil when they can; an unknown level names the numbers and ids to give.
  private func levelProblem(_ levels: [String], _ scale: Scale, onPlan: Bool) -> String? {
    do {
      _ = try workspace.rubric.resolve(scale: scale.id, levels: levels, onPlan: onPlan)
      return nil
    } catch .unknownLevel(let text, _, let valid) {
      let ids = valid.joined(separator: ", ")
      return say(
        "'\(text)' is not a level of \(scale.id): give a number from 1 to \(scale.levels.count) or a level id (\(ids))",
        es:
          "'\(text)' no es un nivel de \(scale.id): indique un número del 1 al \(scale.levels.count) o el id de un nivel (\(ids))"
      )
    } catch {
      return say(error.description, es: error.spanishDescription)
    }
  }

  /// Why a score with this rationale and evidence would be refused, checked before recording so the
  /// reason is said in the dialogue's language, and whether it is about evidence; nil when it looks
  /// right (the workspace still checks).
  private func scoreProblem(
    _ scale: Scale, _ subject: String, rationale: String, evidence: [String], state: LedgerState
  ) -> (text: String, aboutEvidence: Bool)? {
    if scale.rationaleRequired && rationale.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      let text = say(
        "scale '\(scale.id)' requires a rationale: say why this level",
        es: "la escala '\(scale.id)' requiere un fundamento: indique por qué corresponde este nivel")
      return (text, false)
    }
    let known = state.evidence.filter { $0.commitment == subject }.map(\.id)
    for id in evidence where state.evidence(id) == nil {
      let list = known.isEmpty ? say("none yet", es: "ninguna aún") : known.joined(separator: ", ")
      let text = say(
        "unknown evidence '\(id)' (evidence for \(subject): \(list))",
        es: "evidencia desconocida '\(id)' (evidencia de \(subject): \(list))")
      return (text, true)
    }
    let cited = Set(evidence.compactMap { state.evidence($0)?.id })
    if cited.count < scale.minimumEvidence {
      let text = say(
        "scale '\(scale.id)' needs at least \(scale.minimumEvidence) evidence item(s), \(cited.count) given",
        es:
          "la escala '\(scale.id)' requiere al menos \(scale.minimumEvidence) evidencia(s); se indicaron \(cited.count)"
      )
      return (text, true)
    }
    return nil
  }

  /// How to add evidence, when the subject has less than the scale needs (lines ending in a line feed).
  private func evidenceHint(_ scale: Scale, _ subject: String, have count: Int) -> String {
    let w = workspaceArgument.map { " -w \(ShellQuoting.quote($0))" } ?? ""
    return say(
      """
      This scale needs at least \(scale.minimumEvidence) evidence item(s); \(subject) has \(count). Add some (in another terminal, or after leaving with q):
        veedor evidence add \(subject) --url URL --title "…"\(w)
        veedor evidence add \(subject) FILE --title "…"\(w)

      """,
      es: """
        Esta escala requiere al menos \(scale.minimumEvidence) evidencia(s); \(subject) tiene \(count). Agréguela (en otra terminal, o después de salir con q):
          veedor evidence add \(subject) --url URL --title "…"\(w)
          veedor evidence add \(subject) FILE --title "…"\(w)

        """)
  }

  /// Prompts on stdout and reads a line; nil at end of input or on `q`.
  private func ask(_ prompt: String) -> String? {
    Output.line("\(prompt): ", terminator: "")
    guard let line = readLine()?.trimmingCharacters(in: .whitespaces), line != "q" else { return nil }
    return line
  }
}
