import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension TrustFile {
  /// A `valid-after`/`valid-before` time, read exactly as OpenSSH's `parse_absolute_time` reads it.
  ///
  /// `YYYYMMDD`, `YYYYMMDDHHMM` or `YYYYMMDDHHMMSS`, optionally ending in `Z` or `UTC` (any case) for UTC.
  /// Without a suffix the time is LOCAL, as in OpenSSH: `strptime(3)` then `mktime(3)` with `tm_isdst = 0`
  /// in this process's time zone (`TZ`), so ssh-keygen and Veedor on one machine read the same moment.
  public struct Timestamp: Sendable, Hashable, CustomStringConvertible {
    /// The text as written in the file.
    public var text: String
    /// Seconds since 1970 (UTC).
    public var seconds: Int64

    /// The moment.
    public var date: Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    /// Parses a timestamp; nil when OpenSSH would reject it (also times at or before 1970-01-01T00:00:00Z).
    public init?(_ text: String) {
      guard let seconds = Self.parse(text) else { return nil }
      self.text = text
      self.seconds = seconds
    }

    /// `"20250101Z" (2025-01-01T00:00:00Z)`.
    public var description: String { "\"\(text)\" (\(Self.utcText(seconds)))" }

    private static func parse(_ text: String) -> Int64? {
      let s = Array(text.utf8)
      var length = s.count
      var utc = false
      if length > 1, s[length - 1] | 0x20 == UInt8(ascii: "z") {
        utc = true
        length -= 1
      } else if length > 3, String(decoding: s[(length - 3)...], as: UTF8.self).lowercased() == "utc" {
        utc = true
        length -= 3
      }
      func part(_ from: Int, _ count: Int) -> String { String(decoding: s[from..<(from + count)], as: UTF8.self) }
      let (buffer, format): (String, String)
      switch length {
      case 8: (buffer, format) = ("\(part(0, 4))-\(part(4, 2))-\(part(6, 2))", "%Y-%m-%d")
      case 12:
        (buffer, format) = ("\(part(0, 4))-\(part(4, 2))-\(part(6, 2))T\(part(8, 2)):\(part(10, 2))", "%Y-%m-%dT%H:%M")
      case 14:
        (buffer, format) = (
          "\(part(0, 4))-\(part(4, 2))-\(part(6, 2))T\(part(8, 2)):\(part(10, 2)):\(part(12, 2))", "%Y-%m-%dT%H:%M:%S"
        )
      default: return nil
      }
      var fields = tm()
      let parsed = buffer.withCString { b in format.withCString { f in Self.strptime(b, f, &fields) } }
      guard let end = parsed, end.pointee == 0 else { return nil }
      let seconds = utc ? timegm(&fields) : mktime(&fields)
      guard seconds > 0 else { return nil }
      return Int64(seconds)
    }

    /// A moment as `2024-01-31T12:00:00Z`.
    static func utcText(_ seconds: Int64) -> String {
      let formatter = ISO8601DateFormatter()
      formatter.formatOptions = [.withInternetDateTime]
      formatter.timeZone = TimeZone(identifier: "UTC")
      return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    #if canImport(Glibc)
      private typealias StrptimeFunction =
        @convention(c) (
          UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafeMutablePointer<tm>?
        ) -> UnsafeMutablePointer<CChar>?

      // Glibc's Swift module hides strptime (it needs _XOPEN_SOURCE), so take the C library's own by name.
      private static let libcStrptime: StrptimeFunction? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "strptime") else { return nil }
        return unsafeBitCast(symbol, to: StrptimeFunction.self)
      }()

      private static func strptime(
        _ text: UnsafePointer<CChar>, _ format: UnsafePointer<CChar>, _ fields: UnsafeMutablePointer<tm>
      ) -> UnsafeMutablePointer<CChar>? {
        libcStrptime?(text, format, fields)
      }
    #else
      private static func strptime(
        _ text: UnsafePointer<CChar>, _ format: UnsafePointer<CChar>, _ fields: UnsafeMutablePointer<tm>
      ) -> UnsafeMutablePointer<CChar>? {
        Darwin.strptime(text, format, fields)
      }
    #endif
  }
}
