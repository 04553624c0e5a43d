import VeedorErrors

/// One problem found in a rubric file, located by its JSON path.
public struct RubricProblem: Sendable, Hashable, CustomStringConvertible {
  /// JSON path such as `$.scales[2].levels[0].label.es`.
  public var path: String
  /// What is wrong there.
  public var message: String
  /// The same in Spanish.
  public var messageES: String

  /// Creates a problem report with its message in English and in Spanish.
  public init(path: String, message: String, es messageES: String) {
    self.path = path
    self.message = message
    self.messageES = messageES
  }

  /// `path: message`.
  public var description: String { "\(path): \(message)" }

  /// `path: mensaje`.
  public var spanishDescription: String { "\(path): \(messageES)" }
}

/// Errors raised by the rubric model.
public enum RubricError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The rubric file is not valid; every problem is listed.
  case invalid([RubricProblem])
  /// A score names a scale the rubric does not have.
  case unknownScale(String, valid: [String])
  /// A score names a level the scale does not have.
  case unknownLevel(String, scale: String, valid: [String])
  /// A score gives several levels on a single-choice scale, or combines an exclusive level.
  case badSelection(scale: String, reason: Phrase)

  /// A one-line, user-facing message.
  public var description: String { phrase.en }

  /// The message in English and Spanish.
  var phrase: Phrase {
    switch self {
    case .invalid(let problems):
      return Phrase(
        "invalid rubric: " + problems.map(\.description).joined(separator: "; "),
        es: "rúbrica no válida: " + problems.map(\.spanishDescription).joined(separator: "; "))
    case .unknownScale(let scale, let valid):
      return Phrase(
        "unknown scale '\(scale)' (valid: \(valid.joined(separator: ", ")))",
        es: "escala desconocida '\(scale)' (válidas: \(valid.joined(separator: ", ")))")
    case .unknownLevel(let level, let scale, let valid):
      return Phrase(
        "unknown level '\(level)' on scale '\(scale)' (valid: \(valid.joined(separator: ", ")))",
        es: "nivel desconocido '\(level)' en la escala '\(scale)' (válidos: \(valid.joined(separator: ", ")))")
    case .badSelection(let scale, let reason):
      return Phrase("scale '\(scale)': \(reason)", es: "escala '\(scale)': \(reason.es)")
    }
  }
}

extension RubricError: SpanishDescribable {
  /// The same one-line message in Spanish.
  public var spanishDescription: String { phrase.es }
}
