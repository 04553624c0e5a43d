/// A resource of a C2SP tlog-tiles log: a hash tile `tile/<L>/<N>[.p/<W>]` or an entry bundle
/// `tile/entries/<N>[.p/<W>]`, `N` written in 3-digit groups (`x001/x234/067`).
public struct TilePath: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The tile level; nil for an entry bundle.
  public var level: Int?
  /// Index of the tile within its level.
  public var index: Int
  /// Width of a partial tile (1–255); nil for a full tile of 256.
  public var width: Int?

  /// Creates a path.
  public init(level: Int?, index: Int, width: Int?) {
    self.level = level
    self.index = index
    self.width = width
  }

  /// `tile/0/x001/234`, `tile/1/000.p/17`, `tile/entries/005`.
  public var description: String {
    var parts: [String] = []
    var n = index
    repeat {
      parts.insert(String(repeating: "0", count: 3 - String(n % 1000).count) + String(n % 1000), at: 0)
      n /= 1000
    } while n > 0
    let encoded = parts.enumerated().map { $0.offset < parts.count - 1 ? "x" + $0.element : $0.element }
      .joined(separator: "/")
    return "tile/\(level.map(String.init) ?? "entries")/\(encoded)" + (width.map { ".p/\($0)" } ?? "")
  }

  /// Orders by level (bundles last), index, then width.
  public static func < (a: TilePath, b: TilePath) -> Bool {
    (a.level ?? 64, a.index, a.width ?? 256) < (b.level ?? 64, b.index, b.width ?? 256)
  }

  /// Every tile and bundle a tree of `size` entries is served as (full, then the partial at each level).
  public static func all(forSize size: Int) -> [TilePath] {
    var paths: [TilePath] = []
    var count = size
    var level = 0
    while count > 0 {
      for n in 0..<count / 256 { paths.append(TilePath(level: level, index: n, width: nil)) }
      if count % 256 > 0 { paths.append(TilePath(level: level, index: count / 256, width: count % 256)) }
      count /= 256
      level += 1
    }
    for n in 0..<size / 256 { paths.append(TilePath(level: nil, index: n, width: nil)) }
    if size % 256 > 0 { paths.append(TilePath(level: nil, index: size / 256, width: size % 256)) }
    return paths
  }

  /// Parses a path relative to the log prefix; nil when it is not one.
  public init?(_ text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard parts.count >= 3, parts[0] == "tile" else { return nil }
    if parts[1] == "entries" {
      level = nil
    } else {
      guard let l = Int(parts[1]), (0...63).contains(l), String(l) == parts[1] else { return nil }
      level = l
    }
    var rest = Array(parts.dropFirst(2))
    width = nil
    if rest.count >= 2, rest[rest.count - 2].hasSuffix(".p") {
      guard let w = Int(rest[rest.count - 1]), (1...255).contains(w), String(w) == rest[rest.count - 1] else {
        return nil
      }
      width = w
      rest.removeLast()
      rest[rest.count - 1] = String(rest[rest.count - 1].dropLast(2))
    }
    var n = 0
    for (i, group) in rest.enumerated() {
      let digits = i < rest.count - 1 ? (group.hasPrefix("x") ? String(group.dropFirst()) : "") : group
      guard digits.count == 3, digits.allSatisfy(\.isASCII), let value = Int(digits), value >= 0 else { return nil }
      n = n * 1000 + value
    }
    index = n
    guard description == text else { return nil }
  }
}
