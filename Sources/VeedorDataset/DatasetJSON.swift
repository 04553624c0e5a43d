import VeedorJSON

/// Writes `commitments.json` (schema `ogp-sheet-2024-07+x3`) straight to bytes: the dataset of an
/// import of many reports is tens of thousands of rows, and a generic encoder dominated its cost.
///
/// The layout: the four keys in sorted order, two spaces per level, `"key" : value`; `columns` one
/// name per line; `rows` one row per line, each an array of the row's cells in column order with
/// `null` where the row lacks the column. In strings `"` and `\` are escaped, U+0008, U+0009,
/// U+000A, U+000C and U+000D as `\b`, `\t`, `\n`, `\f`, `\r`, the other controls below U+0020 as
/// `\u00xx` (lower-case hex), and everything else verbatim as UTF-8.
struct DatasetJSON {
  /// The bytes written so far.
  private(set) var bytes: [UInt8] = []

  /// The dataset document: `columns`, `rows`, `schema_version` and `source`, in that (sorted) order,
  /// followed by a newline.
  static func document(source: String, schemaVersion: String, cells: DatasetCells) -> [UInt8] {
    let (columns, rows) = (cells.headers, cells.rows)
    var writer = DatasetJSON()
    writer.bytes.reserveCapacity(256 + columns.count * 48 + rows.count * (columns.count * 12 + 8))
    writer.raw("{\n  \"columns\" : ")
    writer.array(columns, indent: 1)
    writer.raw(",\n  \"rows\" : ")
    if rows.isEmpty {
      writer.raw("[\n\n  ]")
    } else {
      writer.raw("[\n")
      for (i, row) in rows.enumerated() {
        if i > 0 { writer.raw(",\n") }
        writer.raw("    [")
        for j in columns.indices {
          if j > 0 { writer.bytes.append(UInt8(ascii: ",")) }
          if let cell = cells.cell(row, j) { writer.string(cell) } else { writer.raw("null") }
        }
        writer.bytes.append(UInt8(ascii: "]"))
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

  /// A JSON string, escaped as described above.
  private mutating func string(_ text: String) { JSONString.append(text, to: &bytes) }
}
