import Foundation
import Testing

@testable import VeedorDataset

/// OGP's spelling of a value is found ignoring case: ASCII values byte by byte, others by Foundation;
/// the answer is Foundation's for every column and every value tried.
@Suite("OGP vocabulary matching")
struct OGPVocabularyMatchTests {
  static func foundation(_ value: String, _ column: String) -> String? {
    guard let known = OGPVocabulary.words[column] else { return value }
    return known.first { $0.caseInsensitiveCompare(value) == .orderedSame }
  }

  @Test("the same spelling as Foundation's case-insensitive comparison")
  func sameAsFoundation() {
    var values = ["", " ", "yes", "YES", "Yes ", "no", "N", "1", "0", "01", "substantial", "SUBSTANTIAL", "Ma jor"]
    values += ["Did not change", "DID NOT CHANGE", "did\u{A0}not change", "ſubstantial", "\u{212A}", "Comple\u{301}te"]
    values += ["Not Started", "not started", "NOT_STARTED", "Moderate\u{0}", "İ", "Major\n", "transformative"]
    values += (0..<128).map { String(UnicodeScalar(UInt8($0))) }
    for words in OGPVocabulary.words.values { values += words.flatMap { [$0, $0.lowercased(), $0.uppercased()] } }
    for column in Array(OGPVocabulary.words.keys) + ["Commitment Title"] {
      for value in values {
        #expect(
          OGPVocabulary.ogpSpelling(value, in: column) == Self.foundation(value, column),
          "\(column): \(value.debugDescription)")
      }
    }
  }
}
