/// The k×k table of two raters' choices over the items both coded (rows: first rater, columns: second).
struct ContingencyTable: Sendable, Hashable {
  /// Number of categories.
  let categories: Int
  /// `counts[i][j]`: items where the first rater chose `i` and the second `j`.
  let counts: [[Int]]
  /// Number of items both raters coded.
  let items: Int

  /// Tallies the items where both raters gave a value in `0..<categories`; other items are left out.
  init(_ a: [Int?], _ b: [Int?], categories: Int) {
    let k = max(categories, 0)
    var counts = Array(repeating: Array(repeating: 0, count: k), count: k)
    var items = 0
    for (x, y) in zip(a, b) {
      guard let x, let y, (0..<k).contains(x), (0..<k).contains(y) else { continue }
      counts[x][y] += 1
      items += 1
    }
    self.categories = k
    self.counts = counts
    self.items = items
  }

  /// Items on the diagonal: both raters chose the same category.
  var agreed: Int { (0..<categories).reduce(0) { $0 + counts[$1][$1] } }

  /// Row totals: how often the first rater chose each category.
  var rowTotals: [Int] { counts.map { $0.reduce(0, +) } }

  /// Column totals: how often the second rater chose each category.
  var columnTotals: [Int] { (0..<categories).map { j in counts.reduce(0) { $0 + $1[j] } } }

  /// Cohen's kappa with the given disagreement weights, or nil when there are no items or no expected disagreement.
  ///
  /// κ_w = 1 − Σ w_ij o_ij / Σ w_ij e_ij with e_ij = row_i · col_j / n; with weights `.none` this is
  /// (p_o − p_e) / (1 − p_e), which is how it is computed then.
  func kappa(weights: KappaWeights) -> Double? {
    guard items > 0 else { return nil }
    let n = Double(items)
    let rows = rowTotals.map(Double.init)
    let columns = columnTotals.map(Double.init)
    if weights == .none {
      // Sums of products of counts are exact integers in Double well beyond any realistic table.
      let chance = zip(rows, columns).reduce(0.0) { $0 + $1.0 * $1.1 }
      guard chance < n * n else { return nil }
      let observed = Double(agreed) / n
      let expected = chance / (n * n)
      return (observed - expected) / (1 - expected)
    }
    var observed = 0.0
    var expected = 0.0
    for i in 0..<categories {
      for j in 0..<categories where i != j {
        let w = weights.scaledWeight(i, j)
        observed += w * Double(counts[i][j])
        expected += w * rows[i] * columns[j] / n
      }
    }
    guard expected > 0 else { return nil }
    return 1 - observed / expected
  }
}
