/// The columns of OGP's commitments sheet that an assessment fills: the only columns a rubric's
/// scales and levels may name, so a rubric can never write a row's identity or provenance.
public enum OGPAssessmentColumns {
  /// The IRM assessment columns OGP publishes, verbatim.
  public static let all = [
    "Specificity", "Verifiable", "OGP Value Access To Information", "OGP Value Civic Participation",
    "OGP Value Public Accountability", "OGP Value Technology", "Potential Impact", "Potential for Results",
    "Completion (End Of Term)", "Early Results", "Did It Open Government (Overall)",
    "Did It Open Government (Access To Information)", "Did It Open Government (Civic Participation)",
    "Did It Open Government: Public Accountability",
  ]
}
