import Foundation
import Testing
import VeedorReports
import VeedorTestSupport

/// A report writes each scale's wording once, under `scales`, and its scores name scales and levels by
/// id; reading it fills every score's wording back in, so a reader sees what the ledger and rubric say.
@Suite("Scale wording written once")
struct ReportWordingTests {
  static let golden = TestSupport.packageRoot.appendingPathComponent(
    "Tests/VeedorReportsTests/Fixtures/golden/report.json")

  @Test("read and written again, the golden report is the same bytes, every score worded")
  func roundTrip() throws {
    let bytes = try Data(contentsOf: Self.golden)
    let report = try JSONDecoder().decode(Report.self, from: bytes)
    #expect(try ReportDerivation.encode(report) == bytes)
    let scores = report.commitments.flatMap(\.scores)
    #expect(!scores.isEmpty)
    for score in scores {
      #expect(!score.title.en.isEmpty && !score.title.es.isEmpty, "\(score.scale)")
      for level in score.history.flatMap(\.levels) {
        #expect(!level.label.en.isEmpty && !level.definition.es.isEmpty && !level.ogp.isEmpty, "\(level.id)")
      }
    }
    // Each level's wording is in the file once, however many scores chose it.
    let text = String(decoding: bytes, as: UTF8.self)
    let chosen = scores.flatMap { s in s.history.flatMap(\.levels).map { "\(s.scale)/\($0.id)" } }
    let repeated = try #require(Dictionary(grouping: chosen, by: { $0 }).first { $0.value.count > 1 })
    let (scale, level) = try #require(repeated.key.split(separator: "/").map(String.init).pairs)
    let wording = try #require(scores.first { $0.scale == scale }?.history.flatMap(\.levels).first { $0.id == level })
    #expect(text.components(separatedBy: "\"definition\":{\"en\":\"\(wording.definition.en)").count == 2)
  }

  @Test("a score naming a level the report's scales lack does not read")
  func missingWording() throws {
    var object = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: Self.golden)) as? [String: Any])
    var scales = try #require(object["scales"] as? [String: Any])
    let (id, first) = try #require(scales.sorted { $0.key < $1.key }.first)
    var wording = try #require(first as? [String: Any])
    wording["levels"] = [String: Any]()
    scales[id] = wording
    object["scales"] = scales
    let data = try JSONSerialization.data(withJSONObject: object)
    #expect {
      try JSONDecoder().decode(Report.self, from: data)
    } throws: { error in
      "\(error)".contains("of scale '\(id)' is not in scales")
    }
  }

  @Test("a level worded two ways cannot be written")
  func twoWordings() throws {
    var report = try JSONDecoder().decode(Report.self, from: Data(contentsOf: Self.golden))
    let places = report.commitments.indices.flatMap { c in
      report.commitments[c].scores.indices.map { (c, $0, report.commitments[c].scores[$0]) }
    }
    let counts = Dictionary(grouping: places) { "\($0.2.scale)/\($0.2.current.levels.first?.id ?? "")" }
    let (c, s, score) = try #require(counts.values.first { $0.count > 1 }?.first)
    var history = score.history
    history[history.count - 1].levels[0].label.en = "Reworded"
    report.commitments[c].scores[s] = try #require(
      Report.ScaleScore(
        scale: score.scale, ogpColumn: score.ogpColumn, ogpValueColumns: score.ogpValueColumns, title: score.title,
        phase: score.phase, history: history))
    #expect(throws: (any Error).self) { try ReportDerivation.encode(report) }
  }
}

extension Array {
  /// The two elements of a two-element array.
  fileprivate var pairs: (Element, Element)? { count == 2 ? (self[0], self[1]) : nil }
}
