import Foundation
import Testing
import VeedorRubric
import VeedorTestSupport

/// `docs/methodology.md` lists every scale, level, indicator and aggregate of the bundled rubrics with
/// its source and whether its wording is confirmed — generated from the rubric files so it cannot
/// drift. `VEEDOR_RECORD_METHODOLOGY=1` rewrites it and fails that run.
@Suite("docs/methodology.md")
struct MethodologyDocTests {
  static let doc = TestSupport.packageRoot.appendingPathComponent("docs/methodology.md")

  /// Markdown table cell text: no pipes or line breaks.
  static func cell(_ text: String?) -> String {
    (text ?? "–").replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }

  /// A rule as compact JSON, as the rubric file writes it.
  static func rule(_ rule: Rule) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(rule)).map { String(decoding: $0, as: UTF8.self) } ?? "?"
  }

  /// The document, from the rubric files in `rubrics/`.
  static func generated() throws -> String {
    let folder = TestSupport.packageRoot.appendingPathComponent("rubrics")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
      .sorted()
    var md = """
      # Methodology: scales, levels, indicators and aggregates

      Generated from `rubrics/*.json` by `VEEDOR_RECORD_METHODOLOGY=1 swift test --filter MethodologyDocTests`
      (the test fails when this file and the rubrics disagree). Do not edit by hand.

      **Whose words.** Scale titles, questions and level labels follow the IRM's published English
      and, where found, OGP's Spanish. Level *definitions* are Veedor's own summaries of the cited
      source, in English and Spanish, never quotations. A level marked **confirmed** has its label
      confirmed in a public source (the cited one, or OGP's commitments sheet, which uses the
      labels as column values); **not confirmed** means the label is our inference and is shown as
      such in every report.

      **OGP's figures.** The import summary computes OGP's derived figures (High Ambition, High
      Completion, High DIOG, Max star and the star formulas) the way OGP's commitments sheet computes
      them; their rules and denominators are in [formats.md](formats.md#summaryjson-and-summarymd) and
      they are checked against OGP's own columns on every row and plan of its sheet
      (`OGPOracleTests`). The rubric aggregates below are the monitor's own figures over one plan's
      current scores.

      """
    for name in names {
      let rubric = try Rubric.load(Data(contentsOf: folder.appendingPathComponent(name)))
      md += "\n## \(rubric.title.en) (`\(rubric.id)` \(rubric.version))\n\n"
      md += "Spanish: \(rubric.title.es). File: `rubrics/\(name)`.\n\n"
      if !rubric.sources.isEmpty { md += "Sources:\n\n" + rubric.sources.map { "- \($0)\n" }.joined() + "\n" }
      for scale in rubric.scales {
        md += "### Scale `\(scale.id)`: \(scale.title.en) / \(scale.title.es)\n\n"
        md += "- Question: \(scale.question.en) / \(scale.question.es)\n"
        md += "- Phase: \(scale.phase.rawValue); \(scale.selection == .single ? "one level" : "one or more levels")"
        md +=
          "; rationale \(scale.rationaleRequired ? "required" : "optional"); at least \(scale.minimumEvidence) evidence item(s)\n"
        md += "- OGP sheet column: \(scale.ogpColumn.map { "`\($0)`" } ?? "none (OGP publishes no column for it)")\n"
        md += "- Source: \(scale.source ?? "the rubric's sources")\n\n"
        md += "| level | English | Spanish | OGP value | wording | source |\n|---|---|---|---|---|---|\n"
        for level in scale.levels {
          md +=
            "| `\(level.id)` | \(cell(level.label.en)) | \(cell(level.label.es)) | \(cell(level.ogpColumn.map { "`\($0)` = 1" } ?? level.ogpValue)) | "
          md += "\(level.confirmed ? "confirmed" : "not confirmed") | \(cell(level.source ?? scale.source)) |\n"
        }
        md += "\n"
      }
      if !rubric.indicators.isEmpty {
        md += "### Derived indicators\n\n| indicator | English | Spanish | rule |\n|---|---|---|---|\n"
        for indicator in rubric.indicators {
          md +=
            "| `\(indicator.id)` | \(cell(indicator.title.en)) | \(cell(indicator.title.es)) | `\(cell(rule(indicator.rule)))` |\n"
        }
        md += "\n"
      }
      if !rubric.aggregates.isEmpty {
        md +=
          "### Plan aggregates\n\n| aggregate | English | Spanish | kind | counted | among |\n|---|---|---|---|---|---|\n"
        for a in rubric.aggregates {
          md +=
            "| `\(a.id)` | \(cell(a.title.en)) | \(cell(a.title.es)) | \(a.kind.rawValue) | `\(cell(rule(a.of)))` | "
          md += "\(a.among.map { "`\(cell(rule($0)))`" } ?? "every commitment") |\n"
        }
        md += "\n"
      }
    }
    return md
  }

  @Test("docs/methodology.md is generated from the current rubric files")
  func current() throws {
    let problem = try TestSupport.checkGenerated(
      Self.generated(), at: Self.doc, recordWith: "VEEDOR_RECORD_METHODOLOGY")
    #expect(problem == nil, "\(problem ?? "")")
  }
}
