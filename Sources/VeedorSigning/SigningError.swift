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
  public var description: String {
    switch self {
    case .wrongPassphrase(let path):
      return "\(path): wrong passphrase (the key file could not be decrypted)"
    case .unprotectedKeyFile(let path, let mode):
      return
        "\(path): UNPROTECTED KEY FILE: permissions \(String(mode, radix: 8)) let others read it; run 'chmod 600 \(path)'"
    case .damagedKeyFile(let path, let reason):
      return "\(path): not a usable key file (\(reason))"
    case .unsupportedKeyFile(let path, let field, let reason):
      return "\(path): field '\(field)': \(reason)"
    case .missingKeyFile(let path):
      return "\(path): no key file; create one with 'veedor key generate --name NAME'"
    case .keyFileExists(let path):
      return "\(path): a key file already exists; refusing to overwrite it"
    case .io(let path, let reason):
      return "\(path): \(reason)"
    case .malformed(let reason):
      return reason.en
    case .noPassphrase:
      return
        "no passphrase: set VEEDOR_PASSPHRASE, pass --passphrase-file FILE, or run on a terminal to be asked"
    case .badField(let field, let reason):
      return "field '\(field)': \(reason)"
    }
  }
}
