import Testing
import VeedorRubric

/// OGP Local plans are not in OGP's commitments sheet (its July 2024 export holds national and
/// subnational-pilot plans only); their inception coding is published on each commitment's page.
@Suite("The OGP Local rubric on OGP Local's published codings")
struct OGPLocalRubricTests {
  /// Inception coding as OGP's commitment pages show it (see ../shared/docs/penalolen-plan.md):
  /// verifiable, OGP values listed, new or continuation, and the kind of change expected.
  static let pages: [(id: String, url: String, values: [String], novelty: String, change: String?)] = [
    (
      "CLPLN0001", "https://www.opengovpartnership.org/members/penalolen-chile/commitments/CLPLN0001",
      [
        "Technology and Innovation for Transparency and Accountability", "Public Accountability",
        "Access to information",
      ],
      "new", "binding-institutionalised"
    ),
    (
      "CLPLN0002", "https://opengovpartnership.org/members/penalolen-chile/commitments/CLPLN0002",
      ["Civic Participation", "Access to information", "Public Accountability"], "new", "positive-not-binding"
    ),
    (
      "ARBA0001", "https://www.opengovpartnership.org/members/buenos-aires-argentina/commitments/ARBA0001/",
      ["Access to information", "Civic Participation", "Public Accountability"], "new", "binding-institutionalised"
    ),
    (
      "CLMPU0002", "https://opengovpartnership.org/members/maipu-chile/commitments/CLMPU0002",
      ["Civic Participation"], "continuation", "positive-not-binding"
    ),
    (
      "ARPCR0005",
      "https://www.opengovpartnership.org/members/C%25EF%25BF%25BD%25EF%25BF%25BDrdoba-Province-Argentina/commitments/ARPCR0005/",
      ["Public Accountability"], "continuation", nil
    ),
  ]

  /// The words OGP's pages use for the technology value, as the rubric's level.
  static func value(_ text: String) -> String {
    text.hasPrefix("Technology") ? "technology-innovation" : text
  }

  @Test("every published coding is a level of the rubric, and the aggregates count them among the assessed")
  func publishedCodings() throws {
    let rubric = try bundledRubric("ogp-local-2021")
    var sheets: [ScoreSheet] = []
    for page in Self.pages {
      var levels: [String: [String]] = [:]
      for (scale, texts) in [
        ("verifiable", ["Yes"]), ("relevance", page.values.map(Self.value)), ("novelty", [page.novelty]),
        ("potential-change", page.change.map { [$0] } ?? []),
      ] where !texts.isEmpty {
        let (_, chosen) = try rubric.resolve(scale: scale, levels: texts)
        levels[scale] = chosen.map(\.id)
      }
      let sheet = ScoreSheet(levels)
      #expect(rubric.applicable(sheet) == sheet, "\(page.id)")
      sheets.append(sheet)
    }
    let values = Dictionary(uniqueKeysWithValues: rubric.aggregateValues(over: sheets).map { ($0.id, $0) })
    #expect(values["verifiable"]?.count == 5 && values["verifiable"]?.total == 5)
    #expect(values["binding-change"]?.count == 2 && values["binding-change"]?.total == 4)
    #expect(values["binding-change"]?.undecided == 1)
    #expect(values["new"]?.count == 3 && values["new"]?.total == 5)
    #expect(values["high-completion"]?.total == 0 && values["high-completion"]?.undecided == 5)
    // OGP's Potential for Results words for the kind of change expected.
    let change = try #require(rubric.scale("potential-change"))
    #expect(change.levels.map(\.ogpValue) == ["Modest", "Substantial"])
  }

  @Test("results are assessed only once completion is: the end-of-commitment form's order")
  func resultsAfterCompletion() throws {
    let rubric = try bundledRubric("ogp-local-2021")
    let degree = try #require(rubric.scale("diog-access-to-information"))
    #expect(rubric.refusal(toScore: degree, on: ScoreSheet()) != nil)
    #expect(
      rubric.refusal(toScore: degree, on: ScoreSheet()).map {
        $0.contains("completion in [") && $0.contains("ogp-local-end-of-commitment-assessment-form")
      } == true)
    #expect(rubric.refusal(toScore: degree, on: ScoreSheet(["completion": ["complete"]])) == nil)
  }
}
