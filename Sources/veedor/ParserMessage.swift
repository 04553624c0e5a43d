import Foundation

/// ArgumentParser's own error messages (missing argument, unknown option, invalid value…) in Spanish.
///
/// ArgumentParser writes them in English only; they are recognised by their fixed English wording and
/// said again in Spanish, with every name and value the user typed kept as it was. A message not
/// recognised stays in English. `--help` itself stays in English: it is ArgumentParser's rendering
/// of each command's help texts, which are written once, in English.
enum ParserMessage {
  /// `english` (one line, as `Veedor.message(for:)` gives it with line breaks made spaces) in Spanish.
  static func spanish(_ english: String) -> String {
    if let match = english.wholeMatch(of: #/Missing expected argument '(.*)'/#) {
      return "falta el argumento '\(match.1)'"
    }
    if let match = english.wholeMatch(of: #/Missing one of: (.*)/#) { return "falta uno de: \(match.1)" }
    if let match = english.wholeMatch(
      of: #/(Unknown option '[^']*'(?:\. Did you mean '[^']*'\?)?)\s+or: (.*) in '(.*)'/#)
    {
      return "\(spanish(String(match.1))), o bien \(spanish(String(match.2))) en '\(match.3)'"
    }
    if let match = english.wholeMatch(of: #/Missing value for '(.*)'/#) { return "falta el valor de '\(match.1)'" }
    if let match = english.wholeMatch(of: #/Unknown option '([^']*)'\. Did you mean '([^']*)'\?/#) {
      return "opción desconocida '\(match.1)'; ¿quiso decir '\(match.2)'?"
    }
    if let match = english.wholeMatch(of: #/Unknown option '(.*)'/#) { return "opción desconocida '\(match.1)'" }
    if let match = english.wholeMatch(of: #/The option '([^']*)' does not take any value, but '(.*)' was specified\./#)
    {
      return "la opción '\(match.1)' no lleva valor, pero se indicó '\(match.2)'"
    }
    if let match = english.wholeMatch(of: #/Unexpected argument '(.*)'/#) { return "argumento inesperado '\(match.1)'" }
    if let match = english.wholeMatch(of: #/(\d+) unexpected arguments: (.*)/#) {
      return "\(match.1) argumentos inesperados: \(match.2)"
    }
    if let match = english.wholeMatch(of: #/The value '(.*)' is invalid for '([^']*)'(.*)/#) {
      return "el valor '\(match.1)' no es válido para '\(match.2)'\(validValues(String(match.3)))"
    }
    if let match = english.wholeMatch(of: #/The value '(.*)' is invalid\.(.*)/#) {
      return "el valor '\(match.1)' no es válido\(validValues(String(match.2)))"
    }
    if let match = english.wholeMatch(of: #/Value to be set with (.*) had already been set with (.*)/#) {
      return "\(given(String(match.1))) no puede usarse junto con \(given(String(match.2)))"
    }
    if let match = english.wholeMatch(of: #/Invalid option: (.*)/#) { return "opción no válida: \(match.1)" }
    if english == "Missing required subcommand." { return "falta el subcomando" }
    return english
  }

  /// The list of accepted values after an invalid one (`. Please provide one of 'a', 'b' or 'c'.`);
  /// any other ending (a value type's own explanation) as it is.
  private static func validValues(_ tail: String) -> String {
    if let match = tail.wholeMatch(of: #/\. Please provide one of the following:(.*)/#) {
      // One value a line, each after "  - ", the line breaks already made spaces.
      let values = match.1.components(separatedBy: "  - ").map { $0.trimmingCharacters(in: .whitespaces) }
      return ". Indique uno de estos: \(values.filter { !$0.isEmpty }.joined(separator: ", "))"
    }
    if let match = tail.wholeMatch(of: #/\. Please provide one of ('[^']*'(?:, '[^']*')*) (?:or|and) ('[^']*')\./#) {
      return ". Indique uno de estos: \(match.1) o \(match.2)"
    }
    if let match = tail.wholeMatch(of: #/\. Please provide one of ('[^']*')\./#) { return ". Indique \(match.1)" }
    return tail
  }

  /// `flag '--x'` or `flag 'a' in '-ab'`, as ArgumentParser names where a value was given, in Spanish.
  private static func given(_ place: String) -> String {
    if let match = place.wholeMatch(of: #/flag ('[^']*') in ('[^']*')/#) { return "la opción \(match.1) en \(match.2)" }
    if let match = place.wholeMatch(of: #/flag (.*)/#) { return "la opción \(match.1)" }
    if let match = place.wholeMatch(of: #/position (.*)/#) { return "la posición \(match.1)" }
    return place
  }
}
