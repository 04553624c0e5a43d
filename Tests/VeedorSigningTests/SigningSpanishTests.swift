import Foundation
import Testing
import VeedorSigning
import VeedorTestSupport

@Suite("Signing errors in Spanish")
struct SigningSpanishTests {
  /// A new key file under a fresh folder.
  func newKeyFile(passphrase: String?) throws -> URL {
    let url = TestSupport.temporaryFolder().appendingPathComponent("keys/monitor.key")
    let key = MonitorKey.generate(name: "Test Monitor", email: "m@example.org", created: 1_700_000_000)
    try KeyFile.write(key, to: url, passphrase: passphrase, cost: .testing)
    return url
  }

  /// The signing error a call throws.
  func refusal(_ body: () throws -> Void) -> SigningError? {
    do { try body() } catch let error as SigningError { return error } catch { return nil }
    return nil
  }

  @Test("a wrong passphrase: the key file is named, the words are Spanish")
  func wrongPassphrase() throws {
    let url = try newKeyFile(passphrase: "right horse")
    let error = try #require(refusal { _ = try KeyFile.read(url) { "wrong" } })
    #expect(error.description == "\(url.path): wrong passphrase (the key file could not be decrypted)")
    #expect(
      error.spanishDescription
        == "\(url.path): frase de contraseña incorrecta (no se pudo descifrar el archivo de clave)")
  }

  @Test("a missing, an unprotected and a damaged key file are said in Spanish with the same path and values")
  func keyFiles() throws {
    let url = try newKeyFile(passphrase: nil)
    let missing = try #require(refusal { _ = try KeyFile.read(url.appendingPathExtension("none")) { "" } })
    #expect(
      missing.spanishDescription.hasSuffix(
        "monitor.key.none: no hay archivo de clave; cree uno con 'veedor key generate --name NAME'"))
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
    let open = try #require(refusal { _ = try KeyFile.read(url) { "" } })
    #expect(open.description.contains("permissions 644") && open.spanishDescription.contains("los permisos 644"))
    #expect(open.spanishDescription.hasSuffix("ejecute 'chmod 600 \(url.path)'"))
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    try Data("{\"format\":\"other/9\"}".utf8).write(to: url)
    let damaged = try #require(refusal { _ = try KeyFile.read(url) { "" } })
    #expect(damaged.description.hasSuffix("not a usable key file (truncated or not a Veedor key file)"))
    #expect(
      damaged.spanishDescription
        == "\(url.path): no es un archivo de clave utilizable (truncado o no es un archivo de clave de Veedor)")
    let exists = try #require(
      refusal {
        try KeyFile.write(
          MonitorKey.generate(name: "T", created: 0), to: url, passphrase: nil, cost: .testing)
      })
    #expect(exists.spanishDescription == "\(url.path): ya existe un archivo de clave; no se sobrescribirá")
  }

  @Test("a new key's name, e-mail and passphrase are refused in Spanish, the field kept")
  func badFields() throws {
    let email = try #require(refusal { try SignerIdentity.checkEmail("a;b@example.org") })
    #expect(email.description.hasPrefix("field 'email': character ';' (U+003B) is not allowed before the '@'"))
    #expect(
      email.spanishDescription.hasPrefix("campo 'email': el carácter ';' (U+003B) no está permitido antes de la '@'"))
    let name = try #require(refusal { try SignerIdentity.checkName("  ") })
    #expect(name.spanishDescription == "campo 'name': el nombre está vacío")
    let short = try #require(refusal { try KeyFile.checkNewPassphrase("abc", field: "VEEDOR_PASSPHRASE") })
    #expect(
      short.spanishDescription
        == "campo 'VEEDOR_PASSPHRASE': la frase de contraseña tiene 3 caracteres; use al menos 8, o --unencrypted para una clave de demostración"
    )
  }

  @Test("a malformed signed note or verifier key is said in Spanish")
  func malformed() throws {
    let note = try #require(refusal { _ = try SignedNote(parsing: "text without signatures\n") })
    #expect(note.description == "not a signed note (no blank line before the signatures)")
    #expect(note.spanishDescription == "no es una nota firmada (no hay una línea en blanco antes de las firmas)")
    let vkey = try #require(refusal { _ = try NoteKey(text: "nonsense") })
    #expect(vkey.spanishDescription.hasPrefix("no es una clave de verificación (se esperaba NAME+KEYID+BASE64"))
    #expect(
      SigningError.noPassphrase.spanishDescription.contains("defina VEEDOR_PASSPHRASE, indique --passphrase-file FILE"))
  }

  @Test("a key file whose folder cannot be made: the system's reason in Spanish")
  func systemReason() throws {
    let blocker = TestSupport.temporaryFolder().appendingPathComponent("file")
    try Data().write(to: blocker)
    let url = blocker.appendingPathComponent("keys/monitor.key")
    let error = try #require(
      refusal {
        try KeyFile.write(MonitorKey.generate(name: "T", created: 0), to: url, passphrase: nil, cost: .testing)
      })
    #expect(error.description.contains(": cannot create: "))
    #expect(error.spanishDescription.contains(": no se puede crear: "))
    // Foundation names no errno here: its own words, the sentence in Spanish.
    #expect(
      error.spanishDescription.hasSuffix(": no se puede crear: no es una carpeta")
        || error.spanishDescription.contains(": no se puede crear: No se pudo completar la operación."))
    #expect(error.spanishDescription.hasPrefix(url.deletingLastPathComponent().path))
  }
}
