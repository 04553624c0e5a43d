import Foundation

/// Column names to their positions. A name asked for in ASCII is found by its bytes in a small open
/// table (no `String` hashing); any other name by a dictionary, so every answer is the dictionary's:
/// among ASCII names, equal bytes are equal strings.
struct ColumnIndex: Sendable {
  /// The names' bytes, by position.
  private let names: [[UInt8]]
  /// Each slot's position in `names`, -1 for an empty slot (a power of two of them, a quarter full at most).
  private let slots: [Int32]
  /// Positions by name, as Swift compares strings.
  private let dictionary: [String: Int]
  /// Whether every name is ASCII (otherwise an ASCII name could equal a name spelled with other scalars,
  /// and only the dictionary is asked).
  private let asciiNames: Bool

  /// The index of `columns` (each named once).
  init(_ columns: [String]) {
    names = columns.map { Array($0.utf8) }
    dictionary = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
    asciiNames = columns.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
    var size = 16
    while size < columns.count * 4 { size *= 2 }
    var slots = [Int32](repeating: -1, count: size)
    for (position, name) in names.enumerated() {
      var slot = name.withUnsafeBufferPointer { Self.hash($0).hash } & (size - 1)
      while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
      slots[slot] = Int32(position)
    }
    self.slots = slots
  }

  /// The position of `name`, nil when it is not one of the columns.
  subscript(name: String) -> Int? {
    if asciiNames, let found = name.utf8.withContiguousStorageIfAvailable({ lookUp($0) }), let found {
      return found
    }
    return dictionary[name]
  }

  /// A hash of the bytes (their length and their first and last eight bytes), and whether they are all
  /// ASCII (every byte is looked at for that, eight at a time).
  @inline(__always)
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> (hash: Int, ascii: Bool) {
    let raw = UnsafeRawBufferPointer(bytes)
    let count = bytes.count
    var high: UInt64 = 0
    var i = 0
    while i + 8 <= count {
      high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      i += 8
    }
    var tail: UInt64 = 0
    while i < count {
      tail = tail << 8 | UInt64(bytes[i])
      i += 1
    }
    high |= tail
    let first = count >= 8 ? raw.loadUnaligned(as: UInt64.self) : tail
    let last = count >= 8 ? raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) : 0
    var hash = first &* 0x9E37_79B9_7F4A_7C15 ^ last &* 0xC2B2_AE3D_27D4_EB4F ^ UInt64(count) &* 0x1656_67B1_9E37_79F9
    hash ^= hash >> 29
    return (Int(truncatingIfNeeded: hash), high & 0x8080_8080_8080_8080 == 0)
  }

  /// The position of an ASCII name (`.some(nil)` when it is not a column); nil when the name is not
  /// ASCII and the dictionary must answer.
  private func lookUp(_ bytes: UnsafeBufferPointer<UInt8>) -> Int?? {
    let (hash, ascii) = Self.hash(bytes)
    guard ascii else { return nil }
    let mask = slots.count - 1
    var slot = hash & mask
    while slots[slot] >= 0 {
      let position = Int(slots[slot])
      let equal = names[position].withUnsafeBufferPointer { name in
        name.count == bytes.count && (bytes.isEmpty || memcmp(name.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
      }
      if equal { return .some(position) }
      slot = (slot + 1) & mask
    }
    return .some(nil)
  }
}
