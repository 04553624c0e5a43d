import Foundation
import Testing
import VeedorTestSupport

/// The site's Atom feeds as published by `veedor demo` (milestone updates, scores, check-ins naming
/// commitments, the report and its progress report): well-formed XML, every entry's id once per feed.
@Suite("Atom feeds: one entry per id")
struct FeedEntryTests {
  @Test("every feed of the demo site parses, and no id appears twice in a feed (a check-in is one entry)")
  func uniqueIDs() throws {
    let demo = TestSupport.temporaryFolder("feeds").appendingPathComponent("demo")
    #expect(try TestSupport.veedor(["demo", demo.path]).status == 0)
    let site = demo.appendingPathComponent("site")
    let feeds = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasSuffix(".atom") }
    #expect(feeds.count >= 4)
    var checkins = 0
    for name in feeds {
      let data = try Data(contentsOf: site.appendingPathComponent(name))
      _ = try AtomShape(data)
      let text = String(decoding: data, as: UTF8.self)
      let ids = text.components(separatedBy: "<entry>\n<id>").dropFirst().map { $0.prefix { $0 != "<" } }
      #expect(Set(ids).count == ids.count, "\(name): \(ids.count) entries, \(Set(ids).count) ids")
      if name == "feed.atom" {
        checkins = ids.filter { $0.hasSuffix("/C1") || $0.hasSuffix("/C2") }.count
        #expect(ids.contains { $0.contains("/progress-2023-Q3-") })
      }
    }
    #expect(checkins == 2, "the plan's feed lists each check-in once")
  }
}
