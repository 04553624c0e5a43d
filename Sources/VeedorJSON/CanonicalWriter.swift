import Foundation

/// Writes the nodes of a ``TreeContext`` as canonical JSON: no whitespace, object keys in the order
/// of their UTF-8 bytes (that is, of their code points), strings as ``JSONString`` writes them.
struct CanonicalWriter {
  /// The nodes, as the encoding left them.
  let nodes: [TreeNode]
  /// The bytes written so far.
  private(set) var bytes: [UInt8] = []
  /// Members of the objects being written, sorted in place (one buffer for every object).
  private var entries: [Entry] = []
  /// Key comparisons made so far (counted work, for the tests of growth).
  private(set) var comparisons = 0

  init(nodes: [TreeNode]) {
    self.nodes = nodes
    bytes.reserveCapacity(nodes.count * 16)
  }

  /// Appends one node and everything under it.
  mutating func write(_ index: Int) {
    switch nodes[index].kind {
    case .string: JSONString.append(nodes[index].text, to: &bytes)
    case .literal: bytes.append(contentsOf: nodes[index].text.utf8)
    case .array:
      bytes.append(UInt8(ascii: "["))
      var at = nodes[index].first
      while at >= 0 {
        if at != nodes[index].first { bytes.append(UInt8(ascii: ",")) }
        write(at)
        at = nodes[at].next
      }
      bytes.append(UInt8(ascii: "]"))
    case .object: object(index)
    case .unset: bytes.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")])
    }
  }

  /// One member to write: the node whose key is written, the node whose value is, and the key's
  /// first eight bytes (see ``prefix(_:)``).
  struct Entry {
    var prefix: UInt64
    var key: Int
    var value: Int
  }

  /// An object, as `JSONEncoder` writes it: a key set again (or a key equal to it as Swift compares
  /// strings, spelled otherwise) written once, spelled as first set, with the value last set; members
  /// in the order of their keys' bytes.
  private mutating func object(_ index: Int) {
    bytes.append(UInt8(ascii: "{"))
    let start = entries.count
    var ascii = true
    var at = nodes[index].first
    while at >= 0 {
      let key = nodes[at].key ?? ""
      if ascii && !key.utf8.allSatisfy({ $0 < 0x80 }) { ascii = false }
      entries.append(Entry(prefix: Self.prefix(key), key: at, value: at))
      at = nodes[at].next
    }
    // ASCII keys are equal only when their bytes are (the sort below brings those together); others
    // may be equal spelled otherwise, and are merged first.
    if !ascii { mergeEqualKeys(from: start) }
    sortEntries(from: start)
    var first = true
    for n in start..<entries.count {
      // Of keys with the same bytes, the last set is last in order: it is the one written.
      if n + 1 < entries.count && nodes[entries[n + 1].key].key == nodes[entries[n].key].key { continue }
      if !first { bytes.append(UInt8(ascii: ",")) }
      first = false
      JSONString.append(nodes[entries[n].key].key ?? "", to: &bytes)
      bytes.append(UInt8(ascii: ":"))
      write(entries[n].value)
    }
    entries.removeSubrange(start...)
    bytes.append(UInt8(ascii: "}"))
  }

  /// Members from `start` on merged by key as Swift compares strings (canonical equivalence), as
  /// `JSONEncoder`'s own dictionary merges them: the first spelling, the last value, in first order.
  private mutating func mergeEqualKeys(from start: Int) {
    var merged: [Entry] = []
    var seen: [String: Int] = [:]
    for entry in entries[start...] {
      let key = nodes[entry.key].key ?? ""
      if let at = seen[key] {
        merged[at].value = entry.value
      } else {
        seen[key] = merged.count
        merged.append(entry)
      }
    }
    entries.replaceSubrange(start..., with: merged)
  }

  /// Sorts the members from `start` on by key bytes, then by when they were set: an insertion sort for
  /// the few members most objects have, the library's sort for the many a dictionary may have.
  private mutating func sortEntries(from start: Int) {
    let nodes = self.nodes
    var compared = 0
    defer { comparisons += compared }
    func precedes(_ a: Entry, _ b: Entry) -> Bool {
      compared += 1
      if a.prefix != b.prefix { return a.prefix < b.prefix }
      switch Self.compare(nodes[a.key].key ?? "", nodes[b.key].key ?? "") {
      case 0: return a.value < b.value
      case let c: return c < 0
      }
    }
    let count = entries.count - start
    guard count > 16 else {
      for n in 1..<max(1, count) {
        var m = start + n
        while m > start && precedes(entries[m], entries[m - 1]) {
          entries.swapAt(m, m - 1)
          m -= 1
        }
      }
      return
    }
    entries[start...].sort(by: precedes)
  }

  /// A key's first eight UTF-8 bytes as a big-endian number (zeros after a shorter key): keys whose
  /// numbers differ are in the order of their numbers.
  private static func prefix(_ key: String) -> UInt64 {
    var value: UInt64 = 0
    var count = 0
    for byte in key.utf8 {
      value = value << 8 | UInt64(byte)
      count += 1
      if count == 8 { break }
    }
    return count == 8 ? value : value << (8 * UInt64(8 - count))
  }

  /// The order of two keys' UTF-8 bytes: negative, zero or positive.
  private static func compare(_ a: String, _ b: String) -> Int {
    let fast = a.utf8.withContiguousStorageIfAvailable { x in
      b.utf8.withContiguousStorageIfAvailable { y -> Int in
        let common = min(x.count, y.count)
        if common > 0 {
          let c = memcmp(x.baseAddress!, y.baseAddress!, common)
          if c != 0 { return Int(c) }
        }
        return x.count - y.count
      }
    }
    if let fast = fast ?? nil { return fast }
    if a.utf8.elementsEqual(b.utf8) { return 0 }
    return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
  }
}
