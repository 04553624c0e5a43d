import Foundation
import VeedorPlan
import VeedorRecords
import VeedorReports
import VeedorRubric

/// Turns a signed report into OGP-shaped rows, one per commitment.
public enum ReportRows {
  /// The IRM assessment columns OGP publishes; those a rubric does not fill are `ND`.
  public static let assessmentColumns = OGPAssessmentColumns.all

  /// The rows of a report whose exact bytes hash to `reportSHA256`.
  public static func rows(_ report: Report, reportSHA256: String) -> [[String: String]] {
    let plan = report.plan
    let na = OGPColumns.notInPlan
    let planNumber = plan.id.reversed().prefix { $0.isNumber }.reversed()
    var evidenceByID: [String: EvidenceRecord] = [:]
    for item in report.evidence { evidenceByID[item.record.id] = item.record }
    let commitments = Dictionary(plan.commitments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    return report.commitments.map { c in
      let commitment = commitments[c.id]
      var row: [String: String] = [:]
      for column in assessmentColumns {
        row[column] = report.rubric.ogpColumns.contains(column) ? OGPColumns.notReviewed : OGPColumns.notDetermined
      }
      let allowed = Set(assessmentColumns)
      var cited: [String] = []
      for score in c.scores {
        if let column = score.ogpColumn, allowed.contains(column) {
          row[column] = score.current.levels.map(\.ogp).joined(separator: "; ")
        } else {
          row["x_" + score.scale] = score.current.levels.map(\.id).joined(separator: ";")
        }
        let chosen = Set(score.current.levels.compactMap(\.ogpColumn))
        for column in score.ogpValueColumns where allowed.contains(column) {
          row[column] = chosen.contains(column) ? "1" : "0"
        }
        cited += score.current.evidence
      }
      for (id, value) in c.indicators where value != .unknown { row["x_indicator_" + id] = value.rawValue }
      // Identity and provenance are written last, so nothing a rubric names can overwrite them.
      let identity: [String: String] = [
        OGPColumns.id: c.id, "Country/Locality": plan.member, "Code": plan.memberCode ?? na, "Action Plan ID": plan.id,
        "Action Plan Number": planNumber.isEmpty ? na : String(Int(String(planNumber)) ?? 0),
        "Commitment Number": commitment?.number ?? na, "National Or Local": plan.level ?? na,
        "Year Of Submission": (plan.submitted ?? plan.start).map { String($0.year) } ?? na,
        "Action Plan End Year": plan.end.map { String($0.year) } ?? na,
        "Commitment Title": c.title.en ?? c.title.es ?? na,
        "Full Text": commitment?.description.map { $0.en ?? $0.es ?? na } ?? na,
        "Start Date": ogpDate(commitment?.start), "End Date": ogpDate(commitment?.end),
        "Lead Institution": commitment?.leadInstitution ?? na,
        "Supporting Institution(s)": commitment.map {
          $0.supportingInstitutions.isEmpty ? na : $0.supportingInstitutions.joined(separator: "; ")
        } ?? na,
        "URL": c.url ?? na,
        "x_start_date_iso": commitment?.start?.description ?? "", "x_end_date_iso": commitment?.end?.description ?? "",
        "x_title_es": c.title.es ?? "", "x_monitor": report.monitor.sshFingerprint,
        "x_monitor_name": report.monitor.name, "x_report_sha256": reportSHA256,
        "x_ledger_checkpoint": "\(report.checkpoint.origin) \(report.checkpoint.size) \(report.checkpoint.root)",
        "x_rubric": "\(report.rubric.id) \(report.rubric.version)",
      ]
      row.merge(identity) { _, fixed in fixed }
      var seen: Set<String> = []
      row["x_evidence"] = cited.filter { seen.insert($0).inserted }.compactMap { evidenceByID[$0] }.map {
        $0.url ?? "sha256:\($0.sha256 ?? "")"
      }.joined(separator: "; ")
      return row
    }
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
