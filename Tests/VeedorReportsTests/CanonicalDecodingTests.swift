import Foundation
import Testing
import VeedorJSON
import VeedorRecords
import VeedorReports
import VeedorTestSupport

/// The canonical reader gives the value `JSONDecoder` gives for every ledger line on record, refuses
/// what is not JSON, and the replay's verdict on a damaged line is the same as `JSONDecoder` and
/// `JSONEncoder` alone would give.
@Suite("Canonical JSON reader")
struct CanonicalDecodingTests {
  static func lines() throws -> [Data] {
    var lines = try Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("evidence/ledger.jsonl"))
      .split(separator: 0x0A).map { Data($0) }
    let folder = TestSupport.packageRoot.appendingPathComponent("Tests/VeedorReportsTests/Fixtures/golden")
    for file in ["report.json", "review-final-report.json"] {
      let report = try JSONDecoder().decode(Report.self, from: Data(contentsOf: folder.appendingPathComponent(file)))
      lines += report.inputs.ledgerLines
    }
    return lines
  }

  @Test("every line of the example ledger and of the golden reports reads as JSONDecoder reads it")
  func sameActs() throws {
    let lines = try Self.lines()
    #expect(lines.count > 60)
    for line in lines {
      let fast = try #require(CanonicalJSON.decode(Act.self, from: line))
      #expect(fast == (try JSONDecoder().decode(Act.self, from: line)))
    }
  }

  struct Values: Codable, Equatable {
    var text: String
    var list: [String?]
    var number: Double
    var count: Int
    var small: Int8
    var flag: Bool
    var keyed: [String: Int]
    var missing: String?
  }

  @Test("escapes, surrogate pairs, whitespace, nulls and numbers read as JSONDecoder reads them")
  func values() throws {
    let documents = [
      #"{"text":"a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00 é","list":["x",null],"number":-1.5e3,"count":-42,"small":7,"flag":true,"keyed":{"b":1,"a":2}}"#,
      " {\n \"text\" : \"\" , \"list\" : [ ] , \"number\" : 0 , \"count\" : 0 , \"small\" : -128 , \"flag\" : false , \"keyed\" : { } , \"missing\" : null } ",
      #"{"text":"ok","list":[],"number":12.25,"count":9007199254740993,"small":0,"flag":false,"keyed":{},"missing":"here"}"#,
    ]
    for document in documents {
      let data = Data(document.utf8)
      #expect(CanonicalJSON.decode(Values.self, from: data) == (try JSONDecoder().decode(Values.self, from: data)))
    }
  }

  @Test("what is not JSON, or does not fit the type, is nil")
  func refusals() {
    let bad = [
      #"{"text":"a"#, #"{"text":"\x"}"#, #"{"text":"\ud83d"}"#, #"{"count":01}"#, #"{"count":1}x"#,
      #"{"count":1,}"#, #"["a"]"#, #"{"text":"a","list":[],"number":1,"count":1.5,"small":0,"flag":true,"keyed":{}}"#,
      #"{"text":"a","list":[],"number":1,"count":1,"small":300,"flag":true,"keyed":{}}"#,
      "{\"text\":\"tab\there\"}", String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
    ]
    for document in bad { #expect(CanonicalJSON.decode(Values.self, from: Data(document.utf8)) == nil, "\(document)") }
    #expect(CanonicalJSON.decode(Values.self, from: Data([0x7B, 0x22, 0xFF, 0x22, 0x7D])) == nil)
  }

  @Test(
    "a ledger line damaged one byte at a time, 6,000 times (seeded): replay's verdict is JSONDecoder's and JSONEncoder's"
  )
  func damagedLines() throws {
    var generator = SeededGenerator(state: 0x5EED_1ED6_E2)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let alphabet = Array(#"{}[]":,\ 0123456789abcdefnrtu.-+eE"#.utf8) + [0x00, 0x1F, 0x7F, 0xC3, 0xA9, 0xFF]
    var checked = 0
    for line in try Self.lines().prefix(40) {
      for _ in 0..<150 {
        var damaged = Array(line)
        let at = Int.random(in: 0..<damaged.count, using: &generator)
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: damaged[at] = alphabet.randomElement(using: &generator)!
        case 1: damaged.remove(at: at)
        default: damaged.insert(alphabet.randomElement(using: &generator)!, at: at)
        }
        let data = Data(damaged)
        let old = (try? JSONDecoder().decode(Act.self, from: data)).flatMap { act in
          (try? encoder.encode(act)) == data ? act : nil
        }
        let new = CanonicalJSON.decode(Act.self, from: data).flatMap { act in
          CanonicalJSON.encode(act)?.elementsEqual(data) == true ? act : nil
        }
        // Where the reader takes a line, the long way takes the same act; where it does not, the long way decides.
        if let new { #expect(old == new, "\(String(decoding: data, as: UTF8.self))") }
        checked += 1
      }
    }
    #expect(checked == 6_000)
  }
}
