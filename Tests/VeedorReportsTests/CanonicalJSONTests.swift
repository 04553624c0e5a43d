import Foundation
import Testing
import VeedorJSON
import VeedorRecords
import VeedorReports
import VeedorTestSupport

/// The canonical writer gives exactly `JSONEncoder`'s bytes (`.sortedKeys`, `.withoutEscapingSlashes`)
/// for every ledger line and report Veedor has on record, and for odd values; values it leaves to
/// `JSONEncoder` make it return nil.
@Suite("Canonical JSON writer")
struct CanonicalJSONTests {
  static func foundation<T: Encodable>(_ value: T) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(value))
  }

  /// Checks that every line of a ledger, decoded and written again, is the line, and the same as
  /// `JSONEncoder` writes; returns the kinds of act met.
  static func checkLedger(_ url: URL) throws -> Set<ActType> {
    try checkLines(Data(contentsOf: url).split(separator: 0x0A).map { Data($0) }, url.lastPathComponent)
  }

  static func checkLines(_ lines: [Data], _ name: String) throws -> Set<ActType> {
    var types = Set<ActType>()
    for line in lines {
      let act = try JSONDecoder().decode(Act.self, from: line)
      types.insert(act.type)
      let fast = try #require(CanonicalJSON.encode(act))
      #expect(fast == Array(line), "\(name) seq \(act.seq)")
      #expect(fast == (try Self.foundation(act)))
    }
    return types
  }

  @Test("every line of the example's ledger and of the golden reports, decoded and written again, is the line")
  func ledgers() throws {
    var types = try Self.checkLedger(TestSupport.packageRoot.appendingPathComponent("evidence/ledger.jsonl"))
    let folder = TestSupport.packageRoot.appendingPathComponent("Tests/VeedorReportsTests/Fixtures/golden")
    for file in ["report.json", "review-final-report.json", "form-inception-report.json"] {
      let report = try JSONDecoder().decode(Report.self, from: Data(contentsOf: folder.appendingPathComponent(file)))
      types.formUnion(try Self.checkLines(report.inputs.ledgerLines, file))
    }
    #expect(types.count >= 13, "\(types)")
  }

  @Test("party removal and corrections too")
  func removalAndCorrection() throws {
    let f = try ReplyFixture()
    try ReportFixture.run(["party", "remove", "dideco", "-w", f.ws])
    try ReportFixture.run([
      "score", "CLPLN0001", "verifiable", "no", "--correct", "--rationale", "Milestones lack dates", "--evidence", "E1",
      "-w", f.ws,
    ])
    let types = try Self.checkLedger(URL(fileURLWithPath: f.ws).appendingPathComponent("ledger.jsonl"))
    #expect(types.contains(.partyRemoved) && types.contains(.scoreCorrected))
  }

  @Test("every golden report.json, decoded and written again, is the file; the same as JSONEncoder")
  func goldenReports() throws {
    let folder = TestSupport.packageRoot.appendingPathComponent("Tests/VeedorReportsTests/Fixtures/golden")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
    #expect(files.count >= 3)
    for file in files {
      let bytes = try Data(contentsOf: folder.appendingPathComponent(file))
      guard let report = try? JSONDecoder().decode(Report.self, from: bytes) else { continue }
      #expect(try ReportDerivation.encode(report) == bytes, "\(file)")
      #expect(try ReportDerivation.encodeWithFoundation(report) == bytes, "\(file)")
    }
  }

  struct Odd: Encodable {
    var text: String
    var keyed: [String: Int]
    var list: [String?]
    var number: Double
    var flag: Bool
    var nested: [[Int]]
    var empty: [String]
    var nothing: [String: String]
    var big: Int
    var small: Int64
    var unsigned: UInt8
  }

  @Test("controls, quotes, non-ASCII, keys out of order, doubles, nulls, empty containers: JSONEncoder's bytes")
  func oddValues() throws {
    var controls = ""
    for byte in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(byte))) }
    let text = controls + "\"\\/\u{7F}\u{2028}\u{2029}é😀\u{FEFF} ● done"
    var generator = SystemRandomNumberGenerator()
    for i in 0..<400 {
      let number: Double =
        i < 8
        ? [0, 100, 18.2, 9.1, 33.333333333333336, 12.5, 66.66666666666667, 0.5][i]
        : Double(Int.random(in: 0...1_000_000, using: &generator)) / Double([1, 3, 7, 10, 100, 1000][i % 6])
      let value = Odd(
        text: text, keyed: ["b": 1, "a": 2, "é": 3, "Z": 4, "z\u{301}": 5, "😀": 6, "ab": 7, "": 8],
        list: ["x", nil, text], number: number, flag: i % 2 == 0, nested: [[], [1, -2], [Int.max, Int.min]],
        empty: [], nothing: [:], big: -i * 1_000_003, small: Int64.min + Int64(i), unsigned: UInt8(i % 256))
      #expect(CanonicalJSON.encode(value) == (try Self.foundation(value)), "number \(number)")
    }
  }

  @Test("dates, data, URLs and floats are left to JSONEncoder")
  func leftToFoundation() {
    #expect(CanonicalJSON.encode(["a": Date(timeIntervalSince1970: 0)]) == nil)
    #expect(CanonicalJSON.encode([Data([1, 2])]) == nil)
    #expect(CanonicalJSON.encode(URL(string: "https://example.org/a")) == nil)
    #expect(CanonicalJSON.encode([Float(1.5)]) == nil)
    #expect(CanonicalJSON.encode([1e-7]) == nil)
    #expect(CanonicalJSON.encode(["ok": [1, 2]]) == Array(#"{"ok":[1,2]}"#.utf8))
  }
}
