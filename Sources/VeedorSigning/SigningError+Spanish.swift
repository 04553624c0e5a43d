import VeedorErrors

extension SigningError: SpanishDescribable {
  /// The same one-line message in Spanish.
  public var spanishDescription: String {
    switch self {
    case .wrongPassphrase(let path):
      return "\(path): frase de contraseña incorrecta (no se pudo descifrar el archivo de clave)"
    case .unprotectedKeyFile(let path, let mode):
      return
        "\(path): ARCHIVO DE CLAVE SIN PROTEGER: los permisos \(String(mode, radix: 8)) permiten que otros lo lean; ejecute 'chmod 600 \(path)'"
    case .damagedKeyFile(let path, let reason):
      return "\(path): no es un archivo de clave utilizable (\(reason.es))"
    case .unsupportedKeyFile(let path, let field, let reason):
      return "\(path): campo '\(field)': \(reason.es)"
    case .missingKeyFile(let path):
      return "\(path): no hay archivo de clave; cree uno con 'veedor key generate --name NAME'"
    case .keyFileExists(let path):
      return "\(path): ya existe un archivo de clave; no se sobrescribirá"
    case .io(let path, let reason):
      return "\(path): \(reason.es)"
    case .malformed(let reason):
      return reason.es
    case .noPassphrase:
      return
        "no hay frase de contraseña: defina VEEDOR_PASSPHRASE, indique --passphrase-file FILE o ejecute en una terminal para que se le pida"
    case .badField(let field, let reason):
      return "campo '\(field)': \(reason.es)"
    }
  }
}
