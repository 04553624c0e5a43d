extension TrustFile {
  /// Whether `name` matches an OpenSSH pattern list such as `CL*,!CLMPU` (`match_pattern_list`, case-sensitive).
  ///
  /// Patterns are comma-separated; `*` matches any run of bytes, `?` exactly one byte, and a pattern
  /// starting with `!` that matches refuses the name whatever else matches. Empty lists match nothing.
  public static func matches(_ name: String, patterns: String) -> Bool {
    PatternList.match(Array(name.utf8), Array(patterns.utf8)) == 1
  }
}

/// OpenSSH's `match.c`, byte for byte.
enum PatternList {
  /// 1 for a positive match, 0 for none, -1 for a negated match (as `match_pattern_list` returns).
  static func match(_ string: [UInt8], _ list: [UInt8]) -> Int {
    var gotPositive = false
    var i = 0
    while i < list.count {
      var negated = false
      if list[i] == UInt8(ascii: "!") {
        negated = true
        i += 1
      }
      var sub: [UInt8] = []
      while i < list.count, sub.count < 1023, list[i] != UInt8(ascii: ",") {
        sub.append(list[i])
        i += 1
      }
      // OpenSSH gives up on a subpattern of 1023 bytes or more.
      if sub.count >= 1023 { return 0 }
      if i < list.count, list[i] == UInt8(ascii: ",") { i += 1 }
      if pattern(string[...], sub[...]) {
        if negated { return -1 }
        gotPositive = true
      }
    }
    return gotPositive ? 1 : 0
  }

  /// `match_pattern`: the whole string against one pattern with `*` and `?`.
  static func pattern(_ s: ArraySlice<UInt8>, _ p: ArraySlice<UInt8>) -> Bool {
    var s = s
    var p = p
    while true {
      guard let head = p.first else { return s.isEmpty }
      if head == UInt8(ascii: "*") {
        p = p.drop { $0 == UInt8(ascii: "*") }
        if p.isEmpty { return true }
        while true {
          if pattern(s, p) { return true }
          guard !s.isEmpty else { return false }
          s = s.dropFirst()
        }
      }
      guard let c = s.first else { return false }
      if head != UInt8(ascii: "?") && head != c { return false }
      s = s.dropFirst()
      p = p.dropFirst()
    }
  }
}
