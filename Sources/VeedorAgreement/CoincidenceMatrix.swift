/// Krippendorff's coincidence matrix: how often values c and k are paired within the pairable units.
struct CoincidenceMatrix: Sendable, Hashable {
  /// Number of categories.
  let categories: Int
  /// `o[c][k]` = Σ_u (number of c–k pairs in unit u) / (m_u − 1).
  let o: [[Double]]
  /// `n_c` = Σ_k o_ck: how many pairable values are c.
  let totals: [Double]
  /// n = Σ n_c: the number of pairable values.
  let n: Double

  /// Builds the matrix from units (rows of values); values outside `0..<categories` count as missing, and units
  /// with fewer than 2 values are not pairable and are dropped.
  init(units: [[Int?]], categories: Int) {
    let k = max(categories, 0)
    var o = Array(repeating: Array(repeating: 0.0, count: k), count: k)
    for unit in units {
      var counts = Array(repeating: 0, count: k)
      var m = 0
      for case let value? in unit where (0..<k).contains(value) {
        counts[value] += 1
        m += 1
      }
      guard m >= 2 else { continue }
      let scale = Double(m - 1)
      for c in 0..<k where counts[c] > 0 {
        for d in 0..<k where counts[d] > 0 {
          let pairs = c == d ? counts[c] * (counts[c] - 1) : counts[c] * counts[d]
          o[c][d] += Double(pairs) / scale
        }
      }
    }
    let totals = o.map { $0.reduce(0, +) }
    self.categories = k
    self.o = o
    self.totals = totals
    self.n = totals.reduce(0, +)
  }

  /// The squared difference δ²_ck of the metric.
  ///
  /// Nominal: 0 when c == k, else 1. Ordinal: (Σ_{g=c}^{k} n_g − (n_c + n_k)/2)² for c ≤ k, symmetric.
  func delta2(_ c: Int, _ k: Int, metric: Metric) -> Double {
    if c == k { return 0 }
    switch metric {
    case .nominal:
      return 1
    case .ordinal:
      let (low, high) = (min(c, k), max(c, k))
      let between = totals[low...high].reduce(0, +) - (totals[low] + totals[high]) / 2
      return between * between
    }
  }

  /// α = 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck, or nil when fewer than 2 values are pairable or D_e is 0.
  func alpha(metric: Metric) -> Double? {
    guard n >= 2 else { return nil }
    var observed = 0.0
    var expected = 0.0
    for c in 0..<categories {
      for k in 0..<categories where c != k {
        let d2 = delta2(c, k, metric: metric)
        observed += o[c][k] * d2
        expected += totals[c] * totals[k] * d2
      }
    }
    guard expected > 0 else { return nil }
    return 1 - (n - 1) * observed / expected
  }
}
