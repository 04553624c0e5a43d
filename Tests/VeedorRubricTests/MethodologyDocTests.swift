import Foundation
import Testing
import VeedorRubric
import VeedorTestSupport

/// `docs/methodology.md` lists every scale, level, rule, indicator and aggregate of the bundled rubrics
/// with its source, whether its wording is confirmed and whose Spanish it is — generated from the rubric
/// files so it cannot drift. `VEEDOR_RECORD_METHODOLOGY=1` rewrites it and fails that run.
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

  /// Where a Spanish text comes from: OGP's page, or Veedor's own translation.
  static func spanish(_ source: String?) -> String { source.map { "OGP: \($0)" } ?? "our translation" }

  /// One scale (or plan question) with its levels, sources and wording status.
  static func scale(_ scale: Scale, heading: String) -> String {
    var md = ""
    md += "### \(heading) `\(scale.id)`: \(scale.title.en) / \(scale.title.es)\n\n"
    md += "- Question: \(scale.question.en) / \(scale.question.es)\n"
    md += "- Phase: \(scale.phase.rawValue); \(scale.selection == .single ? "one level" : "one or more levels")"
    md +=
      "; rationale \(scale.rationaleRequired ? "required" : "optional"); at least \(scale.minimumEvidence) evidence item(s)\n"
    md += "- OGP sheet column: \(scale.ogpColumn.map { "`\($0)`" } ?? "none (OGP publishes no column for it)")\n"
    md += "- Source: \(scale.source ?? "the rubric's sources")\n"
    md += "- Spanish title: \(spanish(scale.esSource))\n"
    if let rule = scale.requires {
      md += "- Rule: applies only when `\(cell(rule.summary))` (source: \(scale.requiresSource ?? "–"))\n"
    }
    md += "\n| level | English | Spanish | OGP value | label | definition | Spanish label | source |\n"
    md += "|---|---|---|---|---|---|---|---|\n"
    for level in scale.levels {
      let value = level.ogpColumn.map { "`\($0)` = 1" } ?? level.ogpValue
      md +=
        "| `\(level.id)` | \(cell(level.label.en)) | \(cell(level.label.es)) | \(cell(value))\(level.unseenInSheet ? " (not in the sheet)" : "") | "
      md +=
        "\(level.confirmed ? "confirmed" : "not confirmed") | \(level.definitionInferred ? "inferred" : "paraphrase") | "
      md += "\(cell(spanish(level.esSource))) | \(cell(level.source ?? scale.source)) |\n"
    }
    md += "\n"
    return md
  }

  /// The document, from the rubric files in `rubrics/`.
  static func generated() throws -> String {
    let folder = TestSupport.packageRoot.appendingPathComponent("rubrics")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
      .sorted()
    let rubrics = try names.map { try Rubric.load(Data(contentsOf: folder.appendingPathComponent($0))) }
    var md = """
      # Methodology: scales, levels, rules, indicators and aggregates

      Generated from `rubrics/*.json` by `VEEDOR_RECORD_METHODOLOGY=1 swift test --filter MethodologyDocTests`
      (the test fails when this file and the rubrics disagree). Do not edit by hand.

      **Which rubric for which plan.** OGP's commitments sheet shows which IRM method assessed each plan by
      the columns it codes. Plans submitted 2011–2016 (and the 2017 plans of the subnational pilot) have
      `Specificity`, the four value columns, `Potential Impact`, completion at the progress report and at
      the end of term and *Did it open government?*: `irm-legacy`. Plans submitted 2017–2019 (and the
      2018–2019 pilot plans) have `Verifiable` coded directly and no specificity, no mid-term completion:
      `irm-2017`. Plans submitted 2020 have `Potential for Results` and, at the end of term, *Did it open
      government?*: `irm-2020`. Plans submitted from 2021 have `Potential for Results` and `Early
      Results`: `irm-2021`. OGP Local plans (2020 onward) are assessed on OGP Local's own forms:
      `ogp-local-2021`. `CohortRubricTests` checks this on OGP's rows.

      **Whose words.** A level is **confirmed** when a cited public source gives its label (OGP's
      commitments sheet counts: it writes the labels as column values); otherwise the label is our
      inference and every report says so. Level *definitions* are Veedor's own summaries in both
      languages, never quotations: a paraphrase of the cited source, or, where marked **inferred**, our
      reading where the source gives no definition. Questions are Veedor's wording. The **OGP value**
      is the exact word OGP's sheet writes for the level; "(not in the sheet)" marks a word the July
      2024 sheet never shows in that column. **Spanish**: "OGP" cites the page where OGP's own Spanish
      for the title or label was found; everything else is our translation.

      **Rules.** A scale with a rule applies only when the rule holds on the scores before it (e.g.
      potential for results only for a verifiable commitment; results only once completion is scored).
      Veedor refuses to record a score where its rule fails, and refuses a ledger that holds one. A later
      correction of a prerequisite is allowed: the dependent score stays on record, is shown as no longer
      applying, and is not counted; the scale is then not listed as missing.

      **Aggregates.** Each figure counts the commitments where its rule holds *among* those in its
      denominator (those assessed for it); a commitment not yet scored for the denominator is counted as
      undecided. A figure naming an OGP column reproduces that derived column of OGP's sheet, checked
      row by row on OGP's own rows (`CohortRubricTests`). The import summary computes the same OGP
      figures from the sheet's columns; its rules are in [formats.md](formats.md#summaryjson-and-summarymd)
      and are checked on every row and plan of OGP's sheet (`OGPOracleTests`).

      """
    var levels = 0
    var confirmed = 0
    var inferred = 0
    var spanishLabels = 0
    for rubric in rubrics {
      for scale in rubric.scales {
        levels += scale.levels.count
        confirmed += scale.levels.filter(\.confirmed).count
        inferred += scale.levels.filter(\.definitionInferred).count
        spanishLabels += scale.levels.filter { $0.esSource != nil }.count
      }
    }
    md += "\nIn all: \(levels) levels, \(confirmed) with a confirmed label, \(inferred) with an inferred definition, "
    md += "\(spanishLabels) with OGP's own Spanish label.\n"
    for (name, rubric) in zip(names, rubrics) {
      md += "\n## \(rubric.title.en) (`\(rubric.id)` \(rubric.version))\n\n"
      md += "Spanish: \(rubric.title.es). File: `rubrics/\(name)`.\n\n"
      if let description = rubric.description { md += "\(description.en)\n\n" }
      if !rubric.sources.isEmpty { md += "Sources:\n\n" + rubric.sources.map { "- \($0)\n" }.joined() + "\n" }
      for scale in rubric.scales { md += Self.scale(scale, heading: "Scale") }
      if let questions = rubric.planScales, !questions.isEmpty {
        md += "### Questions about the plan\n\nAsked once per plan and scored on the plan's id.\n\n"
        for scale in questions { md += Self.scale(scale, heading: "Plan question") }
      }
      for form in rubric.forms ?? [] {
        md += "### Form `\(form.id)`: \(form.title.en) / \(form.title.es)\n\n"
        md += "- About: \(form.subject == .plan ? "the whole plan" : "one commitment")\n"
        let after =
          form.due.after == .planSubmitted
          ? "the plan's submission"
          : "the first score of \(form.due.scale ?? "") in \((form.due.levels ?? []).joined(separator: "/"))"
        md += "- Due: \(form.due.months) month(s) after \(after)\n"
        if let limits = form.evidenceLimits {
          md += "- Evidence files: at most \(limits.files), each at most \(limits.bytesPerFile) bytes\n"
        }
        md += "- Source: \(form.source)\n"
        for section in form.sections {
          md += "- Section \(section.number) (\(section.title.en) / \(section.title.es)): "
          md += section.scales.map { "`\($0)`" }.joined(separator: ", ") + "\n"
        }
        md += "\n"
      }
      if !rubric.indicators.isEmpty {
        md +=
          "### Derived indicators\n\n| indicator | English | Spanish | rule | Spanish title |\n|---|---|---|---|---|\n"
        for indicator in rubric.indicators {
          md +=
            "| `\(indicator.id)` | \(cell(indicator.title.en)) | \(cell(indicator.title.es)) | `\(cell(rule(indicator.rule)))` | \(cell(spanish(indicator.esSource))) |\n"
        }
        md += "\n"
      }
      if !rubric.aggregates.isEmpty {
        md +=
          "### Plan aggregates\n\n| aggregate | English | Spanish | kind | counted | among | OGP column | source | Spanish title |\n"
        md += "|---|---|---|---|---|---|---|---|---|\n"
        for a in rubric.aggregates {
          md +=
            "| `\(a.id)` | \(cell(a.title.en)) | \(cell(a.title.es)) | \(a.kind.rawValue) | `\(cell(rule(a.of)))` | "
          md +=
            "\(a.among.map { "`\(cell(rule($0)))`" } ?? "every commitment") | \(cell(a.ogpColumn.map { "`\($0)`" })) | "
          md += "\(cell(a.source)) | \(cell(spanish(a.esSource))) |\n"
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
