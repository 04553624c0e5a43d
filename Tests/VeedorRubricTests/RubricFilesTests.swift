import Foundation
import Testing
import VeedorRubric
import VeedorTestSupport

/// Loads a bundled rubric by id.
func bundledRubric(_ id: String) throws -> Rubric {
  let url = TestSupport.packageRoot.appendingPathComponent("rubrics/\(id).json")
  return try Rubric.load(try Data(contentsOf: url))
}

@Suite("Bundled rubric files")
struct RubricFilesTests {
  /// Scale id → level ids the issue requires, per rubric.
  static let required: [String: [String: [String]]] = [
    "irm-legacy": [
      "specificity": ["none", "low", "medium", "high"],
      "relevance": ["access-to-information", "civic-participation", "public-accountability", "technology-innovation"],
      "potential-impact": ["none", "minor", "moderate", "transformative"],
      "completion": ["not-started", "limited", "substantial", "complete", "withdrawn"],
      "diog-overall": ["worsened", "did-not-change", "marginal", "major", "outstanding"],
      "diog-access-to-information": [
        "worsened", "did-not-change", "marginal", "major", "outstanding", "not-applicable",
      ],
      "diog-civic-participation": ["worsened", "did-not-change", "marginal", "major", "outstanding", "not-applicable"],
      "diog-public-accountability": [
        "worsened", "did-not-change", "marginal", "major", "outstanding", "not-applicable",
      ],
    ],
    "irm-2021": [
      "verifiable": ["yes", "no"], "open-government-lens": ["yes", "no"],
      "potential-for-results": ["unclear", "modest", "substantial"],
      "completion": ["no-evidence-available", "not-started", "limited", "substantial", "complete"],
      "early-results": ["no-notable-results", "moderate-results", "significant-results"], "promising": ["yes", "no"],
    ],
    "ogp-local-2021": [
      "verifiable": ["yes", "no"],
      "relevance": ["access-to-information", "civic-participation", "public-accountability", "technology-innovation"],
      "novelty": ["new", "continuation"], "potential-change": ["binding-institutionalised", "positive-not-binding"],
      "completion": ["not-started", "limited", "substantial", "complete"],
      "diog-access-to-information-results": [
        "disclosed-more", "improved-quality", "improved-value", "improved-channels", "improved-accessibility",
        "not-applicable",
      ],
      "diog-access-to-information": [
        "worsened", "did-not-change", "marginal", "major", "outstanding", "not-applicable",
      ],
    ],
  ]

  @Test(
    "every required level exists with English and Spanish label and definition",
    arguments: ["irm-legacy", "irm-2021", "ogp-local-2021"])
  func requiredLevels(id: String) throws {
    let rubric = try bundledRubric(id)
    #expect(rubric.id == id)
    for (scaleID, levelIDs) in Self.required[id] ?? [:] {
      let scale = try #require(rubric.scale(scaleID), "\(id) lacks scale \(scaleID)")
      for levelID in levelIDs {
        let level = try #require(scale.levels.first { $0.id == levelID }, "\(id).\(scaleID) lacks \(levelID)")
        for text in [level.label.en, level.label.es, level.definition.en, level.definition.es] {
          #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(id).\(scaleID).\(levelID) has empty text")
        }
      }
    }
  }

  @Test("unconfirmed levels are marked in the file")
  func unconfirmedMarked() throws {
    let early = try #require(try bundledRubric("irm-2021").scale("early-results"))
    #expect(early.levels.allSatisfy { !$0.confirmed })
    #expect(try bundledRubric("irm-legacy").scale("completion")?.level(matching: "withdrawn")?.confirmed == false)
  }

  @Test("OGP's spellings resolve through aliases")
  func aliases() throws {
    let legacy = try bundledRubric("irm-legacy")
    #expect(legacy.scale("diog-overall")?.level(matching: "Worsens")?.id == "worsened")
    #expect(legacy.scale("diog-overall")?.level(matching: "Did Not Change")?.id == "did-not-change")
    #expect(
      try bundledRubric("irm-2021").scale("early-results")?.level(matching: "Significant")?.id == "significant-results")
  }

  @Test("phases, rationale and evidence rules are declared for every scale")
  func scaleRules() throws {
    for id in ["irm-legacy", "irm-2021", "ogp-local-2021"] {
      let rubric = try bundledRubric(id)
      #expect(Set(rubric.scales.map(\.phase)).count >= 2, "\(id) uses a single phase")
      #expect(rubric.scales.filter(\.rationaleRequired).count == rubric.scales.count)
      #expect(!rubric.aggregates.isEmpty && !rubric.indicators.isEmpty)
    }
  }
}
