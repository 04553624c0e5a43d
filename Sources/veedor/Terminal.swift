/// Makes data safe to show on a terminal: control characters become visible text.
enum Terminal {
  /// `text` with every C0 control (newlines too), DEL and C1 control written as `\n`, `\t`, `\r` or `\u{1B}`.
  static func escape(_ text: String) -> String {
    escape(text, keepingNewlines: false)
  }

  /// Like `escape(_:)`, but line feeds stay: for blocks of several lines, such as a signed note.
  static func escape(_ text: String, keepingNewlines: Bool) -> String {
    guard text.unicodeScalars.contains(where: { isControl($0) }) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      guard isControl(scalar), !(keepingNewlines && scalar == "\n") else {
        out.append(scalar)
        continue
      }
      let visible: String
      switch scalar {
      case "\n": visible = "\\n"
      case "\r": visible = "\\r"
      case "\t": visible = "\\t"
      default: visible = "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      }
      out.append(contentsOf: visible.unicodeScalars)
    }
    return String(out)
  }

  /// C0 controls (U+0000–U+001F), DEL (U+007F), C1 controls (U+0080–U+009F), and the bidirectional
  /// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that reorder what a terminal shows.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
      || (0x2066...0x2069).contains(scalar.value)
  }
}
