import Foundation
import VeedorErrors

/// The words OGP's commitments sheet writes in its coded columns (July 2024 export, all 558 rows),
/// besides the missing-value codes `NA`, `ND` and `NR`. A value Veedor writes under one of these
/// headers is one of these words, spelled as OGP spells it.
public enum OGPVocabulary {
  /// The four `Did It Open Government` scales by value.
  static let diogValues = ["Not Applicable", "Worsens", "Did Not Change", "Marginal", "Major", "Outstanding"]

  /// Words by column; a column not listed is free text (titles, institutions, dates).
  public static let words: [String: [String]] = [
    "National Or Local": ["National", "Legacy Local", "Other"],
    "Specificity": ["None", "Low", "Medium", "High"],
    "Verifiable": ["Yes", "No"],
    "OGP Value Access To Information": ["0", "1"],
    "OGP Value Civic Participation": ["0", "1"],
    "OGP Value Public Accountability": ["0", "1"],
    "OGP Value Technology": ["0", "1"],
    "Potential Impact": ["None", "Minor", "Moderate", "Transformative"],
    "Potential for Results": ["Unclear", "Modest", "Substantial"],
    "Completion (Progress Report)": ["Not Started", "Limited", "Substantial", "Complete", "Withdrawn"],
    "Completion (End Of Term)": ["Not Started", "Limited", "Substantial", "Complete", "Unclear"],
    "Early Results": ["No notable results", "Moderate", "Significant"],
    "Did It Open Government (Overall)": [
      "Worsens", "Did Not Change", "Marginal", "Major", "Outstanding", "No early results to report yet",
    ],
    "Did It Open Government (Access To Information)": diogValues,
    "Did It Open Government (Civic Participation)": diogValues,
    "Did It Open Government: Public Accountability": diogValues,
  ]

  /// OGP's spelling of a value in a column (matched ignoring case), or nil when OGP's sheet has no such
  /// word there; a free-text column takes any value.
  public static func ogpSpelling(_ value: String, in column: String) -> String? {
    guard let known = words[column] else { return value }
    // Two ASCII texts are matched byte by byte, ignoring ASCII case, which is what Foundation answers
    // for ASCII text; anything else is left to Foundation.
    let asciiValue = PlainText.isASCII(value)
    return known.first { word in
      guard asciiValue, PlainText.isASCII(word) else { return word.caseInsensitiveCompare(value) == .orderedSame }
      return PlainText.equalIgnoringASCIICase(word, value)
    }
  }
}
