/// The columns of OGP's commitments sheet that an assessment fills: the only columns a rubric's
/// scales and levels may name, so a rubric can never write a row's identity or provenance.
public enum OGPAssessmentColumns {
  /// The IRM assessment columns OGP publishes, verbatim.
  public static let all = [
    "Specificity", "Verifiable", "OGP Value Access To Information", "OGP Value Civic Participation",
    "OGP Value Public Accountability", "OGP Value Technology", "Potential Impact", "Potential for Results",
    "Completion (Progress Report)", "Completion (End Of Term)", "Early Results", "Did It Open Government (Overall)",
    "Did It Open Government (Access To Information)", "Did It Open Government (Civic Participation)",
    "Did It Open Government: Public Accountability",
  ]

  /// OGP's 0/1 relevance flag, the only coding of relevance OGP publishes for plans reviewed with the
  /// refreshed method (their value columns are `ND`); a scale may name it, and a report's rows then
  /// carry that scale's answer there rather than deriving it from the value columns.
  public static let flags = ["_Relevant"]

  /// The columns a scale or level may name.
  public static let scaleColumns = all + flags

  /// OGP's derived columns, which an aggregate may name as the figure it reproduces.
  public static let derived = [
    "High Ambition", "High Completion", "High DIOG", "Max star", "Starred (Current Formula) End of Term",
    "Starred (Current Formula) Progress Report", "Starred (2015 Only)",
  ]
}
