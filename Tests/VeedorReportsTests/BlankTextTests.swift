import Foundation
import Testing
import VeedorErrors

/// A rationale is blank when trimming whitespace and newlines leaves nothing; a printable ASCII
/// character answers at once, and every other text gets Foundation's answer.
@Suite("Blank rationale")
struct BlankTextTests {
  @Test("the same answer as trimming, for plain and odd texts")
  func sameAsTrimming() {
    let texts = [
      "", " ", "\n", "\t \r\n", "\u{A0}", "\u{2003}\u{2028}\u{2029}", "\u{85}", "\u{200B}", "\u{FEFF}", "a", " a ",
      "bench", "\u{301}", "é", " \u{3000}", "\u{1680}", "\u{0}", "\u{7F}", "\u{1F}", "~", "!",
    ]
    for text in texts {
      #expect(
        PlainText.isBlank(text) == text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
        "\(text.debugDescription)")
    }
    #expect(PlainText.isBlank(" \n\t"))
    #expect(!PlainText.isBlank(" x "))
  }
}
