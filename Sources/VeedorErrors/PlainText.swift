import Foundation

/// Small text questions asked on hot paths (every score, every OGP cell), answered byte by byte when the
/// text is ASCII and by Foundation otherwise, so every answer is Foundation's.
public enum PlainText {
  /// Whether every byte of `text` is ASCII.
  public static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

  /// `text` without leading or trailing spaces and tabs (`CharacterSet.whitespaces`); a text that starts
  /// and ends with a printable ASCII character other than a space is returned as it is.
  public static func trimmingSpaces(_ text: String) -> String {
    if let first = text.utf8.first, let last = text.utf8.last, (0x21...0x7E).contains(first),
      (0x21...0x7E).contains(last)
    {
      return text
    }
    return text.trimmingCharacters(in: .whitespaces)
  }

  /// Whether `text` is empty or only whitespace and newlines (trimming them leaves nothing); a printable
  /// ASCII character anywhere answers at once.
  public static func isBlank(_ text: String) -> Bool {
    !text.utf8.contains { (0x21...0x7E).contains($0) } && text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
  }

  /// Whether two ASCII texts are the same but for the case of letters (callers check ``isASCII(_:)``
  /// first: for ASCII text this is what `lowercased()` and Foundation's case-insensitive comparison say).
  public static func equalIgnoringASCIICase(_ a: String, _ b: String) -> Bool {
    let lower = { (byte: UInt8) in (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
    return a.utf8.count == b.utf8.count && zip(a.utf8, b.utf8).allSatisfy { lower($0) == lower($1) }
  }
}
