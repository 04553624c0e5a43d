import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A byte test on ledger lines, to skip lines cheaply before decoding: a line is picked when, for
/// every group, it contains at least one of the group's patterns. A pre-filter only: it may pick
/// lines the decoded test then refuses, never leave out one that test would accept.
public struct LinePick: Sendable, Hashable {
  /// The groups of patterns (exact bytes); every group must match.
  public var groups: [[[UInt8]]]

  /// A test requiring, for each group, one of its patterns.
  public init(groups: [[[UInt8]]]) {
    self.groups = groups
  }

  /// Whether a line (without its newline) is picked.
  public func picks(_ line: UnsafeRawBufferPointer) -> Bool {
    groups.allSatisfy { group in group.contains { Self.contains(line, $0) } }
  }

  /// Whether `bytes` holds `pattern` somewhere.
  static func contains(_ bytes: UnsafeRawBufferPointer, _ pattern: [UInt8]) -> Bool {
    find(pattern, in: bytes) != nil
  }

  /// The offset of the first `pattern` in `bytes`, if any (an empty pattern is found at 0).
  static func find(_ pattern: [UInt8], in bytes: UnsafeRawBufferPointer) -> Int? {
    if pattern.isEmpty { return 0 }
    guard let base = bytes.baseAddress, pattern.count <= bytes.count else { return nil }
    // memchr for the first byte, memcmp for the rest (Glibc does not export memmem to Swift).
    return pattern.withUnsafeBytes { p -> Int? in
      guard let needle = p.baseAddress else { return nil }
      let first = Int32(pattern[0])
      let last = bytes.count - pattern.count
      var at = 0
      while at <= last, let hit = memchr(base + at, first, last - at + 1) {
        let offset = base.distance(to: UnsafeRawPointer(hit))
        if memcmp(base + offset, needle, pattern.count) == 0 { return offset }
        at = offset + 1
      }
      return nil
    }
  }
}
