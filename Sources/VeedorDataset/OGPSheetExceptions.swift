/// The cells of OGP's commitments sheet (July 2024) where OGP's value departs from the rule OGP follows on
/// every other row, and no rule on the row reproduces it. `veedor import` keeps the sheet's own cell
/// there (and only there), so the sheet's round trip is exact; every other derived cell is recomputed.
///
/// Found by recomputing each derived column of all 558 rows from OGP's own other columns; the test
/// `OGPDerivedColumnsTests` fails on any mismatch not listed here and on any listed cell that agrees.
public enum OGPSheetExceptions {
  /// Some rows' cells in some columns, and why they are OGP's own and not its rule's.
  public struct Exception: Sendable {
    /// Commitment ids.
    public var ids: [String]
    /// The columns whose cells are kept in those rows.
    public var columns: [String]
    /// What OGP wrote and what its rule gives.
    public var reason: String
  }

  static let quadrantReason =
    "the quadrant does not follow the row's own High Ambition and High Completion (in MK0124/MK0125, MK0139/MK0140, MN0025/MN0026 and MN0043/MN0045 two neighbouring rows' quadrants are swapped); IRM-Based Score and CHECKSUM follow the quadrant"

  static let ambitiousAndComplete = "Ambitious and complete, or DIOG"
  static let ambitiousNotComplete = "Ambitious but not complete"
  static let completeNotAmbitious = "Complete but not ambitious"
  static let notCompleteNorAmbitious = "Not complete or ambitious"

  /// Every exception.
  public static let all: [Exception] = [
    Exception(
      ids: ["CR0073"], columns: ["Action Plan Duration (Years)"],
      reason: "2 for a plan submitted in 2023 that ends in 2027 (the rule gives 4)"),
    Exception(
      ids: ["JO0062"], columns: ["_Relevant"], reason: "ND although three OGP value columns are 1 (the rule gives 1)"),
    Exception(
      ids: ["SK0116"], columns: ["_Relevant"], reason: "1 although all four OGP value columns are 0 (the rule gives 0)"),
    Exception(
      ids: ["BG0028"], columns: ["Change In Completion"],
      reason: "Increase although both reports say Substantial (the rule gives No Change)"),
    Exception(
      ids: ["FR0026"], columns: ["Change In Completion"],
      reason: "No Change although completion went from Substantial to Complete (the rule gives Increase)"),
    Exception(
      ids: ["GT0066"], columns: ["Change In Completion"],
      reason: "ND although both reports say Complete (the rule gives No Change)"),
    Exception(
      ids: ["BG0039"], columns: ["Change In Completion"],
      reason: "NA where the progress report's completion is ND (the rule gives ND)"),
    Exception(
      ids: ["MN0020", "TN0001", "TN0004", "TN0007", "TN0008"], columns: ["_ChangeCompletion"],
      reason: "NR although Change In Completion is No Change (the rule gives 0)"),
    Exception(
      ids: ["JO0048", "JO0050"], columns: ["_ChangeCompletion", "_DIOGCP"],
      reason:
        "AP_JOR03's numbers do not match their words: _ChangeCompletion 0 for an Increase of 3 and 2 steps, _DIOGCP 0 for Marginal (the rule gives 3)"
    ),
    Exception(
      ids: ["JO0050"], columns: ["_DIOGATI"], reason: "2 for Not Applicable (the rule gives 0)"),
    Exception(
      ids: ["LK0007", "LK0008", "LK0009", "LK0012", "LK0013", "LK0019", "LK0020", "LK0021", "LK0022"],
      columns: ["_DIOGPA"],
      reason: "NR on every row of AP_LKA01 although Did It Open Government: Public Accountability is coded"),
    Exception(
      ids: ["BUE0009"], columns: ["Starred (2015 Only)"],
      reason: "0 where Specificity is ND and the progress report's completion ND (the rule gives ND)"),
    Exception(
      ids: [
        "SK0059", "SK0088", "SK0113", "SK0114", "SK0115", "SK0116", "SK0117", "SK0118", "SK0119", "SK0130",
      ],
      columns: ["Starred (2015 Only)"],
      reason:
        "ND where the progress report's completion is NA; every other member's such rows (21) have NA, which the rule gives"
    ),
    Exception(
      ids: ["EE0050", "GH0021", "GH0025", "NG0008"], columns: ["Starred (Current Formula) End of Term"],
      reason:
        "0 for an end-of-term report published in 2021, while the 173 other rows with an end-of-term completion published after 2020 have no star (ND, which the rule gives)"
    ),
    Exception(
      ids: ["MK0124", "MK0125", "MN0025", "MN0026", "MN0043", "MN0045", "NG0008", "PNG0001"],
      columns: [ambitiousNotComplete, notCompleteNorAmbitious], reason: quadrantReason),
    Exception(
      ids: ["MK0139", "MK0140", "NG0021", "NZ0015", "PT0006", "PY0038", "PY0056", "PY0068"],
      columns: [ambitiousAndComplete, completeNotAmbitious], reason: quadrantReason),
    Exception(ids: ["NG0030", "PY0052"], columns: [ambitiousNotComplete], reason: quadrantReason),
    Exception(ids: ["MK0143"], columns: [notCompleteNorAmbitious], reason: quadrantReason),
    Exception(ids: ["PNG0007"], columns: [completeNotAmbitious], reason: quadrantReason),
    Exception(ids: ["PY0069"], columns: [ambitiousAndComplete], reason: quadrantReason),
  ]

  static let keptByID: [String: Set<String>] = {
    var kept: [String: Set<String>] = [:]
    for exception in all {
      for id in exception.ids { kept[id, default: []].formUnion(exception.columns) }
    }
    return kept
  }()

  /// The columns whose cells the import keeps from the sheet for a commitment id.
  public static func kept(_ id: String) -> Set<String> { keptByID[id.uppercased()] ?? [] }
}
