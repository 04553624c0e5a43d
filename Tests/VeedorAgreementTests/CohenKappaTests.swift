import Testing
import VeedorAgreement

/// Expands a contingency table (rows: rater A, columns: rater B) into the two raters' rating vectors.
func ratingVectors(_ table: [[Int]]) -> (a: [Int?], b: [Int?]) {
  var a: [Int?] = []
  var b: [Int?] = []
  for (i, row) in table.enumerated() {
    for (j, count) in row.enumerated() {
      a += Array(repeating: i, count: count)
      b += Array(repeating: j, count: count)
    }
  }
  return (a, b)
}

@Suite("Cohen's kappa and weighted kappa")
struct CohenKappaTests {
  /// Cohen (1960), "A coefficient of agreement for nominal scales", Table 1: 200 subjects, 3 categories,
  /// rows judge A, columns judge B. Row totals 120, 60, 20; column totals 100, 60, 40.
  static let cohen1960 = [[88, 14, 18], [10, 40, 10], [2, 6, 12]]

  @Test("Cohen 1960 Table 1: p_o = 0.70, p_e = 0.41, kappa = 0.29 / 0.59 (printed 0.49)")
  func cohenTable() throws {
    let (a, b) = ratingVectors(Self.cohen1960)
    #expect(a.count == 200)
    let kappa = try #require(Agreement.kappa(a, b, categories: 3, weights: .none))
    #expect((kappa * 100).rounded() == 49)
    #expect(abs(kappa - 0.29 / 0.59) < 1e-12)

    let pair = Agreement.pair(a, b, categories: 3, metric: .nominal)
    #expect(pair.items == 200)
    #expect(pair.agreed == 140)
    let percent = try #require(pair.percentAgreement)
    #expect(abs(percent - 0.70) < 1e-12)
    #expect(pair.kappa == kappa)
    #expect(pair.linearWeightedKappa == nil)
    #expect(pair.quadraticWeightedKappa == nil)
  }

  /// The same table treated as ordinal. Figures computed by hand from κ_w = 1 − Σ w o / Σ w e (counts, n = 200):
  /// linear (w = |i−j|/2): observed 0.5·(14+10+10+6) + 1·(18+2) = 40; expected 0.5·(36+30+12+6) + 1·(24+10) = 76;
  /// κ_w = 1 − 40/76 = 9/19 = 0.47368421052631…
  /// quadratic (w = ((i−j)/2)²): observed 0.25·40 + 20 = 30; expected 0.25·84 + 34 = 55; κ_w = 1 − 30/55 = 5/11.
  /// Cross-checked in a throwaway script with plain Python (exact fractions: 9/19 and 5/11) and with scikit-learn
  /// 1.9.1 `cohen_kappa_score(a, b, weights: "linear"/"quadratic")`: 0.4736842105263158 and 0.4545454545454546.
  @Test("Cohen 1960 Table 1 as ordinal: linear weighted kappa 9/19, quadratic 5/11")
  func weightedKappa() throws {
    let (a, b) = ratingVectors(Self.cohen1960)
    let linear = try #require(Agreement.kappa(a, b, categories: 3, weights: .linear))
    let quadratic = try #require(Agreement.kappa(a, b, categories: 3, weights: .quadratic))
    #expect(abs(linear - 9.0 / 19.0) < 1e-9)
    #expect(abs(quadratic - 5.0 / 11.0) < 1e-9)

    let pair = Agreement.pair(a, b, categories: 3, metric: .ordinal)
    #expect(pair.linearWeightedKappa == linear)
    #expect(pair.quadraticWeightedKappa == quadratic)
  }

  @Test("perfect agreement gives kappa 1, plain and weighted")
  func perfectAgreement() {
    let a: [Int?] = [0, 1, 2, 2, 1, 0, 3]
    for weights in [KappaWeights.none, .linear, .quadratic] {
      #expect(Agreement.kappa(a, a, categories: 4, weights: weights) == 1)
    }
    let pair = Agreement.pair(a, a, categories: 4, metric: .ordinal)
    #expect(pair.percentAgreement == 1)
    #expect(pair.agreed == 7)
  }

  @Test("two raters who coded no item in common: items 0, every figure nil")
  func noOverlap() {
    let a: [Int?] = [0, 1, nil, nil]
    let b: [Int?] = [nil, nil, 1, 0]
    let pair = Agreement.pair(a, b, categories: 2, metric: .ordinal)
    #expect(pair.items == 0)
    #expect(pair.agreed == 0)
    #expect(pair.percentAgreement == nil)
    #expect(pair.kappa == nil)
    #expect(pair.linearWeightedKappa == nil)
    #expect(pair.quadraticWeightedKappa == nil)
    #expect(Agreement.kappa(a, b, categories: 2, weights: .none) == nil)
  }

  @Test("only items both raters coded count; kappa is nil when both always pick one category (p_e = 1)")
  func missingAndDegenerate() throws {
    let pair = Agreement.pair([0, 1, nil, 1], [0, 0, 1, nil], categories: 2, metric: .nominal)
    #expect(pair.items == 2)
    #expect(pair.agreed == 1)
    #expect(pair.percentAgreement == 0.5)

    let same = Agreement.pair([1, 1, 1], [1, 1, 1], categories: 3, metric: .ordinal)
    #expect(same.percentAgreement == 1)
    #expect(same.kappa == nil)
    #expect(same.linearWeightedKappa == nil)
    #expect(same.quadraticWeightedKappa == nil)
  }

  @Test("values outside 0..<categories count as not coded instead of crashing")
  func outOfRange() {
    let pair = Agreement.pair([0, 1, 7, -1], [0, 1, 1, 0], categories: 2, metric: .ordinal)
    #expect(pair.items == 2)
    #expect(pair.kappa == 1)
  }
}
