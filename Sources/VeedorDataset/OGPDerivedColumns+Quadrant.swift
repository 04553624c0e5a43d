extension OGPDerivedColumns {
  /// OGP's four ambition × completion quadrants, each a 0/1 column; a row is in at most one.
  enum Quadrant: String, CaseIterable, Sendable {
    case ambitiousAndComplete = "Ambitious and complete, or DIOG"
    case ambitiousNotComplete = "Ambitious but not complete"
    case completeNotAmbitious = "Complete but not ambitious"
    case notCompleteNorAmbitious = "Not complete or ambitious"

    /// Ambitious: `High Ambition` 1; not ambitious: `High Ambition` 0, or, where it is not coded,
    /// Specificity None or Low; else unknown.
    static func ambitious(_ row: Row) -> Bool? {
      switch cell(row, "High Ambition") {
      case "1": return true
      case "0": return false
      default: return ["None", "Low"].contains(cell(row, "Specificity")) ? false : nil
      }
    }

    /// The row's quadrant: `High DIOG`, or ambitious and `High Completion`, is the first; ambitious and not
    /// complete the second; not ambitious and complete the third; not ambitious and not complete (among
    /// `Comp Assessed` rows) the fourth; a row of unknown ambition is in none but the first.
    static func of(_ row: Row) -> Quadrant? {
      let ambitious = ambitious(row)
      let complete = cell(row, "High Completion") == "1"
      if cell(row, "High DIOG") == "1" || (ambitious == true && complete) { return .ambitiousAndComplete }
      switch (ambitious, complete) {
      case (true?, false): return .ambitiousNotComplete
      case (false?, true): return .completeNotAmbitious
      case (false?, false) where cell(row, "Comp Assessed") == "1": return .notCompleteNorAmbitious
      default: return nil
      }
    }
  }
}
