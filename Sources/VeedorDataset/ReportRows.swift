import Foundation
import VeedorPlan
import VeedorRecords
import VeedorReports
import VeedorRubric

/// Turns a signed report into OGP-shaped rows, one per commitment: all of OGP's columns, in OGP's words,
/// with OGP's derived columns computed as for OGP's own sheet (``OGPDerivedColumns``), then `x_` columns.
public enum ReportRows {
  /// The IRM assessment columns OGP publishes, and `_Relevant` (the refreshed methods' open government
  /// lens); those a rubric does not fill are `ND` (`_Relevant` is then derived from the value columns).
  public static let assessmentColumns = OGPAssessmentColumns.scaleColumns
  /// The same, as a set.
  static let assessmentColumnSet = Set(assessmentColumns)
  /// Every OGP column `ND`: where each row starts.
  static let blankRow = OGPRow(every: OGPColumns.notDetermined, room: 32)
  /// Every OGP column.
  static let ogpColumns = Set(OGPColumns.all)

  /// The rows of a report whose exact bytes hash to `reportSHA256`.
  public static func rows(_ report: Report, reportSHA256: String) -> [OGPRow] {
    let plan = report.plan
    var evidenceByID: [String: EvidenceRecord] = [:]
    for item in report.evidence { evidenceByID[item.record.id] = item.record }
    let commitments = Dictionary(plan.commitments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let year = OGPDerivedColumns.smallNumber(String(report.generated.prefix(4)))
    let keptByRubric: Set<String> = report.rubric.ogpColumns.contains("_Relevant") ? ["_Relevant"] : []
    let rubricColumns = Set(report.rubric.ogpColumns)
    let provenance = [
      ("x_monitor", report.monitor.sshFingerprint), ("x_monitor_name", report.monitor.name),
      ("x_report_sha256", reportSHA256),
      ("x_ledger_checkpoint", "\(report.checkpoint.origin) \(report.checkpoint.size) \(report.checkpoint.root)"),
      ("x_rubric", "\(report.rubric.id) \(report.rubric.version)"),
    ]
    let planColumns = planIdentity(plan)
    return report.commitments.map { c in
      var row = blankRow
      var cited: [String] = []
      assessment(c, rubricColumns: rubricColumns, cited: &cited, into: &row)
      // Identity and provenance are written after the assessment, so nothing a rubric names can overwrite them.
      for (column, value) in planColumns { row[column] = value }
      identity(c, commitments[c.id], into: &row)
      for (column, value) in provenance { row[column] = value }
      var seen: Set<String> = []
      row["x_evidence"] = cited.filter { seen.insert($0).inserted }.compactMap { evidenceByID[$0] }.map {
        $0.url ?? "sha256:\($0.sha256 ?? "")"
      }.joined(separator: "; ")
      // A rubric that scores relevance straight into `_Relevant` (the 2020 and 2021 methods' open
      // government lens) gives its own answer there, as OGP's sheet does for those plans; the value
      // columns beside it do not override it.
      OGPDerivedColumns.fill(&row, keeping: keptByRubric, activeAsOf: year)
      return row
    }
  }

  /// The columns of some rows: every OGP column when `everyOGPColumn`, and `others`.
  struct Columns: Sendable {
    /// Whether a row has every OGP column.
    var everyOGPColumn = false
    /// The other columns; with every column of a row that lacks some of OGP's.
    var others: Set<String> = []
    /// Every column.
    var all: Set<String> { everyOGPColumn ? others.union(ogpColumns) : others }
  }

  /// Every column of `rows`: OGP's columns where a row has them all (rows made by
  /// ``rows(_:reportSHA256:)`` start from ``blankRow`` and no column is taken out), and each row's others.
  static func columns(of rows: [OGPRow]) -> Columns {
    var columns = Columns()
    for row in rows {
      if row.hasEveryOGPColumn {
        columns.everyOGPColumn = true
        columns.others.formUnion(row.extras.keys)
      } else {
        columns.others.formUnion(row.columns)
      }
    }
    return columns
  }

  /// Writes the assessment columns of one commitment into `row`: each scale's current levels in OGP's
  /// words in its OGP column (`NR` when the rubric fills the column but nothing is scored yet), 0/1 in the
  /// value columns, level ids in `x_<scale>` for a scale OGP has no column for, or whose level OGP's sheet
  /// has no word for (the OGP column is then `ND`). Appends the evidence the current scores cite.
  static func assessment(
    _ c: Report.CommitmentReport, rubricColumns: Set<String>, cited: inout [String], into row: inout OGPRow
  ) {
    for column in assessmentColumns {
      row[column] = rubricColumns.contains(column) ? OGPColumns.notReviewed : OGPColumns.notDetermined
    }
    let allowed = assessmentColumnSet
    for score in c.scores {
      let levels = score.current.levels
      let column = score.ogpColumn.flatMap { allowed.contains($0) ? $0 : nil }
      // A score whose rule no longer holds (its prerequisite was corrected) stays on record, not in OGP's columns.
      if score.notApplicable == true {
        if let column { row[column] = OGPColumns.notDetermined }
        row["x_" + score.scale + "_no_longer_applies"] = levels.map(\.id).joined(separator: ";")
        continue
      }
      let words = column.map { column in levels.compactMap { OGPVocabulary.ogpSpelling($0.ogp, in: column) } }
      if let column, let words, words.count == levels.count {
        row[column] = words.joined(separator: "; ")
      } else {
        if let column { row[column] = OGPColumns.notDetermined }
        row["x_" + score.scale] = levels.map(\.id).joined(separator: ";")
      }
      let chosen = Set(levels.compactMap(\.ogpColumn))
      for column in score.ogpValueColumns where allowed.contains(column) {
        row[column] = chosen.contains(column) ? "1" : "0"
      }
      cited += score.current.evidence
    }
    for (id, value) in c.indicators where value != .unknown { row["x_indicator_" + id] = value.rawValue }
    // The original method codes specificity, not verifiability: OGP's sheet writes Verifiable Yes for
    // Medium or High, No for None or Low, NR where specificity is NR (all 213 rows of that cohort).
    if rubricColumns.contains("Specificity") && !rubricColumns.contains("Verifiable"),
      let specificity = row["Specificity"]
    {
      switch specificity {
      case "Medium", "High": row["Verifiable"] = "Yes"
      case "None", "Low": row["Verifiable"] = "No"
      default: row["Verifiable"] = specificity == OGPColumns.notReviewed ? specificity : OGPColumns.notDetermined
      }
    }
  }

  /// The identity columns every row of a plan shares, in OGP's words: `National Or Local` only as OGP's
  /// sheet writes it (National, Legacy Local, Other; another level is `ND`, kept in `x_national_or_local`),
  /// and `Full Text` `NA`, since a plan's description may be a summary rather than the commitment's own
  /// text (it is kept in `x_description`).
  static func planIdentity(_ plan: ActionPlan) -> [(column: String, value: String)] {
    let na = OGPColumns.notInPlan
    let planNumber = plan.id.reversed().prefix { $0.isNumber }.reversed()
    let level = plan.level.map { OGPVocabulary.ogpSpelling($0, in: "National Or Local") ?? OGPColumns.notDetermined }
    return [
      ("Country/Locality", plan.member), ("Code", plan.memberCode ?? na), ("Action Plan ID", plan.id),
      ("Action Plan Number", planNumber.isEmpty ? na : String(Int(String(planNumber)) ?? 0)),
      ("National Or Local", level ?? na),
      ("Year Of Submission", (plan.submitted ?? plan.start).map { String($0.year) } ?? na),
      ("Action Plan End Year", plan.end.map { String($0.year) } ?? na), ("Full Text", na),
      ("x_national_or_local", plan.level ?? ""),
    ]
  }

  /// The identity columns of one commitment, in OGP's words (the plan's own are ``planIdentity(_:)``).
  static func identity(_ c: Report.CommitmentReport, _ commitment: Commitment?, into row: inout OGPRow) {
    let na = OGPColumns.notInPlan
    let columns: KeyValuePairs<String, String> = [
      OGPColumns.id: c.id, "Commitment Number": commitment?.number ?? na,
      "Commitment Title": c.title.en ?? c.title.es ?? na,
      "Start Date": ogpDate(commitment?.start), "End Date": ogpDate(commitment?.end),
      "Lead Institution": commitment?.leadInstitution ?? na,
      "Supporting Institution(s)": commitment.map {
        $0.supportingInstitutions.isEmpty ? na : $0.supportingInstitutions.joined(separator: "; ")
      } ?? na,
      "URL": c.url ?? na,
      "x_start_date_iso": commitment?.start?.description ?? "", "x_end_date_iso": commitment?.end?.description ?? "",
      "x_title_es": c.title.es ?? "",
      "x_description": commitment?.description.map { $0.en ?? $0.es ?? "" } ?? "",
    ]
    for (column, value) in columns { row[column] = value }
  }

  /// OGP's date style: `M/D/YYYY`, `Month YYYY`, `YYYY`, or `NA`.
  static func ogpDate(_ date: PlanDate?) -> String {
    guard let date else { return OGPColumns.notInPlan }
    let months = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
      "December",
    ]
    switch (date.month, date.day) {
    case (let m?, let d?): return "\(m)/\(d)/\(date.year)"
    case (let m?, nil): return "\(months[m - 1]) \(date.year)"
    default: return String(date.year)
    }
  }
}
