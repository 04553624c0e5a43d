import Foundation
import Testing
import VeedorPlan

/// What Veedor writes as CSV reads back as the same cells, whatever the cells hold: a CRLF line
/// break or a separator carrying a combining mark (each one Swift `Character` equal to none of the
/// characters that need quotes) is quoted like any other line break or separator.
@Suite("CSV cells round-trip")
struct CSVQuotingTests {
  @Test(
    "CRLF, a separator with a combining mark, quotes and plain text come back as written, with , ; and a non-ASCII separator"
  )
  func roundTrip() throws {
    let cells = ["a\r\nb", "x,\u{301}y", "semi;\u{301}colon", "say \"hi\"", "plain", "línea\nnueva", "§\u{301}"]
    for separator in [Character(","), Character(";"), Character("§")] {
      let text = CSV.encode([cells, ["1", "2", "3", "4", "5", "6", "7"]], separator: separator)
      let rows = try CSV.parse(Data(text.utf8), file: "t.csv", separator: separator.unicodeScalars.first!)
      #expect(rows.map(\.fields) == [cells, ["1", "2", "3", "4", "5", "6", "7"]], "\(separator): \(text)")
    }
  }

  @Test("a quote carrying a combining mark is doubled like any quote (one Character, two scalars) and reads back")
  func quoteWithCombiningMark() throws {
    // Before CSVWriter, `replacingOccurrences(of: "\"", …)` matched by Character and left `"\u{301}`
    // single, so the quoted field ended early and read back as other cells.
    let cells = ["1\"\u{301}", "\"\u{20DD}x,y"]
    let text = CSV.encode([cells])
    #expect(text == "\"1\"\"\u{301}\",\"\"\"\u{20DD}x,y\"\r\n")
    #expect(try CSV.parse(Data(text.utf8), file: "t.csv").map(\.fields) == [cells])
  }

  @Test("a field is quoted only when it holds the separator, a quote, CR or LF")
  func quotedOnlyWhenNeeded() {
    #expect(CSV.encode([["a", "b c", "é", "x;y"]]) == "a,b c,é,x;y\r\n")
    #expect(CSV.encode([["x;y", "a,b"]], separator: ";") == "\"x;y\";a,b\r\n")
    #expect(CSV.encode([["x§y", "a,b"]], separator: "§") == "\"x§y\"§a,b\r\n")
    #expect(CSV.encode([["q\"", "\r", "\n"]]) == "\"q\"\"\",\"\r\",\"\n\"\r\n")
  }
}
