import Foundation
import Testing
import VeedorJSON
import VeedorPlan
import VeedorRecords
import VeedorTestSupport

@testable import VeedorDataset
@testable import VeedorReports

/// The import's shortcuts give the answers of the slower ways they stand in for: column look-ups by
/// bytes, the plan read by the canonical reader, the `generated` time check, CSV quoting eight bytes at
/// a time, and an act's one record found without listing its records.
@Suite("Import fast paths")
struct ImportFastPathTests {
  @Test("a column is found by its bytes exactly where the dictionary finds it, odd spellings included")
  func columnIndex() {
    let columns = OGPColumns.all
    let dictionary = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
    let index = ColumnIndex(columns)
    var asked =
      columns + columns.map { $0.lowercased() } + columns.map { $0 + " " } + columns.map { String($0.dropLast()) }
    // A Kelvin sign is canonically equal to K, and é may be one scalar or two: the dictionary decides.
    asked += ["", "x_monitor", "\u{212A}", "Caf\u{E9}", "Cafe\u{301}", String(repeating: "a", count: 300)]
    for name in asked { #expect(index[name] == dictionary[name], "\(name.debugDescription)") }
    let odd = ColumnIndex(["Ke\u{301}y", "K", "Plain"])
    #expect(odd["K\u{E9}y"] == 0)
    #expect(odd["\u{212A}"] == 1)
    #expect(odd["Plain"] == 2)
    #expect(odd["plain"] == nil)
  }

  @Test("the plan read by the canonical reader is the plan JSONDecoder reads; a repeated key is left to it")
  func planReader() throws {
    // The bundled Peñalolén plan, as stored (indented, non-ASCII text, dates, milestones).
    let bytes = try Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("evidence/plan.json"))
    let plan = try PlanImporter.decodeJSON(bytes, file: "plan.json")
    let fast = try #require(CanonicalJSON.decodeUnrepeated(ActionPlan.self, from: bytes))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    #expect(try encoder.encode(fast) == encoder.encode(plan))
    #expect(CanonicalJSON.decodeUnrepeated([String: String].self, from: Data(#"{"a":"1","a":"2"}"#.utf8)) == nil)
    #expect(
      CanonicalJSON.decodeUnrepeated([[String: String]].self, from: Data(#"[{"b":"1"},{"a":"1","a":"2"}]"#.utf8)) == nil
    )
    // Two spellings of one key are one key to Swift, and so repeated.
    #expect(
      CanonicalJSON.decodeUnrepeated([String: String].self, from: Data("{\"\u{E9}\":\"1\",\"e\u{301}\":\"2\"}".utf8))
        == nil)
    #expect(
      CanonicalJSON.decodeUnrepeated([String: String].self, from: Data(#"{"a":"1","b":"2"}"#.utf8)) == [
        "a": "1", "b": "2",
      ])
    // A number that rounds to zero from digits that are not zero does not fit, as JSONDecoder says.
    for text in [
      "1e-400", "-1e-400", "2e-324",
      "0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001",
      "4.9e-324", "1e-310", "0e-400", "0.0", "-0", "1e400",
    ] {
      let bytes = Data("{\"w\":\(text)}".utf8)
      let foundation = try? JSONDecoder().decode([String: Double].self, from: bytes)
      let fast = CanonicalJSON.decodeUnrepeated([String: Double].self, from: bytes)
      #expect(fast == nil || fast == foundation, "\(text)")
      #expect(foundation != nil || fast == nil, "\(text)")
    }
    #expect(CanonicalJSON.decodeUnrepeated([String: Double].self, from: Data(#"{"w":1e-400}"#.utf8)) == nil)
    #expect(CanonicalJSON.decodeUnrepeated([String: Double].self, from: Data(#"{"w":0e-400}"#.utf8)) == ["w": 0])
  }

  @Test("the generated time is checked as the regular expression checks it")
  func utcTime() {
    let pattern = #"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"#
    let texts = [
      "2024-01-31T12:00:00Z", "2024-01-31T12:00:00Z\n", "2024-01-31T12:00:00Z\r\n", "2024-01-31T12:00:00z",
      "2024-01-31 12:00:00Z", "2024-1-31T12:00:00Z", "２０２４-01-31T12:00:00Z", "2024-01-31T12:00:00Z ",
      "x2024-01-31T12:00:00Z", "2024-01-31T12:00:0aZ", "", "9999-99-99T99:99:99Z", "2024-01-31T12:00:00Z\u{2028}",
      "\n2024-01-31T12:00:00Z", "2024/01/31T12:00:00Z", "0000-00-00T00:00:00Z",
    ]
    for text in texts {
      #expect(
        ReportDerivation.isUTCTime(text) == (text.range(of: pattern, options: .regularExpression) != nil),
        "\(text.debugDescription)")
    }
  }

  @Test("a field is quoted when any byte needs it, wherever it falls in an eight-byte run")
  func csvQuoting() throws {
    for length in 0..<20 {
      for special in ["\"", "\n", "\r", ","] {
        for at in 0..<max(1, length) {
          var bytes = Array(repeating: Character("a"), count: length)
          if length > 0 { bytes[at] = Character(special) }
          let field = String(bytes)
          var writer = CSVWriter()
          writer.field(field)
          let written = String(decoding: writer.bytes, as: UTF8.self)
          #expect(written.hasPrefix("\"") == (length > 0), "\(field.debugDescription)")
          let text = CSV.encode([[field, "x"]])
          #expect(try CSV.parse(Data(text.utf8), file: "t.csv").map(\.fields) == [[field, "x"]])
        }
      }
    }
    var semicolons = CSVWriter(separator: ";")
    semicolons.field("abcdefgh,ijklmnop")
    #expect(semicolons.bytes == Array("abcdefgh,ijklmnop".utf8))
    semicolons.separate()
    semicolons.field("abcdefghijklmn;p")
    #expect(String(decoding: semicolons.bytes, as: UTF8.self) == "abcdefgh,ijklmnop;\"abcdefghijklmn;p\"")
  }

  @Test("the folder walk finds what FileManager's enumerator finds: nested, hidden, linked, odd names")
  func folderWalk() throws {
    let root = TestSupport.temporaryFolder("walk")
    let fm = FileManager.default
    for folder in ["a/b/c", ".hidden/x", "d.report.json", "e", "deep/1/2/3/4/5"] {
      try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    for file in [
      "report.json", "a/report.json", "a/b/c/report.json", ".hidden/x/report.json", "e/xreport.json",
      "e/report.json.sig", "e/REPORT.JSON", "deep/1/2/3/4/5/report.json", "e/línea report.json",
      "e/with\nnewline report.json", "d.report.json/report.json",
    ] {
      try Data("{}".utf8).write(to: root.appendingPathComponent(file))
    }
    // Links are listed, not followed: to a folder, to a file, dangling, and one back to the root.
    try fm.createSymbolicLink(atPath: root.appendingPathComponent("linked").path, withDestinationPath: "a")
    try fm.createSymbolicLink(
      atPath: root.appendingPathComponent("e/link.report.json").path, withDestinationPath: "../report.json")
    try fm.createSymbolicLink(
      atPath: root.appendingPathComponent("e/gone-report.json").path, withDestinationPath: "nowhere")
    try fm.createSymbolicLink(atPath: root.appendingPathComponent("deep/loop").path, withDestinationPath: "..")
    let expected = (fm.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? [])
      .filter { $0.hasSuffix("report.json") }.sorted()
    let walked = try #require(FolderWalk.paths(under: root.path, endingWith: "report.json")).sorted()
    #expect(walked == expected)
    #expect(walked.count >= 9)
    #expect(FolderWalk.paths(under: root.appendingPathComponent("missing").path, endingWith: "report.json") == nil)
    // A folder named through a link is not entered by FileManager's enumerator, and the walk leaves
    // it to it; the import lists where the link leads, under the name given.
    let target = DatasetImporter.expand([root.appendingPathComponent("a")]).map(\.lastPathComponent)
    #expect(target == ["report.json", "report.json"])
    for named in ["linked", "linked/"] {
      let path = root.path + "/" + named
      #expect(FolderWalk.paths(under: path, endingWith: "report.json") == nil)
      let files = DatasetImporter.expand([URL(fileURLWithPath: path)])
      #expect(files.map(\.lastPathComponent) == target)
      #expect(files.allSatisfy { $0.path.hasPrefix(root.path + "/linked/") })
    }
  }

  @Test("reports found are ordered as strings, and spellings Swift holds equal by their bytes")
  func foundOrder() throws {
    let root = TestSupport.temporaryFolder("order")
    for folder in ["b", "\u{212A}", "K", "a", "e\u{301}", "\u{E9}"] {
      let at = root.appendingPathComponent(folder)
      try FileManager.default.createDirectory(at: at, withIntermediateDirectories: true)
      try Data("{}".utf8).write(to: at.appendingPathComponent("report.json"))
    }
    let found = DatasetImporter.expand([root]).map { $0.deletingLastPathComponent().lastPathComponent }
    #expect(found.count == 6)
    for (a, b) in zip(found, found.dropFirst()) {
      #expect(
        a < b || (a == b && a.utf8.lexicographicallyPrecedes(b.utf8)), "\(a.debugDescription) \(b.debugDescription)")
    }
  }

  @Test("strings are escaped as JSONEncoder escapes them, appended to what is already written")
  func stringEscapes() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    var generator = SystemRandomNumberGenerator()
    let alphabet: [Unicode.Scalar] =
      (0..<0x20).map { Unicode.Scalar(UInt8($0)) } + ["\"", "\\", "/", "a", "Z", " ", "\u{7F}", "é", "\u{2028}", "😀"]
    var all: [UInt8] = []
    var allExpected: [UInt8] = []
    for round in 0..<2_000 {
      var text = ""
      let length = round < 64 ? round : Int.random(in: 0..<300, using: &generator)
      for _ in 0..<length {
        // Long plain runs between escapes, and runs of nothing but escapes.
        let plain = Int.random(in: 0..<4, using: &generator) == 0
        text.unicodeScalars.append(plain ? "x" : alphabet.randomElement(using: &generator)!)
      }
      var bytes = Array("prefix".utf8)
      JSONString.append(text, to: &bytes)
      let expected = Array("prefix".utf8) + (try encoder.encode(text))
      guard bytes == expected else {
        Issue.record("\(text.debugDescription): \(String(decoding: bytes, as: UTF8.self))")
        return
      }
      // One buffer for every string too, grown as it goes.
      JSONString.append(text, to: &all)
      allExpected += expected.dropFirst(6)
    }
    #expect(all == allExpected)
  }

  @Test("an act carries only its record exactly when its records are that one")
  func oneRecord() throws {
    let line = Data(
      #"{"plan":{"commitments":1,"id":"P","rubric":"r","rubricSHA256":"00","rubricVersion":"1","sha256":"00"},"seq":0,"time":"2024-01-01T00:00:00Z","type":"plan.imported"}"#
        .utf8)
    var act = try JSONDecoder().decode(Act.self, from: line)
    #expect(act.carriesOnlyItsRecord == (act.recordFields == [act.expectedRecordField]))
    #expect(act.carriesOnlyItsRecord)
    act.note = NoteRecord(commitment: nil, text: "extra")
    #expect(act.carriesOnlyItsRecord == (act.recordFields == [act.expectedRecordField]))
    #expect(!act.carriesOnlyItsRecord)
    act.plan = nil
    #expect(!act.carriesOnlyItsRecord)
    act.type = .note
    #expect(act.carriesOnlyItsRecord)
    act.note = nil
    #expect(!act.carriesOnlyItsRecord)
    #expect(act.recordFields.isEmpty)
  }
}
