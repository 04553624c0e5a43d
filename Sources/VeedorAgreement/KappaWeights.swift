/// Disagreement weights for Cohen's kappa over `k` ordered categories.
public enum KappaWeights: String, Sendable, Codable {
  /// Unweighted kappa: every mismatch weighs 1.
  case none
  /// Linear weights `|i − j| / (k − 1)`.
  case linear
  /// Quadratic weights `((i − j) / (k − 1))²`.
  case quadratic

  /// The weight of the cell `(i, j)` scaled by `k − 1` (linear) or `(k − 1)²` (quadratic); the scale cancels in kappa.
  func scaledWeight(_ i: Int, _ j: Int) -> Double {
    if i == j { return 0 }
    let distance = Double(abs(i - j))
    switch self {
    case .none: return 1
    case .linear: return distance
    case .quadratic: return distance * distance
    }
  }
}
