import Foundation

/// Spanish for the messages Foundation's JSON decoder writes into a `DecodingError` (`debugDescription`).
public enum DecodingWords {
  /// The Spanish of a decoder message; the message as it is when its form is not known.
  public static func spanish(_ english: String) -> String {
    if let found = match(english, #"^Expected to decode (.+) but found (.+) instead\.?$"#) {
      return "se esperaba \(found[0]) pero se encontró \(kind(found[1]))"
    }
    if let found = match(english, #"^Expected (.+) value but found null instead\.?$"#) {
      return "se esperaba un valor \(found[0]) pero se encontró null"
    }
    if english.hasPrefix("Cannot get") && english.contains("found null value instead") {
      return "se esperaba un valor pero se encontró null"
    }
    if let found = match(english, #"^Parsed JSON number <?(.+?)>? does not fit in (.+?)\.?$"#) {
      return "el número JSON \(found[0]) no cabe en \(found[1])"
    }
    if english.hasPrefix("The given data was not valid JSON") { return "los datos no son JSON válido" }
    if let found = match(english, #"^'(.*)' is not a date \(YYYY-MM-DD, YYYY-MM or YYYY\)$"#) {
      return "'\(found[0])' no es una fecha (YYYY-MM-DD, YYYY-MM o YYYY)"
    }
    return english
  }

  /// A JSON value's kind, as the decoder names it, in Spanish.
  private static func kind(_ english: String) -> String {
    switch english {
    case "a string", "string": return "un texto"
    case "a number", "number": return "un número"
    case "an array", "array": return "una lista"
    case "a dictionary", "an object", "dictionary", "object": return "un objeto"
    case "a bool", "bool", "a boolean", "boolean": return "un valor true o false"
    case "null", "a null value": return "null"
    default: return english
    }
  }

  /// The captured groups when the whole text matches the pattern.
  private static func match(_ text: String, _ pattern: String) -> [String]? {
    guard let regex = try? NSRegularExpression(pattern: pattern),
      let hit = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
    else { return nil }
    return (1..<hit.numberOfRanges).compactMap { Range(hit.range(at: $0), in: text).map { String(text[$0]) } }
  }
}
