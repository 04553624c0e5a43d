/// The rules of the derived columns, one function each (docs/formats.md gives them in words).
extension OGPDerivedColumns {
  static let values = [
    "OGP Value Access To Information", "OGP Value Civic Participation", "OGP Value Public Accountability",
    "OGP Value Technology",
  ]

  static let maxCompletion = ["Not Started": 0, "Limited": 1, "Substantial": 2, "Complete": 3]

  /// `Action Plan Duration (Years)`: end year less submission year, at least 1.
  static func duration(_ row: Row) -> String {
    let start = cell(row, "Year Of Submission")
    let end = cell(row, "Action Plan End Year")
    guard let from = smallNumber(start), let to = smallNumber(end) else {
      return missingCode(smallNumber(start) == nil ? start : end)
    }
    return String(max(1, to - from))
  }

  /// `_Relevant`: 1 when a core value column (access to information, civic participation, public
  /// accountability) is 1, 0 when all three are 0 and technology is coded: the IRM's relevance, where
  /// technology and innovation count only beside a core value (OGP's sheet has no row with technology
  /// alone, so it cannot tell the two readings apart; this one agrees with the rubrics' `relevant` and
  /// the star). Rows without value codings (the 2021 method codes relevance alone) keep their own cell
  /// when it is 0 or 1; otherwise `NR` when all four are `NR`, else `ND`.
  static func relevant(_ row: Row) -> String? {
    let cells = values.map { cell(row, $0) }
    let core = cells.prefix(3)
    if core.contains("1") { return "1" }
    if core.allSatisfy({ $0 == "0" }) && ["0", "1"].contains(cells[3]) { return "0" }
    if ["0", "1"].contains(cell(row, "_Relevant")) { return nil }
    return cells.allSatisfy { $0 == OGPColumns.notReviewed } ? OGPColumns.notReviewed : OGPColumns.notDetermined
  }

  /// `Change In Completion`: `NR` when the end of term is `NR`; Increase, Decrease or No Change when both
  /// reports are coded; else `ND`.
  static func changeInCompletion(_ row: Row) -> String {
    let progress = cell(row, "Completion (Progress Report)")
    let end = cell(row, "Completion (End Of Term)")
    if end == OGPColumns.notReviewed { return end }
    guard let from = OGPCodings.completion[progress], let to = OGPCodings.completion[end] else {
      return OGPColumns.notDetermined
    }
    return to > from ? "Increase" : to < from ? "Decrease" : "No Change"
  }

  /// `_ChangeCompletion`: `Change In Completion`'s missing code, else `_CompletionEndTerm` less
  /// `_CompletionProgress`.
  static func changeCode(_ row: Row) -> String {
    let change = cell(row, "Change In Completion")
    guard OGPDerived.isCoded(change) else { return missingCode(change) }
    guard let from = smallNumber(cell(row, "_CompletionProgress")),
      let to = smallNumber(cell(row, "_CompletionEndTerm"))
    else { return OGPColumns.notDetermined }
    return String(to - from)
  }

  /// A missing-value code for the progress-report stars: `NR` when Specificity is `NR`, `NA` when the
  /// progress report's completion is `NA`, else `ND`.
  static func progressReportCode(_ row: Row) -> String {
    if cell(row, "Specificity") == OGPColumns.notReviewed { return OGPColumns.notReviewed }
    return cell(row, "Completion (Progress Report)") == OGPColumns.notInPlan
      ? OGPColumns.notInPlan : OGPColumns.notDetermined
  }

  /// `Starred (2015 Only)`: where Specificity is coded, the 2015 formula at the progress report.
  static func starred2015(_ row: Row) -> String {
    guard isCoded(row, "Specificity") else { return progressReportCode(row) }
    return flag(OGPDerived.starred(row, at: .progressReport, only2015: true) == true)
  }

  /// `Starred (Current Formula) Progress Report`: coded where the 2015 star is (its missing code copied),
  /// the current formula at the progress report.
  static func starredProgressReport(_ row: Row) -> String {
    let star2015 = cell(row, "Starred (2015 Only)")
    guard OGPDerived.isCoded(star2015) else { return missingCode(star2015) }
    return flag(OGPDerived.starred(row, at: .progressReport) == true)
  }

  /// `Starred (Current Formula) End of Term`: `NR` when the end-of-term report's year is `NR`; `ND` when the
  /// end-of-term completion or Potential Impact is not coded (the 2020 and 2021 methods have no star), or
  /// the report came after 2020 (OGP's later reports carry no star); else the current formula at the end
  /// of term.
  static func starredEndOfTerm(_ row: Row) -> String {
    let year = cell(row, "Report Publication Year (End Of Term)")
    if year == OGPColumns.notReviewed { return year }
    guard let star = OGPDerived.starred(row, at: .endOfTerm) else {
      return OGPColumns.notDetermined
    }
    return flag(star)
  }

  /// `Max star`: the end-of-term star where coded, else the progress-report star where coded, else `NA`
  /// when that one is `NA`, else `ND`.
  static func maxStar(_ row: Row) -> String {
    let end = cell(row, "Starred (Current Formula) End of Term")
    let progress = cell(row, "Starred (Current Formula) Progress Report")
    if OGPDerived.isCoded(end) { return end }
    if OGPDerived.isCoded(progress) { return progress }
    return progress == OGPColumns.notInPlan ? progress : OGPColumns.notDetermined
  }

  /// `Ambition Assessed`: Potential Impact or Potential for Results coded.
  static func ambitionAssessed(_ row: Row) -> String {
    flag(isCoded(row, "Potential Impact") || isCoded(row, "Potential for Results"))
  }

  /// `Max Completion` and `Raw Completion`: the latest completion's number; `NR` when both reports are
  /// `NR`, else `ND`.
  static func completion(_ row: Row, _ numbers: [String: Int]) -> String {
    let end = cell(row, "Completion (End Of Term)")
    let progress = cell(row, "Completion (Progress Report)")
    if let number = numbers[OGPDerived.isCoded(end) ? end : progress] { return String(number) }
    return end == OGPColumns.notReviewed && progress == OGPColumns.notReviewed
      ? OGPColumns.notReviewed : OGPColumns.notDetermined
  }

  /// `High Ambition`: OGP's rule (``OGPDerived/highAmbition(_:)``); Potential Impact's missing code when
  /// it is not coded.
  static func highAmbition(_ row: Row) -> String {
    OGPDerived.highAmbition(row).map(flag) ?? missingCode(cell(row, "Potential Impact"))
  }

  /// `Midterm Only`: 0 when the end of term is coded; the end of term's code when the progress report is
  /// `NR`; else 1.
  static func midtermOnly(_ row: Row) -> String {
    let end = cell(row, "Completion (End Of Term)")
    if OGPDerived.isCoded(end) { return "0" }
    return cell(row, "Completion (Progress Report)") == OGPColumns.notReviewed ? missingCode(end) : "1"
  }

  /// `Not reviewed`: Verifiable `NR` and the end of term not `ND`.
  static func notReviewed(_ row: Row) -> String {
    flag(
      cell(row, "Verifiable") == OGPColumns.notReviewed
        && cell(row, "Completion (End Of Term)") != OGPColumns.notDetermined)
  }

  /// `CHECKSUM`: how many of the four quadrants and `Not reviewed` are 1.
  static func checksum(_ row: Row) -> String {
    String((Quadrant.allCases.map(\.rawValue) + ["Not reviewed"]).filter { cell(row, $0) == "1" }.count)
  }

  /// `IRM-Based Score`: 4 ambitious and complete (or DIOG), -1 not reviewed, 3 ambitious but not
  /// complete, 2 complete but not ambitious, else 1.
  static func score(_ row: Row) -> String {
    let one = { (column: String) in cell(row, column) == "1" }
    if one(Quadrant.ambitiousAndComplete.rawValue) { return "4" }
    if one("Not reviewed") { return "-1" }
    if one(Quadrant.ambitiousNotComplete.rawValue) { return "3" }
    return one(Quadrant.completeNotAmbitious.rawValue) ? "2" : "1"
  }

  /// `Binding constraint`: the first star criterion the row fails, or STAR.
  static func bindingConstraint(_ row: Row) -> String {
    if cell(row, "Verifiable") == OGPColumns.notReviewed {
      return cell(row, "Completion (End Of Term)") == OGPColumns.notDetermined
        ? OGPColumns.notDetermined : OGPColumns.notReviewed
    }
    if ["None", "Low"].contains(cell(row, "Specificity")) { return "Spec" }
    if cell(row, "_Relevant") == "0" { return "Rel" }
    if isCoded(row, "Potential Impact") && cell(row, "Potential Impact") != "Transformative" { return "PotImp" }
    if cell(row, "Max star") == "1" { return "STAR" }
    let latest = OGPDerived.latestCompletion(row) ?? OGPColumns.notDetermined
    return OGPDerived.isCoded(latest) && !["Substantial", "Complete"].contains(latest) ? "Cmpl" : "FALSE"
  }

  /// `Subnational in NAPs`: the `Subnational` tag on a national plan.
  static func subnationalInNAP(_ row: Row) -> String {
    let tag = cell(row, "Subnational")
    guard OGPDerived.isCoded(tag) else { return missingCode(tag) }
    return flag(tag == "1" && cell(row, "National Or Local") == "National")
  }

  /// `Latest IRM Report`: the later of the two reports' publication years that falls in 2018–2020, else `NA`.
  static func latestIRMReport(_ row: Row) -> String {
    let years = ["Report Publication Year (End Of Term)", "Report Publication Year (Progress Report)"]
      .compactMap { smallNumber(cell(row, $0)) }.filter { (2018...2020).contains($0) }
    return years.max().map(String.init) ?? OGPColumns.notInPlan
  }

  /// `Active Commitment`: the plan's end year is not before `asOf`.
  static func activeCommitment(_ row: Row, asOf: Int) -> String {
    let end = cell(row, "Action Plan End Year")
    guard let year = smallNumber(end) else { return missingCode(end) }
    return flag(year >= asOf)
  }
}
