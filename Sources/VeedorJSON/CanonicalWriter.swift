import Foundation

/// Writes the nodes of a ``TreeContext`` as canonical JSON: no whitespace, object keys in the order
/// of their UTF-8 bytes (that is, of their code points), strings as ``JSONString`` writes them.
struct CanonicalWriter {
  /// The nodes, as the encoding left them.
  let nodes: [TreeNode]
  /// The bytes written so far.
  private(set) var bytes: [UInt8] = []
  /// Members of the objects being written, sorted in place (one buffer for every object).
  private var members: [Int] = []
  /// The first eight bytes of each key of the object being sorted, as a big-endian number.
  private var prefixes: [UInt64] = []

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

  /// An object: its members sorted by key bytes, and for one key by when it was set, so that the last
  /// setting of a key is the one written.
  private mutating func object(_ index: Int) {
    bytes.append(UInt8(ascii: "{"))
    let start = members.count
    var at = nodes[index].first
    while at >= 0 {
      members.append(at)
      at = nodes[at].next
    }
    let nodes = self.nodes
    // Insertion sort (objects have few members), comparing the keys' first eight bytes first.
    prefixes.removeAll(keepingCapacity: true)
    for n in start..<members.count { prefixes.append(Self.prefix(nodes[members[n]].key ?? "")) }
    func precedes(_ x: Int, _ y: Int) -> Bool {
      let (a, b) = (members[start + x], members[start + y])
      if prefixes[x] != prefixes[y] { return prefixes[x] < prefixes[y] }
      switch Self.compare(nodes[a].key ?? "", nodes[b].key ?? "") {
      case 0: return a < b
      case let c: return c < 0
      }
    }
    for n in 1..<max(1, members.count - start) {
      var m = n
      while m > 0 && precedes(m, m - 1) {
        members.swapAt(start + m, start + m - 1)
        prefixes.swapAt(m, m - 1)
        m -= 1
      }
    }
    var first = true
    for n in start..<members.count {
      let member = members[n]
      if n + 1 < members.count && nodes[members[n + 1]].key == nodes[member].key { continue }
      if !first { bytes.append(UInt8(ascii: ",")) }
      first = false
      JSONString.append(nodes[member].key ?? "", to: &bytes)
      bytes.append(UInt8(ascii: ":"))
      write(member)
    }
    members.removeSubrange(start...)
    bytes.append(UInt8(ascii: "}"))
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
