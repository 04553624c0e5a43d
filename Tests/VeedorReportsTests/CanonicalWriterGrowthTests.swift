import Foundation
import Testing

@testable import VeedorJSON

/// The writer's work on an object grows as n log n in its members, counted in key comparisons: a
/// snapshot's dictionaries (stored files, scores by id) grow with the ledger.
@Suite("canonical writer growth")
struct CanonicalWriterGrowthTests {
  /// Key comparisons to write a dictionary of `count` keys given in a shuffled order.
  static func comparisons(_ count: Int) -> Int {
    var generator = SeededGenerator(state: UInt64(count))
    let keys = (0..<count).map { "key-\($0 * 7919 % count)" }.shuffled(using: &generator)
    let context = TreeContext()
    let root = context.add()
    _ = context.become(.object, root)
    for key in keys { _ = context.child(of: root, key: key, .literal, "1") }
    var writer = CanonicalWriter(nodes: context.nodes)
    writer.write(root)
    return writer.comparisons
  }

  @Test("ten times the keys costs less than fifteen times the comparisons (a quadratic sort costs a hundred)")
  func growth() {
    let small = Self.comparisons(2_000)
    let large = Self.comparisons(20_000)
    #expect(small > 2_000)
    #expect(large < 15 * small, "\(small) → \(large)")
  }

  @Test("keys equal as Swift compares strings but spelled otherwise: one member, first spelling, last value")
  func equivalentKeys() throws {
    struct Keys: Encodable {
      let order: [(String, Int)]
      struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
      }
      func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        for (key, value) in order { try c.encode(value, forKey: Key(stringValue: key)) }
      }
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    for order in [
      [("é", 1), ("e\u{301}", 2)], [("e\u{301}", 1), ("é", 2)], [("é", 1), ("f", 3), ("e\u{301}", 2)],
      [("a", 1), ("é", 2), ("a", 3), ("Å", 4), ("A\u{30A}", 5)],
    ] {
      let value = Keys(order: order)
      #expect(CanonicalJSON.encode(value) == Array(try encoder.encode(value)), "\(order)")
    }
  }
}
