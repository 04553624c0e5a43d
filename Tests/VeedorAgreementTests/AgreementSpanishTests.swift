import Testing
import VeedorAgreement

@Suite("Agreement errors in Spanish")
struct AgreementSpanishTests {
  /// The error a rating matrix refuses these ratings with.
  func refusal(_ categories: Int, _ ratings: [[Int?]]) -> AgreementError? {
    do { _ = try RatingMatrix(categories: categories, ratings: ratings) } catch { return error }
    return nil
  }

  @Test("a value out of range names the same item, rater and range in Spanish")
  func outOfRange() throws {
    let error = try #require(refusal(3, [[0, 1], [2, 0], [1, 3]]))
    #expect(error.description == "ratings[2][1] (item 2, rater 1) is 3; categories are 0..<3")
    #expect(error.spanishDescription == "ratings[2][1] (ítem 2, evaluador 1) es 3; las categorías son 0..<3")
  }

  @Test("a ragged row and no categories are refused in Spanish")
  func shape() throws {
    let ragged = try #require(refusal(2, [[0, 1], [1]]))
    #expect(ragged.spanishDescription.hasPrefix("ratings[1] (ítem 1) tiene 1 calificaciones, pero el ítem 0 tiene 2"))
    let none = try #require(refusal(0, []))
    #expect(none.spanishDescription == "categories es 0; debe haber al menos 1")
    #expect(none.description == "categories is 0; there must be at least 1")
  }
}
