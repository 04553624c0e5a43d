/// OGP's numeric codings of its text columns: `_Specificity` holds the number of `Specificity`'s word,
/// and so on for ten columns. A missing-value code is copied (`ND` stays `ND`); a word OGP does not
/// code is `ND`.
public enum OGPCodings {
  /// One numeric column and the text column it codes.
  public struct Coding: Sendable {
    /// The numeric column, e.g. `_Specificity`.
    public var column: String
    /// The text column it codes, e.g. `Specificity`.
    public var text: String
    /// The number of each word.
    public var codes: [String: Int]
  }

  /// Both completion columns: withdrawn 0 … complete 5.
  static let completion = [
    "Withdrawn": 0, "Unclear": 1, "Not Started": 2, "Limited": 3, "Substantial": 4, "Complete": 5,
  ]

  /// The three `Did It Open Government` value columns (not the overall one).
  static let diog = [
    "Not Applicable": 0, "Worsens": 1, "Did Not Change": 2, "Marginal": 3, "Major": 4, "Outstanding": 5,
  ]

  /// The ten codings, in OGP's column order.
  public static let all: [Coding] = [
    Coding(column: "_Specificity", text: "Specificity", codes: ["None": 0, "Low": 1, "Medium": 2, "High": 3]),
    Coding(
      column: "_Potential Impact", text: "Potential Impact",
      codes: ["None": 0, "Minor": 1, "Moderate": 2, "Transformative": 3]),
    Coding(column: "_CompletionProgress", text: "Completion (Progress Report)", codes: completion),
    Coding(
      column: "_Potential for Results", text: "Potential for Results",
      codes: ["Unclear": 0, "Modest": 1, "Substantial": 2]),
    Coding(column: "_CompletionEndTerm", text: "Completion (End Of Term)", codes: completion),
    Coding(
      column: "_Early Results", text: "Early Results",
      codes: ["No notable results": 0, "Moderate": 1, "Significant": 2]),
    Coding(
      column: "_OpenGovernment", text: "Did It Open Government (Overall)",
      codes: [
        "Worsens": 0, "Did Not Change": 1, "No early results to report yet": 1, "Marginal": 2, "Major": 3,
        "Outstanding": 4,
      ]),
    Coding(column: "_DIOGATI", text: "Did It Open Government (Access To Information)", codes: diog),
    Coding(column: "_DIOGCP", text: "Did It Open Government (Civic Participation)", codes: diog),
    Coding(column: "_DIOGPA", text: "Did It Open Government: Public Accountability", codes: diog),
  ]

  /// The numeric column's value for a row.
  static func value(_ coding: Coding, _ row: OGPRow) -> String {
    let word = OGPDerivedColumns.cell(row, coding.text)
    if let code = coding.codes[word] { return String(code) }
    return OGPDerivedColumns.missingCode(word)
  }
}
