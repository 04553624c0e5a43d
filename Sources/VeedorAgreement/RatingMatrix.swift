/// Reliability data: items (rows) × raters (columns); each cell a category index into `categories`, or nil when that rater did not code the item.
public struct RatingMatrix: Sendable, Hashable {
  /// Number of categories; values are `0..<categories`, in ascending order when the metric is ordinal.
  public var categories: Int
  /// `ratings[item][rater]`: the category chosen, or nil when the rater did not code the item.
  public var ratings: [[Int?]]

  /// Checks and stores the data; refuses `categories < 1`, rows of different lengths and values outside `0..<categories`.
  public init(categories: Int, ratings: [[Int?]]) throws(AgreementError) {
    guard categories >= 1 else {
      throw AgreementError(
        "categories is \(categories); there must be at least 1",
        es: "categories es \(categories); debe haber al menos 1")
    }
    let raters = ratings.first?.count ?? 0
    for (item, row) in ratings.enumerated() {
      guard row.count == raters else {
        throw AgreementError(
          "ratings[\(item)] (item \(item)) has \(row.count) ratings, but item 0 has \(raters) (one per rater)",
          es:
            "ratings[\(item)] (ítem \(item)) tiene \(row.count) calificaciones, pero el ítem 0 tiene \(raters) (una por evaluador)"
        )
      }
      for (rater, value) in row.enumerated() {
        if let value, !(0..<categories).contains(value) {
          throw AgreementError(
            "ratings[\(item)][\(rater)] (item \(item), rater \(rater)) is \(value); categories are 0..<\(categories)",
            es:
              "ratings[\(item)][\(rater)] (ítem \(item), evaluador \(rater)) es \(value); las categorías son 0..<\(categories)"
          )
        }
      }
    }
    self.categories = categories
    self.ratings = ratings
  }

  /// Number of raters (columns), 0 when there are no items.
  public var raters: Int { ratings.first?.count ?? 0 }

  /// The ratings of one rater, item by item; nil where that rater did not code the item or the row is too short.
  public func column(_ rater: Int) -> [Int?] {
    ratings.map { row in row.indices.contains(rater) ? row[rater] : nil }
  }
}
