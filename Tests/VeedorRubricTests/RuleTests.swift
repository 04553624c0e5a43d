import Foundation
import Testing
import VeedorRubric

/// The method's rules as data: a scale applies only when its rule holds on the scales before it.
@Suite("Scale rules (requires)")
struct RuleTests {
  /// A one-scale-pair rubric file with the given second scale's extra keys.
  static func rubric(_ second: String) -> Data {
    let level = { (id: String, n: Int) in
      #"{"id":"\#(id)","ordinal":\#(n),"label":{"en":"\#(id)","es":"\#(id)"},"definition":{"en":"d","es":"d"}}"#
    }
    let scale = { (id: String, extra: String) in
      #"{"id":"\#(id)","title":{"en":"T","es":"T"},"question":{"en":"?","es":"?"},"phase":"design","selection":"single","rationaleRequired":true,"minimumEvidence":0,"levels":[\#(level("yes", 1)),\#(level("no", 0))]\#(extra)}"#
    }
    return Data(
      #"{"format":"veedor-rubric/1","id":"r","version":"1","title":{"en":"R","es":"R"},"sources":[],"scales":[\#(scale("a", "")),\#(scale("b", second))],"indicators":[{"id":"i","title":{"en":"I","es":"I"},"rule":{"scored":"a"}}]}"#
        .utf8)
  }

  @Test("a rule names only earlier scales, no indicator, and always cites its source")
  func validation() {
    let problems = { (extra: String) in RubricValidator.validate(Self.rubric(extra)).map(\.description) }
    #expect(problems(#","requires":{"scale":"a","in":["yes"]},"requiresSource":"https://example.org/rule""#).isEmpty)
    #expect(problems(#","requires":{"scored":"a"}"#).contains { $0.contains("requiresSource: is missing") })
    #expect(problems(#","requiresSource":"https://example.org""#).contains { $0.contains("without a rule") })
    #expect(
      problems(#","requires":{"scale":"b","in":["yes"]},"requiresSource":"x""#).contains {
        $0.contains("$.scales[1].requires.scale") && $0.contains("listed before it")
      })
    #expect(
      problems(#","requires":{"indicator":"i"},"requiresSource":"x""#).contains { $0.contains("not indicators") })
    #expect(problems(#","requires":{"scored":"zz"},"requiresSource":"x""#).contains { $0.contains("unknown scale") })
  }

  @Test("potential for results is refused until the commitment is verifiable, naming the rule and its source")
  func refusal() throws {
    let rubric = try bundledRubric("irm-2021")
    let scale = try #require(rubric.scale("potential-for-results"))
    for sheet in [ScoreSheet(), ScoreSheet(["verifiable": ["no"]])] {
      let refusal = try #require(rubric.refusal(toScore: scale, on: sheet))
      #expect(refusal.contains("verifiable in [yes]") && refusal.contains("glossary/verifiability"))
    }
    #expect(rubric.refusal(toScore: scale, on: ScoreSheet(["verifiable": ["yes"]])) == nil)
    let results = try #require(rubric.scale("early-results"))
    #expect(rubric.refusal(toScore: results, on: ScoreSheet(["verifiable": ["yes"]]))?.contains("completion") == true)
  }

  @Test("a corrected prerequisite leaves the dependent score on record but no longer counted")
  func lapsed() throws {
    let rubric = try bundledRubric("irm-2021")
    let scale = try #require(rubric.scale("potential-for-results"))
    let before = ScoreSheet(["verifiable": ["yes"], "potential-for-results": ["substantial"]])
    let after = ScoreSheet(["verifiable": ["no"], "potential-for-results": ["substantial"]])
    #expect(rubric.applicable(before) == before)
    #expect(rubric.applicable(after) == ScoreSheet(["verifiable": ["no"]]))
    #expect(rubric.requirement(of: scale, on: after) == .no)
    let value = rubric.aggregateValues(over: [before, after]).first { $0.id == "potential-for-results-substantial" }
    #expect(value?.count == 1 && value?.total == 1)
    #expect(rubric.indicatorValues(for: after).first { $0.0.id == "substantial-potential" }?.1 == .unknown)
  }

  @Test("2017–19: early results apply only where Did it open government? was not scored")
  func earlyResultsInsteadOfDIOG() throws {
    let rubric = try bundledRubric("irm-2017")
    let early = try #require(rubric.scale("early-results"))
    let completed = ScoreSheet(["completion-end-of-term": ["complete"]])
    #expect(rubric.requirement(of: early, on: completed) == .yes)
    var withDIOG = completed
    withDIOG.levels["diog-overall"] = ["major"]
    #expect(rubric.requirement(of: early, on: withDIOG) == .no)
    #expect(rubric.requirement(of: early, on: ScoreSheet()) == .unknown)
  }

  @Test("rules read back the way the file writes them")
  func summaries() throws {
    let rubric = try bundledRubric("irm-2017")
    #expect(
      rubric.scale("early-results")?.requires?.summary
        == "completion-end-of-term in [unclear, not-started, limited, substantial, complete] and not scored diog-overall"
    )
    let data = try JSONEncoder().encode(Rule.scored("a"))
    #expect(String(decoding: data, as: UTF8.self) == #"{"scored":"a"}"#)
    #expect(try JSONDecoder().decode(Rule.self, from: data) == .scored("a"))
  }
}
