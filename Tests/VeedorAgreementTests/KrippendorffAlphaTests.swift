import Testing
import VeedorAgreement

@Suite("Krippendorff's alpha")
struct KrippendorffAlphaTests {
  /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the worked example with 4 observers,
  /// 12 units and missing values; values 1…5 mapped to categories 0…4, rows are units, columns observers A–D.
  static let example: [[Int?]] = {
    let observers: [[Int?]] = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
      [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
    ]
    return (0..<12).map { unit in observers.map { $0[unit].map { $0 - 1 } } }
  }()

  /// The published figures (three decimals) are the oracle: α_nominal = 0.743, α_ordinal = 0.815.
  /// Cross-checked in a throwaway script with the Python package `krippendorff` 0.9.0
  /// (`krippendorff.alpha(reliability_data=…, level_of_measurement="nominal"/"ordinal")`), which gives
  /// 0.743421052631579 and 0.8153875037548814; an exact-fraction computation gives 113/152 and 108577/133160.
  /// The package is not needed to run these tests.
  @Test("Krippendorff 2011 worked example: nominal 0.743, ordinal 0.815")
  func workedExample() throws {
    let matrix = try RatingMatrix(categories: 5, ratings: Self.example)
    #expect(matrix.raters == 4)
    let nominal = try #require(Agreement.alpha(matrix, metric: .nominal))
    let ordinal = try #require(Agreement.alpha(matrix, metric: .ordinal))
    #expect((nominal * 1000).rounded() == 743)
    #expect((ordinal * 1000).rounded() == 815)
    #expect(abs(nominal - 0.743421052631579) < 1e-9)
    #expect(abs(ordinal - 0.8153875037548814) < 1e-9)
  }

  @Test("perfect agreement gives alpha 1, with missing values and single-valued units present")
  func perfectAgreement() throws {
    let matrix = try RatingMatrix(
      categories: 3, ratings: [[0, 0, 0], [1, nil, 1], [2, 2, nil], [nil, nil, 1], [0, 0, 0]])
    #expect(Agreement.alpha(matrix, metric: .nominal) == 1)
    #expect(Agreement.alpha(matrix, metric: .ordinal) == 1)
  }

  @Test("alpha is nil when no unit has 2 values, or when every value is the same category")
  func undefined() throws {
    let lonely = try RatingMatrix(categories: 3, ratings: [[0, nil, nil], [nil, 1, nil], [nil, nil, nil]])
    #expect(Agreement.alpha(lonely, metric: .nominal) == nil)
    #expect(Agreement.alpha(lonely, metric: .ordinal) == nil)
    let empty = try RatingMatrix(categories: 2, ratings: [])
    #expect(Agreement.alpha(empty, metric: .nominal) == nil)
    let constant = try RatingMatrix(categories: 3, ratings: [[1, 1], [1, 1], [1, nil]])
    #expect(Agreement.alpha(constant, metric: .nominal) == nil)
  }

  /// Two raters, five units, no missing data: A = 0 0 1 1 2, B = 0 1 1 1 2 (n = 10 values).
  /// Coincidences: o_00 = 2, o_01 = o_10 = 1, o_11 = 4, o_22 = 2; so n_0 = 3, n_1 = 5, n_2 = 2.
  /// Krippendorff's small-sample formula for two observers, nominal data, no missing values:
  ///   α = ((n−1) Σ_c o_cc − Σ_c n_c(n_c−1)) / (n(n−1) − Σ_c n_c(n_c−1))
  ///     = (9·8 − (6 + 20 + 2)) / (90 − 28) = 44/62 = 22/31 ≈ 0.7096774.
  /// (Equivalently Scott's π = (0.8 − 0.38)/0.62 corrected by α = 1 − (1 − π)(n − 1)/n.)
  /// Ordinal: δ²_01 = ((3+5)/2)² = 16, δ²_12 = ((5+2)/2)² = 12.25, δ²_02 = (10 − (3+2)/2)² = 56.25;
  ///   Σ o δ² = 2·16 = 32; Σ n_c n_k δ² = 2(15·16 + 10·12.25 + 6·56.25) = 1400; α = 1 − 9·32/1400 = 139/175.
  @Test("two raters, no missing data: alpha matches the small-sample formula computed by hand")
  func twoRaters() throws {
    let a = [0, 0, 1, 1, 2]
    let b = [0, 1, 1, 1, 2]
    let matrix = try RatingMatrix(categories: 3, ratings: zip(a, b).map { [$0, $1] })
    let nominal = try #require(Agreement.alpha(matrix, metric: .nominal))
    let ordinal = try #require(Agreement.alpha(matrix, metric: .ordinal))
    #expect(abs(nominal - 22.0 / 31.0) < 1e-12)
    #expect(abs(ordinal - 139.0 / 175.0) < 1e-12)
    let scottPi = (0.8 - 0.38) / 0.62
    #expect(abs(nominal - (1 - (1 - scottPi) * 9 / 10)) < 1e-12)
  }
}
