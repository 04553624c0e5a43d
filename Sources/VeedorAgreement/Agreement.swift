/// Inter-rater agreement statistics: percent agreement, Cohen's kappa (plain and weighted), Krippendorff's alpha.
///
/// The two-rater functions take one rating vector per rater, item by item; nil means the rater did not code the
/// item. Only items both raters coded count; a value outside `0..<categories` counts as not coded, and when the
/// vectors differ in length the extra items count as coded by one rater only.
/// `alpha` likewise treats a value outside `0..<categories` (possible once a matrix is edited) as missing.
public enum Agreement {
  /// Cohen's kappa (weights .none) or weighted kappa (Cohen 1968) for two raters over the items both coded.
  public static func kappa(_ a: [Int?], _ b: [Int?], categories: Int, weights: KappaWeights) -> Double? {
    ContingencyTable(a, b, categories: categories).kappa(weights: weights)
  }

  /// Percent agreement, kappa and (for ordinal) weighted kappas for two raters.
  public static func pair(_ a: [Int?], _ b: [Int?], categories: Int, metric: Metric) -> PairAgreement {
    let table = ContingencyTable(a, b, categories: categories)
    let agreed = table.agreed
    let ordinal = metric == .ordinal
    return PairAgreement(
      items: table.items,
      agreed: agreed,
      percentAgreement: table.items > 0 ? Double(agreed) / Double(table.items) : nil,
      kappa: table.kappa(weights: .none),
      linearWeightedKappa: ordinal ? table.kappa(weights: .linear) : nil,
      quadraticWeightedKappa: ordinal ? table.kappa(weights: .quadratic) : nil)
  }

  /// Krippendorff's alpha (nominal or ordinal metric), any number of raters, missing values allowed; nil when undefined (fewer than 2 pairable values or expected disagreement 0).
  public static func alpha(_ matrix: RatingMatrix, metric: Metric) -> Double? {
    CoincidenceMatrix(units: matrix.ratings, categories: matrix.categories).alpha(metric: metric)
  }
}
