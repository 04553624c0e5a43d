import Testing
import VeedorAgreement

@Suite("Rating matrix checks")
struct RatingMatrixTests {
  @Test("accepts well-formed data and counts the raters")
  func accepts() throws {
    let matrix = try RatingMatrix(categories: 2, ratings: [[0, 1, nil], [nil, nil, 1]])
    #expect(matrix.raters == 3)
    #expect(matrix.column(1) == [1, nil])
  }

  @Test("refuses a value at or above categories, naming the item and rater")
  func refusesOutOfRange() {
    #expect {
      _ = try RatingMatrix(categories: 3, ratings: [[0, 1], [2, 0], [1, 3]])
    } throws: { error in
      let message = (error as? AgreementError)?.message ?? ""
      return message.contains("item 2") && message.contains("rater 1") && message.contains("0..<3")
    }
  }

  @Test("refuses a negative value")
  func refusesNegative() {
    #expect(throws: AgreementError.self) {
      _ = try RatingMatrix(categories: 3, ratings: [[0, -1]])
    }
  }

  @Test("refuses a ragged row, naming the item")
  func refusesRagged() {
    #expect {
      _ = try RatingMatrix(categories: 3, ratings: [[0, 1, 2], [1, 1, 1], [2, 2]])
    } throws: { error in
      let message = (error as? AgreementError)?.message ?? ""
      return message.contains("item 2") && message.contains("has 2 ratings")
    }
  }

  @Test("refuses fewer than one category")
  func refusesNoCategories() {
    #expect(
      throws: AgreementError("categories is 0; there must be at least 1", es: "categories es 0; debe haber al menos 1")
    ) {
      _ = try RatingMatrix(categories: 0, ratings: [])
    }
  }
}
