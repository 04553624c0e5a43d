import ArgumentParser
import Foundation
import VeedorErrors
import VeedorSigning

/// `--key FILE` and the ways to give a passphrase.
struct KeyOptions: ParsableArguments {
  @Option(help: "Secret key file (default: $VEEDOR_KEY, else ~/.config/veedor/monitor.key).")
  var key: String?

  @Option(help: "Read the passphrase from the first line of this file (else $VEEDOR_PASSPHRASE, else a prompt).")
  var passphraseFile: String?

  /// The key file location.
  var url: URL { key.map { URL(fileURLWithPath: $0) } ?? KeyFile.defaultURL() }

  /// Where the passphrase comes from, as a field name for messages.
  var passphraseSource: String {
    if passphraseFile != nil { return "--passphrase-file" }
    return ProcessInfo.processInfo.environment["VEEDOR_PASSPHRASE"] != nil ? "VEEDOR_PASSPHRASE" : "passphrase"
  }

  /// The passphrase from the file, the environment, or a no-echo prompt (in the run's language).
  func passphrase(confirm: Bool = false) throws(SigningError) -> String {
    if let passphraseFile {
      guard let text = try? String(contentsOfFile: passphraseFile, encoding: .utf8) else {
        throw .io(
          path: passphraseFile,
          reason: Phrase(
            "cannot read the passphrase file", es: "no se puede leer el archivo de la frase de contraseña"))
      }
      return String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }
    if let value = ProcessInfo.processInfo.environment["VEEDOR_PASSPHRASE"] { return value }
    let prompt = Environment.spanish ? "Frase de contraseña para \(url.path): " : "Passphrase for \(url.path): "
    guard isatty(0) == 1, let first = getpass(prompt) else { throw .noPassphrase }
    let text = String(cString: first)
    if confirm {
      guard let again = getpass(Environment.spanish ? "Repítala: " : "Again: "), String(cString: again) == text else {
        throw .malformed(Phrase("the passphrases do not match", es: "las frases de contraseña no coinciden"))
      }
    }
    return text
  }

  /// Loads the key, asking for a passphrase only when the file is encrypted.
  func load() throws -> MonitorKey {
    try KeyFile.read(url) { () throws(SigningError) in try passphrase() }
  }
}

/// `veedor key`: the monitor's signing key.
struct KeyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "key", abstract: "Create and show the monitor's Ed25519 signing key.",
    subcommands: [Generate.self, Show.self, Export.self])

  /// `veedor key generate`.
  struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "generate", abstract: "Create a new Ed25519 key, encrypted with a passphrase.",
      discussion: """
        The key file is created with mode 0600 inside a 0700 folder and encrypted with
        scrypt + ChaCha20-Poly1305. The seed is never printed. The passphrase needs at least
        \(KeyFile.minimumPassphraseLength) characters; the e-mail must be a plain local@domain address.

        Example: VEEDOR_PASSPHRASE=… veedor key generate --name "Monitor Name" --email m@example.org
        """)
    @OptionGroup var keyOptions: KeyOptions
    @Option(help: "Your name as signer.") var name: String
    @Option(help: "Your e-mail address.") var email: String?
    @Flag(help: "Store the key without a passphrase (demos only; anyone who reads the file can sign as you).")
    var unencrypted = false
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    func run() throws {
      try SignerIdentity.checkName(name, field: "--name")
      if let email { try SignerIdentity.checkEmail(email, field: "--email") }
      let key = MonitorKey.generate(name: name, email: email, created: Int64(Environment.now().timeIntervalSince1970))
      if unencrypted {
        Output.note(
          "veedor: WARNING: writing an UNENCRYPTED key to \(keyOptions.url.path); anyone who can read it can sign as \(name)",
          es:
            "veedor: ADVERTENCIA: se escribe una clave SIN CIFRAR en \(keyOptions.url.path); cualquiera que pueda leerla puede firmar como \(name)"
        )
      }
      let passphrase = unencrypted ? nil : try keyOptions.passphrase(confirm: true)
      if let passphrase { try KeyFile.checkNewPassphrase(passphrase, field: keyOptions.passphraseSource) }
      try KeyFile.write(key, to: keyOptions.url, passphrase: passphrase)
      Output.line("Created \(keyOptions.url.path)", es: "Clave creada: \(keyOptions.url.path)")
      Output.line("public key: \(key.sshPublicKey)", es: "clave pública: \(key.sshPublicKey)")
      Output.line("fingerprint: \(key.sshFingerprint)", es: "huella: \(key.sshFingerprint)")
    }
  }

  /// `veedor key show`.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show", abstract: "Print the public key, its fingerprints and the checkpoint verifier key.",
      discussion: "Example: veedor key show -w work")
    @OptionGroup var keyOptions: KeyOptions
    @Option(name: [.short, .long], help: "Workspace whose ledger origin names the verifier key.")
    var workspace: String?
    @Flag(help: "Print JSON.") var json = false
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    /// Each field's name as printed, in the run's language (JSON keeps the English names).
    static let spanishNames = [
      "name": "nombre", "email": "correo", "public-key": "clave pública", "fingerprint": "huella",
      "ed25519-hex": "ed25519 (hex)", "verifier-key": "clave verificadora",
    ]

    func run() throws {
      let key = try keyOptions.load()
      var fields: [(String, String)] = [
        ("name", key.name), ("public-key", key.sshPublicKey), ("fingerprint", key.sshFingerprint),
        ("ed25519-hex", key.publicKey.map { String(format: "%02x", $0) }.joined()),
      ]
      if let email = key.email { fields.insert(("email", email), at: 1) }
      if let workspace {
        let origin = try WorkspaceOptions.parse(["-w", workspace]).open().config.origin
        fields.append(("verifier-key", try NoteKey(name: origin, publicKey: key.publicKey).description))
      }
      if json { return try Output.json(Dictionary(uniqueKeysWithValues: fields)) }
      for (name, value) in fields {
        Output.line("\(name): \(value)", es: "\(Self.spanishNames[name] ?? name): \(value)")
      }
    }
  }
}
