import Testing
import VeedorRubric

@Suite("Derived indicators and aggregates")
struct IndicatorTests {
  let legacy: Rubric

  init() throws { legacy = try bundledRubric("irm-legacy") }

  func sheet(
    specificity: String? = "high", relevance: [String]? = ["access-to-information"], impact: String? = "transformative",
    completion: String? = "complete", midTerm: String? = nil
  ) -> ScoreSheet {
    var levels: [String: [String]] = [:]
    levels["specificity"] = specificity.map { [$0] }
    levels["relevance"] = relevance
    levels["potential-impact"] = impact.map { [$0] }
    levels["completion-end-of-term"] = completion.map { [$0] }
    levels["completion-progress-report"] = midTerm.map { [$0] }
    return ScoreSheet(levels)
  }

  func value(_ id: String, _ sheet: ScoreSheet) -> Truth {
    legacy.indicatorValues(for: sheet).first { $0.0.id == id }?.1 ?? .unknown
  }

  @Test("a commitment meeting every criterion is starred under both rules")
  func starred() {
    #expect(value("starred", sheet()) == .yes)
    #expect(value("starred-2015-formula", sheet(completion: nil, midTerm: "complete")) == .yes)
  }

  @Test("moderate impact is starred under the 2014 criteria only (OGP's Starred (2015 Only), at mid-term)")
  func moderateImpact() {
    #expect(value("starred-2015-formula", sheet(impact: "moderate", midTerm: "substantial")) == .yes)
    #expect(value("starred", sheet(impact: "moderate")) == .no)
  }

  @Test("the star and completion follow the latest report: end of term where scored, else mid-term")
  func latestReport() {
    #expect(value("starred", sheet(completion: nil, midTerm: "complete")) == .yes)
    #expect(value("starred", sheet(completion: "limited", midTerm: "complete")) == .no)
    #expect(value("high-completion", sheet(completion: "substantial", midTerm: "limited")) == .yes)
    #expect(value("completion-assessed", sheet(completion: nil, midTerm: "withdrawn")) == .no)
    #expect(value("completion-assessed", sheet(completion: nil, midTerm: nil)) == .unknown)
  }

  @Test("technology alone does not make a commitment relevant or starred")
  func technologyAlone() {
    let s = sheet(relevance: ["technology-innovation"])
    #expect(value("relevant", s) == .no)
    #expect(value("starred", s) == .no)
    #expect(value("relevant", sheet(relevance: ["technology-innovation", "public-accountability"])) == .yes)
  }

  @Test("low specificity, limited or withdrawn completion are never starred")
  func failingCriteria() {
    #expect(value("starred", sheet(specificity: "low")) == .no)
    #expect(value("starred", sheet(completion: "limited")) == .no)
    #expect(value("starred", sheet(completion: nil, midTerm: "withdrawn")) == .no)
    #expect(value("starred", sheet(specificity: "medium", completion: "substantial")) == .yes)
  }

  @Test("a missing score leaves the star undecided, unless another criterion already fails")
  func undecided() {
    #expect(value("starred", sheet(completion: nil)) == .unknown)
    #expect(value("starred", sheet(specificity: "none", completion: nil)) == .no)
  }

  @Test("aggregates follow OGP's definitions on a hand-made plan")
  func aggregates() throws {
    let sheets = [
      sheet(),
      sheet(specificity: "low", relevance: ["technology-innovation"], impact: "minor", completion: "limited"),
      sheet(specificity: "medium", relevance: ["civic-participation"], impact: "moderate", completion: "substantial"),
      sheet(specificity: nil, relevance: nil, impact: nil, completion: nil),
    ]
    let values = Dictionary(uniqueKeysWithValues: legacy.aggregateValues(over: sheets).map { ($0.id, $0) })
    // Denominators are the assessed commitments; the unscored one is undecided, not in the total.
    #expect(values["verifiable"]?.count == 2 && values["verifiable"]?.total == 3)
    #expect(values["verifiable"]?.percent == 66.7)
    #expect(values["verifiable"]?.undecided == 1)
    #expect(values["high-ambition"]?.count == 2 && values["high-ambition"]?.total == 3)
    #expect(values["transformative"]?.count == 1)
    #expect(values["high-completion"]?.count == 2 && values["high-completion"]?.total == 3)
    #expect(values["relevant-technology-innovation"]?.count == 1)
    #expect(values["max-star"]?.count == 1 && values["max-star"]?.kind == .count)
    #expect(values["starred-end-of-term"]?.count == 1)
  }

  @Test("Withdrawn and Unclear are outside the completion denominator; moderate early results are not strong")
  func denominators() throws {
    let withdrawn = sheet(completion: nil, midTerm: "withdrawn")
    let values = Dictionary(
      uniqueKeysWithValues: legacy.aggregateValues(over: [withdrawn, sheet()]).map { ($0.id, $0) })
    #expect(values["high-completion"]?.count == 1 && values["high-completion"]?.total == 1)
    let refreshed = try bundledRubric("irm-2021")
    let scored = { (completion: String, early: String) in
      ScoreSheet(["verifiable": ["yes"], "completion": [completion], "early-results": [early]])
    }
    let results = Dictionary(
      uniqueKeysWithValues: refreshed.aggregateValues(over: [
        scored("complete", "moderate-results"), scored("substantial", "significant-results"),
        scored("no-evidence-available", "no-notable-results"),
      ]).map { ($0.id, $0) })
    #expect(results["high-diog"]?.count == 1 && results["high-diog"]?.total == 3)
    #expect(results["high-completion"]?.count == 2 && results["high-completion"]?.total == 2)
  }

  @Test("selections are checked against the scale")
  func resolve() throws {
    #expect(throws: RubricError.self) {
      try legacy.resolve(scale: "completion-end-of-term", levels: ["limited", "complete"])
    }
    #expect(throws: RubricError.self) {
      try legacy.resolve(scale: "relevance", levels: ["none", "civic-participation"])
    }
    #expect(throws: RubricError.self) { try legacy.resolve(scale: "nope", levels: ["x"]) }
    let (_, levels) = try legacy.resolve(scale: "relevance", levels: ["Public accountability", "civic-participation"])
    #expect(levels.map(\.id) == ["civic-participation", "public-accountability"])
  }
}
