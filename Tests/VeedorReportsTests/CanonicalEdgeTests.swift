import Foundation
import Testing
import VeedorJSON
import VeedorReports
import VeedorTestSupport

/// The places where the canonical writer and reader take short cuts: strings checked eight bytes at
/// a time, keys ordered by their first eight bytes, members set without a search, and a report's
/// head read from its own members with the rest stepped over.
@Suite("Canonical JSON short cuts")
struct CanonicalEdgeTests {
  @Test("every ASCII byte and some multi-byte characters, at every position of strings of 1 to 17 bytes")
  func everyBytePosition() throws {
    var characters = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
    characters += ["é", "€", "😀", "\u{2028}", "\u{FEFF}"]
    var checked = 0
    for character in characters {
      for length in 1...17 {
        for position in 0..<length {
          let text =
            String(repeating: "a", count: position) + character
            + String(repeating: "b", count: length - position - 1)
          #expect(CanonicalJSON.encode([text]) == (try CanonicalJSONTests.foundation([text])), "\(Array(text.utf8))")
          checked += 1
        }
      }
    }
    #expect(checked == characters.count * (1...17).reduce(0, +))
  }

  @Test("keys that share their first eight bytes, are prefixes of each other, empty, NUL or non-ASCII")
  func keyOrder() throws {
    let keys = [
      "evidence", "evidenceIDs", "evidenc", "evidencf", "a", "a\u{0}", "", "\u{0}", "abcdefgh", "abcdefghi",
      "abcdefgg\u{FF}", "abcdefgh\u{0}", "é", "e", "😀", "Z", "zz", "\u{7F}", "abcdefgz", "abcdefg",
    ]
    var generator = SeededGenerator(state: 15)
    for round in 0..<300 {
      let chosen = keys.shuffled(using: &generator).prefix(1 + round % keys.count)
      let value = Dictionary(uniqueKeysWithValues: chosen.enumerated().map { ($1, $0) })
      #expect(CanonicalJSON.encode(value) == (try CanonicalJSONTests.foundation(value)), "\(chosen)")
    }
  }

  /// Encodes a key twice, a nested container twice, and one array through two containers.
  struct Repeats: Encodable {
    enum Keys: String, CodingKey { case a, b, list }
    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: Keys.self)
      try c.encode("first", forKey: .a)
      var nested = c.nestedContainer(keyedBy: Keys.self, forKey: .b)
      try nested.encode(1, forKey: .a)
      try c.encode(2, forKey: .a)
      var again = c.nestedContainer(keyedBy: Keys.self, forKey: .b)
      try again.encode(3, forKey: .b)
      try again.encode(4, forKey: .a)
      var list = c.nestedUnkeyedContainer(forKey: .list)
      try list.encode("x")
      var more = c.nestedUnkeyedContainer(forKey: .list)
      try more.encode(more.count)
    }
  }

  @Test("a key set again keeps its last value, and containers asked for again are the same, as JSONEncoder")
  func repeatedKeys() throws {
    let expected = #"{"a":2,"b":{"a":4,"b":3},"list":["x",1]}"#
    #expect(try CanonicalJSONTests.foundation(Repeats()) == Array(expected.utf8))
    #expect(CanonicalJSON.encode(Repeats()) == Array(expected.utf8))
  }

  /// The members a report's head is read from.
  struct Head: Decodable, Equatable {
    var format: String
    var generated: String
    var inputs: ReportInputs
  }

  @Test("a golden report's head read from its members alone is the head JSONDecoder reads")
  func reportHeads() throws {
    let folder = TestSupport.packageRoot.appendingPathComponent("Tests/VeedorReportsTests/Fixtures/golden")
    let members: Set<String> = ["format", "generated", "inputs"]
    var read = 0
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".json") {
      let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
      guard let slow = try? JSONDecoder().decode(Head.self, from: bytes) else { continue }
      #expect(CanonicalJSON.decode(Head.self, from: bytes, members: members) == slow, "\(name)")
      read += 1
    }
    #expect(read >= 2)
  }

  struct Tag: Decodable, Equatable { var format: String }

  @Test("what is stepped over must still be well formed JSON, with nothing after the object")
  func steppedOver() {
    let members: Set<String> = ["format"]
    func head(_ text: String) -> Tag? { CanonicalJSON.decode(Tag.self, from: Data(text.utf8), members: members) }
    #expect(head(#"{"z":{"q":[true,false,null,-1.5e3,"\\\"x",{}],"r":[]},"format":"x"} "#) == Tag(format: "x"))
    #expect(head(#" {"format":"x","rest":"\u00e9\n"}"#) == Tag(format: "x"))
    for bad in [
      #"{"a":[1,2,,3],"format":"x"}"#, #"{"a":"open,"format":"x"}"#, #"{"a":{"b":},"format":"x"}"#,
      #"{"format":"x"} tail"#, #"{"a":tru,"format":"x"}"#, #"{"a":[1}],"format":"x"}"#, #"{"a":01,"format":"x"}"#,
      "{\"a\":\"\u{1}\",\"format\":\"x\"}", #"["format","x"]"#, #"{"a":1"format":"x"}"#, "",
      #"{"a":"\u12","format":"x"}"#, #"{"a":"\x","format":"x"}"#, #"{"a":"\u12G4","format":"x"}"#,
    ] {
      #expect(head(bad) == nil, "\(bad)")
    }
  }
}
