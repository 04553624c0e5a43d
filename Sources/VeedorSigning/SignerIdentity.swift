import VeedorErrors

/// The name and e-mail a key is made for: they become allowed_signers principals and words of shell commands.
public enum SignerIdentity {
  /// Longest accepted e-mail address (RFC 5321's path limit).
  public static let maximumEmailLength = 254

  /// Refuses an address that is not a plain `local@domain`: one `@`, letters, digits and `._%+-` before it, letters,
  /// digits, `.` and `-` after it; no whitespace, quotes, `;`, `$`, backticks, commas or control characters.
  public static func checkEmail(_ email: String, field: String = "email") throws(SigningError) {
    let refuse = { (en: String, es: String) -> SigningError in .badField(field: field, reason: Phrase(en, es: es)) }
    guard !email.isEmpty, email.utf8.count <= maximumEmailLength else {
      throw refuse(
        "an e-mail address must have 1 to \(maximumEmailLength) bytes",
        "una dirección de correo electrónico debe tener de 1 a \(maximumEmailLength) bytes")
    }
    let parts = email.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
      throw refuse("not a plain local@domain address", "no es una dirección simple local@dominio")
    }
    if let bad = parts[0].unicodeScalars.first(where: { !isWord($0) && !"._%+-".unicodeScalars.contains($0) }) {
      throw refuse(
        "character \(shown(bad)) is not allowed before the '@' (use letters, digits and . _ % + -)",
        "el carácter \(shown(bad)) no está permitido antes de la '@' (use letras, dígitos y . _ % + -)")
    }
    if let bad = parts[1].unicodeScalars.first(where: { !isWord($0) && $0 != "." && $0 != "-" }) {
      throw refuse(
        "character \(shown(bad)) is not allowed in the domain (use letters, digits, . and -)",
        "el carácter \(shown(bad)) no está permitido en el dominio (use letras, dígitos, . y -)")
    }
    let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
    guard labels.allSatisfy({ !$0.isEmpty && $0.first != "-" && $0.last != "-" }) else {
      throw refuse(
        "the domain '\(parts[1])' has an empty label or one that starts or ends with '-'",
        "el dominio '\(parts[1])' tiene una etiqueta vacía o una que empieza o termina con '-'")
    }
  }

  /// Refuses an empty name, or one holding control characters, line feeds or Unicode line separators.
  public static func checkName(_ name: String, field: String = "name") throws(SigningError) {
    guard name.contains(where: { !$0.isWhitespace }) else {
      throw .badField(field: field, reason: Phrase("the name is empty", es: "el nombre está vacío"))
    }
    if let bad = name.unicodeScalars.first(where: isControl) {
      throw .badField(
        field: field,
        reason: Phrase(
          "control character \(shown(bad)) is not allowed in a name",
          es: "el carácter de control \(shown(bad)) no está permitido en un nombre"))
    }
  }

  /// C0 controls, DEL, C1 controls and the Unicode line and paragraph separators.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
  }

  /// An ASCII letter or digit, or a letter or digit of another script.
  static func isWord(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII
      ? (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
      : (scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal)
  }

  /// A character as `U+XXXX`, so the message itself stays one clean line.
  static func shown(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    return scalar.value < 0x7F && scalar.value >= 0x21 ? "'\(Character(scalar))' (\(code))" : code
  }
}
