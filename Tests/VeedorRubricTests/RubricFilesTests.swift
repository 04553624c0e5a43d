import Foundation
import Testing
import VeedorRubric
import VeedorTestSupport

/// Loads a bundled rubric by id.
func bundledRubric(_ id: String) throws -> Rubric {
  let url = TestSupport.packageRoot.appendingPathComponent("rubrics/\(id).json")
  return try Rubric.load(try Data(contentsOf: url))
}

/// The ids of the bundled rubrics.
let bundledRubricIDs = ["irm-legacy", "irm-2017", "irm-2020", "irm-2021", "ogp-local-2021"]

@Suite("Bundled rubric files")
struct RubricFilesTests {
  static let diog = ["worsened", "did-not-change", "marginal", "major", "outstanding"]
  static let completion = ["not-started", "limited", "substantial", "complete"]

  /// Scale id → level ids the issue requires, per rubric.
  static let required: [String: [String: [String]]] = [
    "irm-legacy": [
      "specificity": ["none", "low", "medium", "high"],
      "relevance": ["access-to-information", "civic-participation", "public-accountability", "technology-innovation"],
      "potential-impact": ["none", "minor", "moderate", "transformative"],
      "completion-progress-report": completion + ["withdrawn"], "on-time": ["yes", "no"],
      "completion-end-of-term": completion, "diog-overall": diog,
      "diog-access-to-information": diog + ["not-applicable"], "diog-civic-participation": diog + ["not-applicable"],
      "diog-public-accountability": diog + ["not-applicable"],
    ],
    "irm-2017": [
      "verifiable": ["yes", "no"],
      "relevance": ["access-to-information", "civic-participation", "public-accountability", "technology-innovation"],
      "potential-impact": ["none", "minor", "moderate", "transformative"],
      "completion-end-of-term": completion + ["unclear"], "diog-overall": diog + ["no-early-results-yet"],
      "early-results": ["no-notable-results", "moderate-results", "significant-results"],
    ],
    "irm-2020": [
      "verifiable": ["yes", "no"], "open-government-lens": ["yes", "no"],
      "potential-for-results": ["unclear", "modest", "substantial"], "promising": ["yes", "no"],
      "completion": ["no-evidence-available"] + completion, "diog-overall": diog + ["no-early-results-yet"],
    ],
    "irm-2021": [
      "verifiable": ["yes", "no"], "open-government-lens": ["yes", "no"],
      "potential-for-results": ["unclear", "modest", "substantial"],
      "completion": ["no-evidence-available"] + completion,
      "early-results": ["no-notable-results", "moderate-results", "significant-results"], "promising": ["yes", "no"],
    ],
    "ogp-local-2021": [
      "verifiable": ["yes", "no"],
      "relevance": ["access-to-information", "civic-participation", "public-accountability", "technology-innovation"],
      "novelty": ["new", "continuation"], "potential-change": ["binding-institutionalised", "positive-not-binding"],
      "completion": completion,
      "diog-access-to-information-results": [
        "disclosed-more", "improved-quality", "improved-value", "improved-channels", "improved-accessibility",
        "not-applicable",
      ],
      "diog-access-to-information": diog + ["not-applicable"],
    ],
  ]

  @Test("every required level exists with English and Spanish label and definition", arguments: bundledRubricIDs)
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

  @Test("OGP's words: the sheet's spellings are the levels' OGP values, not words OGP does not use")
  func ogpWords() throws {
    let legacy = try bundledRubric("irm-legacy")
    #expect(legacy.scale("diog-overall")?.level(matching: "Worsens")?.id == "worsened")
    #expect(legacy.scale("diog-overall")?.levels.first { $0.id == "worsened" }?.ogpValue == "Worsens")
    #expect(legacy.scale("completion-progress-report")?.levels.first { $0.id == "withdrawn" }?.confirmed == true)
    // Withdrawn is a mid-term level only; OGP's end-of-term column never holds it.
    #expect(legacy.scale("completion-end-of-term")?.levels.contains { $0.id == "withdrawn" } == false)
    for id in bundledRubricIDs {
      for scale in try bundledRubric(id).scales where scale.ogpColumn != nil {
        let values = scale.levels.map(\.ogpValue)
        #expect(!values.contains("Not started") && !values.contains("No Evidence Available"), "\(id).\(scale.id)")
      }
    }
    let refreshed = try bundledRubric("irm-2021")
    #expect(refreshed.scale("completion")?.levels.first { $0.id == "no-evidence-available" }?.ogpValue == "Unclear")
    #expect(refreshed.scale("early-results")?.level(matching: "Significant")?.id == "significant-results")
    let local = try bundledRubric("ogp-local-2021")
    #expect(local.scale("potential-change")?.ogpColumn == "Potential for Results")
    #expect(local.scale("potential-change")?.levels.map(\.ogpValue) == ["Modest", "Substantial"])
  }

  @Test("phases, rationale and evidence rules are declared for every scale", arguments: bundledRubricIDs)
  func scaleRules(id: String) throws {
    let rubric = try bundledRubric(id)
    #expect(Set(rubric.scales.map(\.phase)).count >= 2, "\(id) uses a single phase")
    #expect(rubric.scales.filter(\.rationaleRequired).count == rubric.scales.count)
    #expect(!rubric.aggregates.isEmpty && !rubric.indicators.isEmpty)
  }

  /// The raw JSON of a bundled rubric file.
  static func json(_ id: String) throws -> [String: Any] {
    let url = TestSupport.packageRoot.appendingPathComponent("rubrics/\(id).json")
    return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
  }

  @Test(
    "every level states whether it is confirmed, every denominator is stated, every cited source is an https address",
    arguments: bundledRubricIDs)
  func explicitProvenance(id: String) throws {
    let file = try Self.json(id)
    let https = { (text: String?) in text.map { $0.hasPrefix("https://") } ?? true }
    for scale in file["scales"] as? [[String: Any]] ?? [] {
      let name = "\(id).\(scale["id"] ?? "")"
      #expect(https(scale["source"] as? String) && https(scale["esSource"] as? String), "\(name)")
      #expect(https(scale["requiresSource"] as? String), "\(name)")
      for level in scale["levels"] as? [[String: Any]] ?? [] {
        #expect(level["confirmed"] is Bool, "\(name).\(level["id"] ?? "") does not state confirmed")
        #expect(https(level["source"] as? String) && https(level["esSource"] as? String), "\(name)")
      }
    }
    for aggregate in file["aggregates"] as? [[String: Any]] ?? [] {
      #expect(aggregate["among"] != nil, "\(id).\(aggregate["id"] ?? "") states no denominator")
      #expect(https(aggregate["source"] as? String) && https(aggregate["esSource"] as? String))
    }
  }

  @Test("a level whose label OGP's sheet writes in its column is confirmed", arguments: bundledRubricIDs)
  func sheetConfirmsLabels(id: String) throws {
    for scale in try bundledRubric(id).scales where scale.ogpColumn != nil {
      for level in scale.levels where level.ogp == nil && !level.unseenInSheet && scale.ogpColumn != "_Relevant" {
        #expect(level.confirmed, "\(id).\(scale.id).\(level.id): the sheet writes '\(level.label.en)'")
      }
    }
  }

  @Test("one figure, one name: OGP's derived figures carry the import summary's ids")
  func aggregateIDs() throws {
    let names = [
      "High Ambition": "high-ambition", "High Completion": "high-completion", "High DIOG": "high-diog",
      "Max star": "max-star", "Starred (Current Formula) End of Term": "starred-end-of-term",
      "Starred (Current Formula) Progress Report": "starred-progress-report",
      "Starred (2015 Only)": "starred-2015-formula",
    ]
    for id in bundledRubricIDs {
      for aggregate in try bundledRubric(id).aggregates {
        if let column = aggregate.ogpColumn { #expect(names[column] == aggregate.id, "\(id).\(aggregate.id)") }
      }
      #expect(try bundledRubric(id).aggregates.contains { $0.id == "ambitious" } == false, "\(id)")
    }
  }
}
