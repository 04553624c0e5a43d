import Foundation
import Testing
import VeedorJSON
import VeedorLedger
import VeedorPlan
import VeedorRecords
import VeedorReports
import VeedorTestSupport

/// The canonical writer's doubles and containers are `JSONEncoder`'s to the byte: negative zero,
/// whole values from 1e15 (which `description` writes with `.0`), a key's container asked for twice,
/// a value that reads its coding path; so an exported report is the bytes `JSONEncoder` writes and
/// a ledger line `JSONEncoder` would not write is still refused.
@Suite("Canonical JSON numbers and containers")
struct CanonicalNumberTests {
  struct Twice: Encodable {
    enum K: String, CodingKey { case a, b }
    enum N: String, CodingKey { case x, y }
    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: K.self)
      var n1 = c.nestedContainer(keyedBy: N.self, forKey: .a)
      try n1.encode(1, forKey: .x)
      var n2 = c.nestedContainer(keyedBy: N.self, forKey: .a)
      try n2.encode(2, forKey: .y)
      var u1 = c.nestedUnkeyedContainer(forKey: .b)
      try u1.encode(1)
      var u2 = c.nestedUnkeyedContainer(forKey: .b)
      try u2.encode(2)
    }
  }

  struct Depth: Encodable {
    func encode(to encoder: any Encoder) throws {
      var c = encoder.singleValueContainer()
      try c.encode(encoder.codingPath.count)
    }
  }

  struct Nothing: Encodable { func encode(to encoder: any Encoder) throws {} }

  /// Non-nil bytes are always `JSONEncoder`'s.
  static func same<T: Encodable>(_ value: T) throws -> Bool {
    guard let bytes = CanonicalJSON.encode(value) else { return true }
    return bytes == (try CanonicalJSONTests.foundation(value))
  }

  @Test("negative zero, whole doubles from 1e15 to 2^53 and random bit patterns: JSONEncoder's bytes or nil")
  func doubles() throws {
    for d: Double in [-0.0, 1e15, -1e15, 2e15 + 1, 4_503_599_627_370_496, 9_007_199_254_740_992, 999_999_999_999_999] {
      #expect(try Self.same([d]), "\(d)")
      #expect(try Self.same(["w": d]), "\(d)")
    }
    var generator = SystemRandomNumberGenerator()
    var differing: [Double] = []
    for _ in 0..<20_000 {
      let d = Double(bitPattern: generator.next())
      let whole = Double(Int64.random(in: -(1 << 54)...(1 << 54), using: &generator))
      for value in [d, whole] where value.isFinite {
        if try !Self.same([value]) { differing.append(value) }
      }
    }
    #expect(differing.isEmpty, "\(differing.count) differ, e.g. \(differing.prefix(3))")
  }

  @Test("a key's container asked for twice, the coding path, a top-level value that encodes nothing")
  func containers() throws {
    #expect(CanonicalJSON.encode(Twice()) == Array(#"{"a":{"x":1,"y":2},"b":[1,2]}"#.utf8))
    #expect(try Self.same(["a": [Depth()]]))
    #expect(CanonicalJSON.encode(Nothing()) == nil)
    #expect(CanonicalJSON.encode([Nothing()]) == Array("[{}]".utf8))
  }

  @Test("a milestone weighing 2e15: the report is JSONEncoder's bytes; its line spelled 2000000000000000.0 is refused")
  func bigWeight() throws {
    let root = TestSupport.temporaryFolder()
    let ws = root.appendingPathComponent("ws").path
    try FileManager.default.copyItem(
      atPath: TestSupport.packageRoot.appendingPathComponent("evidence").path, toPath: ws)
    try ReportFixture.run([
      "milestone", "add", "CLPLN0002", "--title", "Big", "--due", "2024-09", "--weight", "2e15", "--reason", "r", "-w",
      ws,
    ])
    let key = root.appendingPathComponent("monitor.key").path
    try ReportFixture.run(["key", "generate", "--key", key, "--name", "T", "--email", "t@example.org", "--unencrypted"])
    let out = root.appendingPathComponent("out")
    try ReportFixture.run(["report", "export", "-w", ws, "--key", key, "--out", out.path])
    let bytes = try Data(contentsOf: out.appendingPathComponent("report.json"))
    let report = try JSONDecoder().decode(Report.self, from: bytes)
    #expect(try ReportDerivation.encodeWithFoundation(report) == bytes)
    #expect(try ReportDerivation.encode(report) == bytes)

    var lines = try Data(contentsOf: URL(fileURLWithPath: ws + "/ledger.jsonl")).split(separator: 0x0A).map { Data($0) }
    // The milestone's line (export added the monitor's key after it), as JSONEncoder wrote it.
    let at = try #require(lines.lastIndex { String(decoding: $0, as: UTF8.self).contains(#""milestone.changed""#) })
    let line = String(decoding: lines[at], as: UTF8.self)
    #expect(line.contains(#""weight":2000000000000000}"#))
    _ = try LedgerState.replay(lines[...at], file: "ledger")
    lines[at] = Data(
      line.replacingOccurrences(of: #""weight":2000000000000000"#, with: #""weight":2000000000000000.0"#).utf8)
    #expect {
      try LedgerState.replay(lines[...at], file: "ledger")
    } throws: { error in (error as? RecordsError)?.message.contains("canonical form") == true }
  }
}
