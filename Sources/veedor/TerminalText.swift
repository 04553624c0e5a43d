/// A line for the terminal: the literal parts as written, every interpolated value escaped by `Terminal.escape`.
///
/// `Output.line("\(e.id)  \(e.title)")` can never print a control character that came from data.
struct TerminalText: ExpressibleByStringInterpolation, CustomStringConvertible, Sendable {
  /// The text, already safe to print.
  let description: String

  /// A literal, printed as written.
  init(stringLiteral value: String) {
    description = value
  }

  /// Literal parts as written, values escaped.
  init(stringInterpolation: Interpolation) {
    description = stringInterpolation.text
  }

  /// Text that is known to be safe already (escaped, or written by Veedor itself).
  init(escaped text: String) {
    description = text
  }

  /// Builds a `TerminalText` from a string literal with interpolations.
  struct Interpolation: StringInterpolationProtocol {
    /// What has been built so far.
    var text = ""

    /// Reserves room for the literal parts.
    init(literalCapacity: Int, interpolationCount: Int) {
      text.reserveCapacity(literalCapacity + 16 * interpolationCount)
    }

    /// A literal part, as written.
    mutating func appendLiteral(_ literal: String) {
      text += literal
    }

    /// A value from data: escaped.
    mutating func appendInterpolation<Value>(_ value: Value) {
      text += Terminal.escape(String(describing: value))
    }

    /// Text that is already safe: as it is.
    mutating func appendInterpolation(_ value: TerminalText) {
      text += value.description
    }
  }
}
