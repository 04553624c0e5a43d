/// How closely two raters agree over the items both of them coded.
public struct PairAgreement: Sendable, Codable, Hashable {
  /// Number of items both raters coded.
  public var items: Int
  /// Number of those items where they chose the same category.
  public var agreed: Int
  /// `agreed / items`, or nil when `items == 0`.
  public var percentAgreement: Double?
  /// Cohen's unweighted kappa, or nil when undefined (no items, or expected agreement of 1).
  public var kappa: Double?
  /// Kappa with linear disagreement weights; nil unless the metric is ordinal or when undefined.
  public var linearWeightedKappa: Double?
  /// Kappa with quadratic disagreement weights; nil unless the metric is ordinal or when undefined.
  public var quadraticWeightedKappa: Double?

  /// Creates a pair summary from already computed figures.
  public init(
    items: Int, agreed: Int, percentAgreement: Double?, kappa: Double?, linearWeightedKappa: Double? = nil,
    quadraticWeightedKappa: Double? = nil
  ) {
    self.items = items
    self.agreed = agreed
    self.percentAgreement = percentAgreement
    self.kappa = kappa
    self.linearWeightedKappa = linearWeightedKappa
    self.quadraticWeightedKappa = quadraticWeightedKappa
  }
}
