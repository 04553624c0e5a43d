import Foundation
import VeedorRubric
import VeedorWorkspace

/// The guided scoring dialogue: one scale at a time, each answer recorded as it is given.
struct ScoreWizard {
  let workspace: Workspace
  let commitment: String
  let language: Language

  func run() throws {
    let commitment = try workspace.commitment(self.commitment)
    print("\(commitment.id) — \(commitment.title.best(language.rawValue))")
    for scale in workspace.rubric.scales {
      let state = try workspace.state()
      if state.current(commitment.id, scale.id) != nil { continue }
      print("\n\(scale.title.text(language)) (\(scale.id))\n\(scale.question.text(language))")
      for (i, level) in scale.levels.enumerated() {
        print("  \(i + 1). \(level.label.text(language)) — \(level.definition.text(language))")
      }
      let choices = state.evidence.filter { $0.commitment == commitment.id }
      guard
        let answer = ask(
          scale.selection == .multiple
            ? "Levels (numbers or ids, comma-separated; empty skips, q quits)"
            : "Level (number or id; empty skips, q quits)")
      else { return }
      if answer.isEmpty { continue }
      let levels = Score.list(answer).map {
        Int($0).flatMap { scale.levels.indices.contains($0 - 1) ? scale.levels[$0 - 1].id : nil } ?? $0
      }
      let rationale = ask("Rationale") ?? ""
      print(
        "Evidence: " + (choices.isEmpty ? "none yet" : choices.map { "\($0.id) \($0.title)" }.joined(separator: "; ")))
      let evidence = Score.list(ask("Evidence ids (comma-separated)") ?? "")
      do {
        let record = try workspace.recordScore(
          ScoreDraft(
            commitment: commitment.id, scale: scale.id, levels: levels, rationale: rationale, evidence: evidence),
          correct: false, now: Environment.now())
        print("\(record.id) recorded.")
      } catch {
        Output.note("veedor: not recorded: \(error)")
      }
    }
    print("\nDone with \(commitment.id).")
  }

  /// Prompts on stdout and reads a line; nil at end of input or on `q`.
  private func ask(_ prompt: String) -> String? {
    print("\(prompt): ", terminator: "")
    guard let line = readLine()?.trimmingCharacters(in: .whitespaces), line != "q" else { return nil }
    return line
  }
}
