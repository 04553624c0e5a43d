/// Writes `commitments.json` byte for byte as `JSONEncoder` with `.prettyPrinted`, `.sortedKeys` and
/// `.withoutEscapingSlashes` would, without building a tree of boxed values first: the dataset of an
/// import of many reports is tens of megabytes of strings, and the generic encoder dominated its cost.
///
/// The layout it reproduces: two spaces per level, `"key" : value`, keys sorted by their UTF-8 bytes,
/// an empty array or object written as its brackets around an empty line; in strings `"` and `\` are
/// escaped, U+0008, U+0009, U+000A, U+000C and U+000D as `\b`, `\t`, `\n`, `\f`, `\r`, the other
/// controls below U+0020 as `\u00xx` (lower-case hex), and everything else verbatim as UTF-8.
struct DatasetJSON {
  /// The bytes written so far.
  private(set) var bytes: [UInt8] = []

  /// Hex digits, lower case, as the encoder writes `\u00xx`.
  private static let hex = Array("0123456789abcdef".utf8)

  /// The dataset document: `columns`, `rows`, `schema_version` and `source`, in that (sorted) order,
  /// followed by a newline.
  static func document(source: String, schemaVersion: String, columns: [String], rows: [[String: String]]) -> [UInt8] {
    var writer = DatasetJSON()
    writer.bytes.reserveCapacity(Self.estimate(columns: columns, rows: rows))
    writer.raw("{\n  \"columns\" : ")
    writer.array(columns, indent: 1)
    writer.raw(",\n  \"rows\" : ")
    // Every row's keys are among the columns: sorting the columns once sorts every row.
    let sortedColumns = columns.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    if rows.isEmpty {
      writer.raw("[\n\n  ]")
    } else {
      writer.raw("[\n")
      for (i, row) in rows.enumerated() {
        if i > 0 { writer.raw(",\n") }
        writer.raw("    ")
        writer.object(row, keys: sortedColumns, indent: 2)
      }
      writer.raw("\n  ]")
    }
    writer.raw(",\n  \"schema_version\" : ")
    writer.string(schemaVersion)
    writer.raw(",\n  \"source\" : ")
    writer.string(source)
    writer.raw("\n}\n")
    return writer.bytes
  }

  /// A rough size of the document, so the buffer grows rarely.
  private static func estimate(columns: [String], rows: [[String: String]]) -> Int {
    let perRow = rows.first.map { $0.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count + 16 } } ?? 0
    return 256 + columns.count * 48 + rows.count * (perRow + 16)
  }

  /// Appends ASCII text as it is.
  private mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Appends two spaces per level.
  private mutating func indentation(_ level: Int) {
    for _ in 0..<level { bytes.append(0x20); bytes.append(0x20) }
  }

  /// An array of strings whose opening bracket is already at `indent` levels.
  private mutating func array(_ items: [String], indent: Int) {
    bytes.append(UInt8(ascii: "["))
    bytes.append(0x0A)
    if items.isEmpty { bytes.append(0x0A) }
    for (i, item) in items.enumerated() {
      if i > 0 { raw(",\n") }
      indentation(indent + 1)
      string(item)
    }
    if !items.isEmpty { bytes.append(0x0A) }
    indentation(indent)
    bytes.append(UInt8(ascii: "]"))
  }

  /// An object of strings, keys sorted by their UTF-8 bytes, whose opening brace is at `indent` levels;
  /// `keys` is a sorted list that usually holds every key of the row (else the row's own are sorted).
  private mutating func object(_ row: [String: String], keys sorted: [String], indent: Int) {
    bytes.append(UInt8(ascii: "{"))
    bytes.append(0x0A)
    if row.isEmpty { bytes.append(0x0A) }
    var pairs: [(String, String)] = []
    pairs.reserveCapacity(row.count)
    for key in sorted { if let value = row[key] { pairs.append((key, value)) } }
    if pairs.count != row.count {
      pairs = row.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, $0.value) }
    }
    for (i, (key, value)) in pairs.enumerated() {
      if i > 0 { raw(",\n") }
      indentation(indent + 1)
      string(key)
      raw(" : ")
      string(value)
    }
    if !row.isEmpty { bytes.append(0x0A) }
    indentation(indent)
    bytes.append(UInt8(ascii: "}"))
  }

  /// A JSON string, escaped as the encoder escapes it.
  private mutating func string(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): raw("\\\"")
      case UInt8(ascii: "\\"): raw("\\\\")
      case 0x08: raw("\\b")
      case 0x09: raw("\\t")
      case 0x0A: raw("\\n")
      case 0x0C: raw("\\f")
      case 0x0D: raw("\\r")
      case 0x00..<0x20:
        raw("\\u00")
        bytes.append(Self.hex[Int(byte >> 4)])
        bytes.append(Self.hex[Int(byte & 0x0F)])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
