import Foundation
import Testing
import VeedorRubric
import VeedorTestSupport

/// A monitor who writes the ledger by hand instead of with Veedor gets no further: a report is derived
/// only from inputs that Veedor's own rules accept and that every JSON parser reads the same way.
@Suite("Signed inputs the monitor's own tools would refuse")
struct SignedInputTests {
  func expectRefused(_ f: ReportFixture, _ words: String, edit: (Int, inout [String: Any]) -> Void) throws {
    try expectRefused(f, words, edit: edit, text: { $1 })
  }

  func expectRefused(
    _ f: ReportFixture, _ words: String, edit: (Int, inout [String: Any]) -> Void, text: (Int, String) -> String
  ) throws {
    let (_, result) = try f.exportRewritten(edit, text: text)
    #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
    #expect(result.stderr.contains(words), "\(result.stderr)")
  }

  /// Edits the first score of `commitment` on `scale`.
  func score(_ commitment: String, _ scale: String, _ change: @escaping (inout [String: Any]) -> Void)
    -> (Int, inout [String: Any]) -> Void
  {
    { _, object in
      guard var score = object["score"] as? [String: Any], score["commitment"] as? String == commitment,
        score["scale"] as? String == scale
      else { return }
      change(&score)
      object["score"] = score
    }
  }

  @Test("scores the rubric forbids: two levels on a single-choice scale, an unknown level, no rationale")
  func scoresAgainstTheRubric() throws {
    let f = try ReportFixture()
    try expectRefused(
      f, "takes exactly one level", edit: score("CLPLN0001", "verifiable") { $0["levels"] = ["no", "yes"] })
    try expectRefused(f, "bogus", edit: score("CLPLN0001", "verifiable") { $0["levels"] = ["bogus"] })
    try expectRefused(f, "requires a rationale", edit: score("CLPLN0001", "verifiable") { $0["rationale"] = " " })
    try expectRefused(
      f, "which the ledger does not hold by that id",
      edit: score("CLPLN0001", "verifiable") {
        $0["evidence"] = ["e1"]
      })
  }

  @Test("a line with a duplicated key, an unknown field, or a javascript: evidence address")
  func ledgerLines() throws {
    let f = try ReportFixture()
    try expectRefused(
      f, "is not in canonical form", edit: { _, _ in },
      text: { i, line in
        line.contains("\"levels\":[\"yes\"]") && i < 8
          ? line.replacingOccurrences(of: "\"levels\":[\"yes\"]", with: "\"levels\":[\"no\"],\"levels\":[\"yes\"]")
          : line
      })
    try expectRefused(f, "is not in canonical form", edit: { i, object in if i == 2 { object["extra"] = "x" } })
    try expectRefused(f, "is not http(s)") { _, object in
      guard var evidence = object["evidence"] as? [String: Any], evidence["url"] != nil else { return }
      evidence["url"] = "javascript:alert(1)"
      object["evidence"] = evidence
    }
  }

  @Test("a rubric may name only OGP's assessment columns, never a row's identity or provenance")
  func rubricColumns() throws {
    let url = TestSupport.packageRoot.appendingPathComponent("rubrics/ogp-local-2021.json")
    var rubric = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    var scales = rubric["scales"] as! [[String: Any]]
    scales[0]["ogpColumn"] = "Commitment Unique Identifier"
    var levels = scales[1]["levels"] as! [[String: Any]]
    levels[0]["ogpColumn"] = "x_monitor"
    scales[1]["levels"] = levels
    rubric["scales"] = scales
    let problems = RubricValidator.validate(try JSONSerialization.data(withJSONObject: rubric))
    #expect(problems.contains { $0.path == "$.scales[0].ogpColumn" && $0.message.contains("assessment columns") })
    #expect(problems.contains { $0.path == "$.scales[1].levels[0].ogpColumn" })
  }
}
