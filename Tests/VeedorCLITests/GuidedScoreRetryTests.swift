import Foundation
import Testing
import VeedorTestSupport

/// Runs the guided `veedor score COMMITMENT --guided` with `answers` piped on standard input.
private func guided(
  _ ws: String, _ answers: String, environment: [String: String] = [:], commitment: String = "CLPLN0003"
) throws -> TestSupport.Result {
  try TestSupport.veedor(
    ["score", commitment, "-w", ws, "--guided"], environment: environment, input: Data(answers.utf8))
}

/// How many times `part` occurs in `text`.
private func count(_ part: String, in text: String) -> Int {
  text.components(separatedBy: part).count - 1
}

/// The guided `veedor score COMMITMENT`, answers piped in with `--guided`.
@Suite("Guided scoring asks again instead of losing an answer")
struct GuidedScoreRetryTests {
  /// Test: without a terminal the guided dialogue needs --guided; the refusal says why, in the run's language.
  @Test("without a terminal the guided dialogue needs --guided; the refusal says why, in the run's language")
  func needsTerminalOrFlag() throws {
    let ws = try cliWorkspace()
    let english = try TestSupport.veedor(["score", "CLPLN0003", "-w", ws])
    #expect(english.status == 2 && english.stderr.contains("run on a terminal to be guided"))
    let spanish = try TestSupport.veedor(["score", "CLPLN0003", "-w", ws, "--lang", "es"])
    #expect(spanish.status == 2 && spanish.stderr.contains("ejecute el comando en una terminal"))
  }

  /// Test: English: an invalid level is asked again at once; a missing rationale or evidence is explained and the scale asked again.
  @Test(
    "English: an invalid level is asked again at once; a missing rationale or evidence is explained and the scale asked again"
  )
  func english() throws {
    let ws = try cliWorkspace()
    // 9 is no level; then level 2 without a rationale; then level 2 with one but no evidence (there is none yet).
    let first = try guided(ws, "9\n2\n\nE1\n2\nDated goals\n\nq\n")
    #expect(first.status == 0, "\(first.stderr)")
    #expect(
      first.stderr.contains("'9' is not a level of verifiable: give a number from 1 to 2 or a level id (no, yes)"))
    #expect(!first.stderr.contains("not recorded: '9'") && count("Verifiable (verifiable)", in: first.stdout) == 1)
    // The level is asked three times: after the invalid one, and after each refused score.
    #expect(count("Level (number or id; empty skips, q quits): ", in: first.stdout) == 4, "\(first.stdout)")
    #expect(first.stderr.contains("veedor: not recorded: scale 'verifiable' requires a rationale: say why this level"))
    #expect(
      first.stderr.contains("veedor: not recorded: scale 'verifiable' needs at least 1 evidence item(s), 0 given"))
    #expect(count("Answer this scale again.", in: first.stdout) == 2)
    // No evidence yet: how to add some, with the workspace given.
    #expect(first.stdout.contains("This scale needs at least 1 evidence item(s); CLPLN0003 has 0."))
    #expect(first.stdout.contains("veedor evidence add CLPLN0003 --url URL --title \"…\" -w \(ws)"))
    #expect(first.stdout.contains("veedor evidence add CLPLN0003 FILE --title \"…\" -w \(ws)"))
    #expect(try veedor("log", "CLPLN0003", "-w", ws).stdout.isEmpty)

    try veedor("evidence", "add", "CLPLN0003", "--url", "https://example.org/a", "--title", "Minutes", "-w", ws)
    // An unknown evidence id is explained; the answer given again is recorded, and the next scale follows.
    let second = try guided(ws, "2\nDated goals\nE7\n2\nDated goals\nE1\nq\n")
    #expect(second.stderr.contains("veedor: not recorded: unknown evidence 'E7' (evidence for CLPLN0003: E1)"))
    #expect(second.stdout.contains("Evidence: E1 Minutes") && second.stdout.contains("S1 recorded."))
    #expect(!second.stdout.contains("This scale needs at least"))
    let log = try veedor("log", "CLPLN0003", "-w", ws).stdout
    #expect(log.contains("CLPLN0003 verifiable = yes — Dated goals [E1]"))
  }

  /// Test: Spanish (LANG=es_CL.UTF-8): the same dialogue, every explanation in Spanish.
  @Test("Spanish (LANG=es_CL.UTF-8): the same dialogue, every explanation in Spanish")
  func spanish() throws {
    let ws = try cliWorkspace()
    let chile = ["LANG": "es_CL.UTF-8", "LC_ALL": ""]
    let first = try guided(ws, "9\n2\n\nE1\n2\nObjetivos fechados\n\nq\n", environment: chile)
    #expect(first.stdout.contains("Verificable (verifiable)"))
    #expect(
      first.stderr.contains(
        "'9' no es un nivel de verifiable: indique un número del 1 al 2 o el id de un nivel (no, yes)"))
    #expect(count("Nivel (número o id; vacío omite, q sale): ", in: first.stdout) == 4, "\(first.stdout)")
    #expect(first.stderr.contains("veedor: no se registró: la escala 'verifiable' requiere un fundamento"))
    #expect(
      first.stderr.contains(
        "veedor: no se registró: la escala 'verifiable' requiere al menos 1 evidencia(s); se indicaron 0"))
    #expect(count("Responda de nuevo esta escala.", in: first.stdout) == 2)
    #expect(first.stdout.contains("Esta escala requiere al menos 1 evidencia(s); CLPLN0003 tiene 0. Agréguela"))
    #expect(first.stdout.contains("veedor evidence add CLPLN0003 --url URL --title \"…\" -w \(ws)"))
    for english in ["not recorded", "is not a level", "requires a rationale", "This scale needs", "Answer this"] {
      #expect(!(first.stdout + first.stderr).contains(english), "\(english)")
    }

    try veedor("evidence", "add", "CLPLN0003", "--url", "https://example.org/a", "--title", "Acta", "-w", ws)
    let second = try guided(ws, "2\nObjetivos fechados\nE7\n2\nObjetivos fechados\nE1\nq\n", environment: chile)
    #expect(second.stderr.contains("veedor: no se registró: evidencia desconocida 'E7' (evidencia de CLPLN0003: E1)"))
    #expect(second.stdout.contains("Evidencia: E1 Acta") && second.stdout.contains("S1 registrado."))
    #expect(
      try veedor("log", "CLPLN0003", "-w", ws).stdout.contains("CLPLN0003 verifiable = yes — Objetivos fechados [E1]"))
  }

  /// Test: levels a scale cannot take together, or no level at all, are refused at once by the rubric's own rule.
  @Test("levels a scale cannot take together, or no level at all, are refused at once by the rubric's own rule")
  func selectionAskedAgain() throws {
    let ws = try cliWorkspace()
    let english = try guided(ws, "1,2\n,\nq\n")
    #expect(english.stderr.contains("scale 'verifiable': takes exactly one level"), "\(english.stderr)")
    #expect(english.stderr.contains("scale 'verifiable': no level given"), "\(english.stderr)")
    #expect(count("Level (number or id; empty skips, q quits): ", in: english.stdout) == 3, "\(english.stdout)")
    #expect(!english.stdout.contains("Rationale"))
    let spanish = try guided(ws, "1,2\n,\nq\n", environment: ["LANG": "es_CL.UTF-8", "LC_ALL": ""])
    #expect(spanish.stderr.contains("escala 'verifiable': admite exactamente un nivel"), "\(spanish.stderr)")
    #expect(spanish.stderr.contains("escala 'verifiable': no se indicó ningún nivel"), "\(spanish.stderr)")
    #expect(!spanish.stdout.contains("Fundamento"))
  }

  /// Test: --lang es gives the Spanish dialogue under an English locale; --lang en the English one under a Spanish locale.
  @Test(
    "--lang es gives the Spanish dialogue under an English locale; --lang en the English one under a Spanish locale")
  func langFlag() throws {
    let ws = try cliWorkspace()
    let spanish = try TestSupport.veedor(
      ["score", "CLPLN0003", "-w", ws, "--guided", "--lang", "es"], input: Data("x\nq\n".utf8))
    #expect(
      spanish.stderr.contains("'x' no es un nivel de verifiable") && spanish.stdout.contains("Fundamento") == false)
    let english = try TestSupport.veedor(
      ["score", "CLPLN0003", "-w", ws, "--guided", "--lang", "en"], environment: ["LANG": "es_CL.UTF-8", "LC_ALL": ""],
      input: Data("x\nq\n".utf8))
    #expect(english.stderr.contains("'x' is not a level of verifiable") && english.stdout.contains("Verifiable"))
  }
}
