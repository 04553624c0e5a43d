import Foundation
import Testing
import VeedorRecords

/// The reply file format: English and Spanish field names, and one located error for each mistake.
@Suite("Reply files")
struct ReplyTextTests {
  let root = Data(repeating: 1, count: 32).base64EncodedString()

  @Test("English and Spanish files parse to the same reply; CRLF line ends are read")
  func parses() throws {
    let en =
      "veedor-reply/1\ncheckpoint: 12 \(root)\ncommitment: C1\nscale: completion\nproposed-level: complete\nevidence: https://example.org/a\nevidence: https://example.org/b\n\nLine one.\nLine two.\n"
    let es =
      "veedor-respuesta/1\r\npunto-de-control: 12 \(root)\r\ncompromiso: C1\r\nescala: completion\r\nnivel-propuesto: complete\r\nevidencia: https://example.org/a\r\nevidencia: https://example.org/b\r\n\r\nLine one.\r\nLine two.\r\n"
    let a = try ReplyText(parsing: Data(en.utf8))
    var b = try ReplyText(parsing: Data(es.utf8))
    #expect(a.checkpointSize == 12 && a.checkpointRoot == root && a.commitment == "C1" && a.scale == "completion")
    #expect(a.evidence == ["https://example.org/a", "https://example.org/b"] && a.text == "Line one.\nLine two.")
    #expect(b.spanish && !a.spanish)
    b.spanish = false
    #expect(a == b)
    let whole = try ReplyText(parsing: Data("veedor-reply/1\ncheckpoint: 3 \(root)\n\nAll of it.".utf8))
    #expect(whole.commitment == nil && whole.scale == nil && whole.party == nil)
    let bom = try ReplyText(parsing: Data("\u{FEFF}veedor-reply/1\ncheckpoint: 3 \(root)\nparty: ong\n\nHi.".utf8))
    #expect(bom.party == "ong" && bom.text == "Hi.")
  }

  @Test("the template round-trips", arguments: [false, true])
  func template(spanish: Bool) throws {
    let text = ReplyText.template(
      checkpointSize: 5, checkpointRoot: root, party: "ong", commitment: "C2", scale: "verifiable", text: "Sí.",
      spanish: spanish)
    let parsed = try ReplyText(parsing: Data(text.utf8))
    #expect(
      parsed.checkpointSize == 5 && parsed.commitment == "C2" && parsed.scale == "verifiable" && parsed.text == "Sí."
        && parsed.party == "ong")
    #expect(parsed.spanish == spanish)
  }

  @Test(
    "each mistake is refused with its line and field",
    arguments: [
      ("reply/1\ncheckpoint: 1 R\n\nx", 1, nil, "first line"),
      ("veedor-reply/1\ncheckpoint: 1 ROOT\ncolour: red\n\nx", 3, "colour", "unknown field"),
      ("veedor-reply/1\ncheckpoint: 1 ROOT\nscale: a\nscale: b\ncommitment: c\n\nx", 4, "scale", "given twice"),
      ("veedor-reply/1\ncheckpoint: 1 ROOT\ncommitment: C1\n\n   \n", 4, nil, "no reply text"),
      ("veedor-reply/1\ncheckpoint: one ROOT\n\nx", nil, "checkpoint", "SIZE ROOT"),
      ("veedor-reply/1\ncommitment: C1\n\nx", nil, "checkpoint", "is missing"),
      ("veedor-reply/1\ncheckpoint: 1 ROOT\nscale: completion\n\nx", nil, "commitment", "needs a commitment"),
      ("veedor-reply/1\ncheckpoint: 1 ROOT\njust words\n\nx", 3, nil, "field: value"),
      ("veedor-reply/1\ncheckpoint: 1 ROOT\n\nbell \u{07}", nil, nil, "U+0007"),
    ] as [(String, Int?, String?, String)])
  func refuses(_ text: String, line: Int?, field: String?, message: String) throws {
    let data = Data(text.replacingOccurrences(of: "ROOT", with: root).utf8)
    let error = try #require(throws: RecordsError.self) { try ReplyText(parsing: data, file: "r.txt") }
    #expect(error.code == .badInput && error.file == "r.txt" && error.line == line && error.field == field)
    #expect(error.message.contains(message), "\(error.message)")
  }

  @Test("a file over the size limit or not UTF-8 is refused")
  func limits() throws {
    let big = Data(
      ("veedor-reply/1\ncheckpoint: 1 \(root)\n\n" + String(repeating: "a", count: ReplyText.maxBytes)).utf8)
    #expect(throws: RecordsError.self) { try ReplyText(parsing: big) }
    #expect(throws: RecordsError.self) { try ReplyText(parsing: Data([0x76, 0xFF, 0x0A])) }
  }
}
