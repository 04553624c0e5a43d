import Testing
import VeedorRubric

@Suite("Derived indicators and aggregates")
struct IndicatorTests {
  let legacy: Rubric

  init() throws { legacy = try bundledRubric("irm-legacy") }

  func sheet(
    specificity: String? = "high", relevance: [String]? = ["access-to-information"], impact: String? = "transformative",
    completion: String? = "complete"
  ) -> ScoreSheet {
    var levels: [String: [String]] = [:]
    levels["specificity"] = specificity.map { [$0] }
    levels["relevance"] = relevance
    levels["potential-impact"] = impact.map { [$0] }
    levels["completion"] = completion.map { [$0] }
    return ScoreSheet(levels)
  }

  func value(_ id: String, _ sheet: ScoreSheet) -> Truth {
    legacy.indicatorValues(for: sheet).first { $0.0.id == id }?.1 ?? .unknown
  }

  @Test("a commitment meeting every criterion is starred under both rules")
  func starred() {
    #expect(value("starred", sheet()) == .yes)
    #expect(value("starred-2014", sheet()) == .yes)
  }

  @Test("moderate impact is starred in 2014 only")
  func moderateImpact() {
    #expect(value("starred-2014", sheet(impact: "moderate")) == .yes)
    #expect(value("starred", sheet(impact: "moderate")) == .no)
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
    #expect(value("starred-2014", sheet(specificity: "low")) == .no)
    #expect(value("starred-2014", sheet(completion: "limited")) == .no)
    #expect(value("starred-2014", sheet(completion: "withdrawn")) == .no)
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
    #expect(values["verifiable"]?.count == 2 && values["verifiable"]?.total == 4)
    #expect(values["verifiable"]?.percent == 50)
    #expect(values["ambitious"]?.count == 2)
    #expect(values["transformative"]?.count == 1)
    #expect(values["high-completion"]?.count == 2)
    #expect(values["relevant-technology-innovation"]?.count == 1)
    #expect(values["starred"]?.count == 1 && values["starred"]?.kind == .count)
    #expect(values["starred-2014"]?.count == 2)
    #expect(values["verifiable"]?.undecided == 1)
  }

  @Test("selections are checked against the scale")
  func resolve() throws {
    #expect(throws: RubricError.self) { try legacy.resolve(scale: "completion", levels: ["limited", "complete"]) }
    #expect(throws: RubricError.self) {
      try legacy.resolve(scale: "relevance", levels: ["none", "civic-participation"])
    }
    #expect(throws: RubricError.self) { try legacy.resolve(scale: "nope", levels: ["x"]) }
    let (_, levels) = try legacy.resolve(scale: "relevance", levels: ["Public accountability", "civic-participation"])
    #expect(levels.map(\.id) == ["civic-participation", "public-accountability"])
  }
}
