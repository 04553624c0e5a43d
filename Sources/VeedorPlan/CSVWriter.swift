/// Builds CSV bytes record by record: CRLF line ends, a field quoted (its quotes doubled) only when
/// it holds a scalar of the separator, `"`, CR or LF.
///
/// The check is by scalar, not by Character: "\r\n", or a separator with a combining mark after it,
/// is one Character that equals none of these, yet a reader of the bytes sees a line break or a split.
public struct CSVWriter: Sendable {
  /// The bytes written so far.
  public private(set) var bytes: [UInt8] = []
  private let separator: [UInt8]
  /// Bytes that make an ASCII-only check enough: the separator's when it is ASCII, and `"`, CR, LF.
  private let specials: [Bool]
  private let separatorScalars: [Unicode.Scalar]
  private let asciiSeparator: Bool
  /// The separator when it is one ASCII byte (0 otherwise): fields are then scanned eight bytes at a time.
  private let separatorByte: UInt8

  /// A writer for `separator` (`,` or `;` in practice), with room for about `capacity` bytes.
  public init(separator: Character = ",", capacity: Int = 0) {
    self.separator = Array(String(separator).utf8)
    separatorScalars = Array(separator.unicodeScalars)
    asciiSeparator = separator.unicodeScalars.allSatisfy(\.isASCII)
    separatorByte = asciiSeparator && self.separator.count == 1 ? self.separator[0] : 0
    var specials = [Bool](repeating: false, count: 128)
    for byte in [UInt8(ascii: "\""), 0x0A, 0x0D] { specials[Int(byte)] = true }
    if asciiSeparator { for scalar in separator.unicodeScalars { specials[Int(scalar.value)] = true } }
    self.specials = specials
    bytes.reserveCapacity(capacity)
  }

  /// Appends one record and its CRLF.
  public mutating func record(_ fields: [String]) {
    for (i, field) in fields.enumerated() {
      if i > 0 { separate() }
      self.field(field)
    }
    endRecord()
  }

  /// Appends one field, quoted when it needs it (the caller writes separators and line ends).
  public mutating func field(_ field: String) {
    var field = field
    // Asked apart from the writing, so the check does not copy the writer.
    let quoted = field.withUTF8 { needsQuotes($0) }
    field.withUTF8 { utf8 in
      if quoted {
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
          bytes.append(byte)
          if byte == UInt8(ascii: "\"") { bytes.append(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
      } else {
        bytes.append(contentsOf: utf8)
      }
    }
  }

  /// Appends the separator between two fields.
  public mutating func separate() {
    if separatorByte != 0 { bytes.append(separatorByte) } else { bytes.append(contentsOf: separator) }
  }

  /// Appends the end of a record.
  public mutating func endRecord() {
    bytes.append(0x0D)
    bytes.append(0x0A)
  }

  /// Whether any of eight bytes is `byte` (exact: no byte is missed).
  @inline(__always)
  private static func holds(_ word: UInt64, _ byte: UInt8) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let x = word ^ (ones &* UInt64(byte))
    return (x &- ones) & ~x & (ones << 7) != 0
  }

  private func needsQuotes(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    // An ASCII byte in UTF-8 is always the scalar of the same value, so a byte scan finds the ASCII
    // specials exactly; a separator with non-ASCII scalars is looked for scalar by scalar.
    var i = 0
    if separatorByte != 0 {
      let single = separatorByte
      // Eight bytes at a time while none is `"`, CR, LF or the separator.
      let raw = UnsafeRawBufferPointer(utf8)
      while i + 8 <= utf8.count {
        let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        if Self.holds(word, 0x22) || Self.holds(word, 0x0A) || Self.holds(word, 0x0D) || Self.holds(word, single) {
          break
        }
        i += 8
      }
    }
    while i < utf8.count {
      let byte = utf8[i]
      if byte < 0x80 && specials[Int(byte)] { return true }
      i += 1
    }
    guard !asciiSeparator else { return false }
    return String(decoding: utf8, as: UTF8.self).unicodeScalars.contains { separatorScalars.contains($0) }
  }
}
