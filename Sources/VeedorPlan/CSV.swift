import Foundation

/// RFC 4180 CSV: quoted fields, doubled quotes, multi-line cells, CRLF or LF.
public enum CSV {
  /// One parsed record and the 1-based line it starts on.
  public struct Row: Sendable, Hashable {
    /// Line of the file where the record starts.
    public var line: Int
    /// The record's fields.
    public var fields: [String]
  }

  /// Parses CSV bytes, refusing invalid UTF-8 and unterminated quotes with the line they are on;
  /// `separator` is `,` or, for files from spreadsheets set to a Spanish locale, `;`.
  public static func parse(_ data: Data, file: String, separator: Unicode.Scalar = ",") throws(PlanError) -> [Row] {
    var body = data
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    guard let text = String(data: body, encoding: .utf8) else {
      throw PlanError(
        .badInput, "not valid UTF-8 text", es: "no es texto UTF-8 válido", file: file, line: invalidUTF8Line(body))
    }
    var rows: [Row] = []
    var fields: [String] = []
    var field = ""
    var line = 1
    var rowLine = 1
    var quoted = false
    var quoteLine = 1
    var atFieldStart = true
    var iterator = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    func endRecord() {
      fields.append(field)
      if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowLine, fields: fields)) }
      fields = []
      field = ""
      atFieldStart = true
    }
    while let c = pending ?? iterator.next() {
      pending = nil
      if quoted {
        if c == "\"" {
          let next = iterator.next()
          if next == "\"" {
            field.unicodeScalars.append("\"")
          } else {
            quoted = false
            pending = next
          }
        } else {
          if c == "\n" { line += 1 }
          field.unicodeScalars.append(c)
        }
        continue
      }
      switch c {
      case "\"" where atFieldStart:
        quoted = true
        quoteLine = line
        atFieldStart = false
      case separator:
        fields.append(field)
        field = ""
        atFieldStart = true
      case "\r":
        let next = iterator.next()
        if next != "\n" { pending = next }
        endRecord()
        line += 1
        rowLine = line
      case "\n":
        endRecord()
        line += 1
        rowLine = line
      default:
        field.unicodeScalars.append(c)
        atFieldStart = false
      }
    }
    if quoted {
      throw PlanError(
        .badInput, "a quoted field is never closed", es: "un campo entre comillas nunca se cierra", file: file,
        line: quoteLine)
    }
    if !field.isEmpty || !fields.isEmpty { endRecord() }
    return rows
  }

  /// The 1-based line holding the first byte sequence that is not UTF-8.
  static func invalidUTF8Line(_ data: Data) -> Int {
    var line = 1
    for chunk in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
      if String(data: Data(chunk), encoding: .utf8) == nil { return line }
      line += 1
    }
    return line
  }

  /// Writes records as CSV with CRLF line ends, quoting fields that need it.
  public static func encode(_ rows: [[String]], separator: Character = ",") -> String {
    var writer = CSVWriter(separator: separator)
    for row in rows { writer.record(row) }
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  /// The separator a spreadsheet used: `;` when the first line has more semicolons than commas
  /// outside quotes (Spanish-locale spreadsheets), else `,`.
  public static func separator(of data: Data) -> Unicode.Scalar {
    var commas = 0
    var semicolons = 0
    var quoted = false
    for byte in data.prefix(64 * 1024) {
      if byte == 0x22 { quoted.toggle() }
      if quoted { continue }
      if byte == 0x0A { break }
      if byte == 0x2C { commas += 1 }
      if byte == 0x3B { semicolons += 1 }
    }
    return semicolons > commas ? ";" : ","
  }
}
