import VeedorErrors

/// Errors raised by keys, key files and signature formats.
public enum SigningError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The passphrase does not open the key file.
  case wrongPassphrase(path: String)
  /// The key file is readable by group or others.
  case unprotectedKeyFile(path: String, mode: UInt16)
  /// The key file is truncated, damaged or of an unknown format.
  case damagedKeyFile(path: String, reason: Phrase)
  /// A key file asking for something Veedor never writes, such as a costlier scrypt; refused before any work.
  case unsupportedKeyFile(path: String, field: String, reason: Phrase)
  /// No key file where one was expected.
  case missingKeyFile(path: String)
  /// A key file already exists and would be overwritten.
  case keyFileExists(path: String)
  /// A file could not be written or read.
  case io(path: String, reason: Phrase)
  /// A verifier key or signed note that cannot be parsed.
  case malformed(Phrase)
  /// No passphrase could be obtained.
  case noPassphrase
  /// A value given for a new key (name, e-mail address, passphrase) that cannot be used; `field` names it.
  case badField(field: String, reason: Phrase)

  /// Whether this is the user's input (a wrong passphrase included) rather than a failed check.
  public var isBadInput: Bool {
    switch self {
    case .malformed, .noPassphrase, .wrongPassphrase, .keyFileExists, .missingKeyFile, .badField, .unsupportedKeyFile:
      return true
    default: return false
    }
  }

  /// The exit status a command should end with: 2 for bad input, 1 for a failed check.
  public var exitStatus: Int32 { isBadInput ? 2 : 1 }

  /// A one-line, user-facing message.
  public var description: String { phrase.en }

  /// The message in English and Spanish.
  var phrase: Phrase {
    switch self {
    case .wrongPassphrase(let path):
      return Phrase(
        "\(path): wrong passphrase (the key file could not be decrypted)",
        es: "\(path): frase de contraseña incorrecta (no se pudo descifrar el archivo de clave)")
    case .unprotectedKeyFile(let path, let mode):
      return Phrase(
        "\(path): UNPROTECTED KEY FILE: permissions \(String(mode, radix: 8)) let others read it; run 'chmod 600 \(path)'",
        es:
          "\(path): ARCHIVO DE CLAVE SIN PROTEGER: los permisos \(String(mode, radix: 8)) permiten que otros lo lean; ejecute 'chmod 600 \(path)'"
      )
    case .damagedKeyFile(let path, let reason):
      return Phrase(
        "\(path): not a usable key file (\(reason))",
        es: "\(path): no es un archivo de clave utilizable (\(reason.es))")
    case .unsupportedKeyFile(let path, let field, let reason):
      return Phrase(
        "\(path): field '\(field)': \(reason)",
        es: "\(path): campo '\(field)': \(reason.es)")
    case .missingKeyFile(let path):
      return Phrase(
        "\(path): no key file; create one with 'veedor key generate --name NAME'",
        es: "\(path): no hay archivo de clave; cree uno con 'veedor key generate --name NAME'")
    case .keyFileExists(let path):
      return Phrase(
        "\(path): a key file already exists; refusing to overwrite it",
        es: "\(path): ya existe un archivo de clave; no se sobrescribirá")
    case .io(let path, let reason):
      return Phrase(
        "\(path): \(reason)",
        es: "\(path): \(reason.es)")
    case .malformed(let reason):
      return Phrase(
        reason.en,
        es: reason.es)
    case .noPassphrase:
      return Phrase(
        "no passphrase: set VEEDOR_PASSPHRASE, pass --passphrase-file FILE, or run on a terminal to be asked",
        es:
          "no hay frase de contraseña: defina VEEDOR_PASSPHRASE, indique --passphrase-file FILE o ejecute en una terminal para que se le pida"
      )
    case .badField(let field, let reason):
      return Phrase(
        "field '\(field)': \(reason)",
        es: "campo '\(field)': \(reason.es)")
    }
  }
}

extension SigningError: SpanishDescribable {
  /// The same one-line message in Spanish.
  public var spanishDescription: String { phrase.es }
}
