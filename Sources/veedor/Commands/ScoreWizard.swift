import Foundation
import VeedorPlan
import VeedorRecords
import VeedorRubric
import VeedorWorkspace

/// The guided scoring dialogue: one scale at a time, each answer recorded as it is given.
struct ScoreWizard {
  let workspace: Workspace
  let commitment: String
  let language: Language

  /// Prompt texts in English and Spanish.
  private func say(_ key: String) -> String {
    let texts: [String: LocalizedText] = [
      "single": LocalizedText(
        en: "Level (number or id; empty skips, q quits)", es: "Nivel (número o id; vacío omite, q sale)"),
      "multiple": LocalizedText(
        en: "Levels (numbers or ids, comma-separated; empty skips, q quits)",
        es: "Niveles (números o ids separados por comas; vacío omite, q sale)"),
      "rationale": LocalizedText(en: "Rationale", es: "Fundamento"),
      "evidence": LocalizedText(en: "Evidence", es: "Evidencia"),
      "none": LocalizedText(en: "none yet", es: "ninguna aún"),
      "ids": LocalizedText(en: "Evidence ids (comma-separated)", es: "Ids de evidencia (separados por comas)"),
      "recorded": LocalizedText(en: "recorded", es: "registrado"),
      "done": LocalizedText(en: "Done with", es: "Terminado:"),
    ]
    return texts[key]?.text(language) ?? key
  }

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
      let choices = state.evidence.filter { $0.commitment == subject }
      guard let answer = ask(say(scale.selection == .multiple ? "multiple" : "single")) else { return }
      if answer.isEmpty { continue }
      let levels = Score.list(answer).map {
        Int($0).flatMap { scale.levels.indices.contains($0 - 1) ? scale.levels[$0 - 1].id : nil } ?? $0
      }
      let rationale = ask(say("rationale")) ?? ""
      let listed = choices.isEmpty ? say("none") : choices.map { "\($0.id) \($0.title)" }.joined(separator: "; ")
      Output.line("\(say("evidence")): \(listed)")
      let evidence = Score.list(ask(say("ids")) ?? "")
      do {
        let record = try workspace.recordScore(
          ScoreDraft(
            commitment: subject, scale: scale.id, levels: levels, rationale: rationale, evidence: evidence),
          correct: false, now: Environment.now())
        Output.line("\(record.id) \(say("recorded")).")
      } catch {
        Output.note("veedor: not recorded: \(error)")
      }
    }
    Output.line("\n\(say("done")) \(subject).")
  }

  /// Prompts on stdout and reads a line; nil at end of input or on `q`.
  private func ask(_ prompt: String) -> String? {
    Output.line("\(prompt): ", terminator: "")
    guard let line = readLine()?.trimmingCharacters(in: .whitespaces), line != "q" else { return nil }
    return line
  }
}
