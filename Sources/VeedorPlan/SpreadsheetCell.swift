/// CSV cells made safe for spreadsheets: a cell a spreadsheet would run as a formula is written
/// with a leading `'`, and reading the CSV back removes it, so the round trip is exact.
///
/// A cell is neutralised when it starts with `=`, `+`, `-`, `@`, a tab or a carriage return and is
/// not a plain number, or when it starts with `'` (so a real leading quote survives the round trip).
public enum SpreadsheetCell {
  static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

  /// The cell as written to a CSV meant for spreadsheets.
  public static func neutralized(_ cell: String) -> String { needsGuard(cell) ? "'" + cell : cell }

  /// The cell as it was before ``neutralized(_:)``.
  public static func restored(_ cell: String) -> String {
    guard cell.hasPrefix("'") else { return cell }
    let rest = String(cell.dropFirst())
    return needsGuard(rest) ? rest : cell
  }

  static func needsGuard(_ cell: String) -> Bool {
    // Most cells start with a byte no trigger starts with: no need to find the first Character.
    switch cell.utf8.first {
    case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D, UInt8(ascii: "'"):
      break
    default: return false
    }
    guard let first = cell.first else { return false }
    if first == "'" { return true }
    return triggers.contains(first) && !isPlainNumber(cell)
  }

  /// `-3`, `+2.5`, `10`: numbers a spreadsheet reads as numbers, not formulas.
  static func isPlainNumber(_ cell: String) -> Bool {
    cell.range(of: #"^[+-]?[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil
  }
}
