import Foundation
import VeedorErrors
import VeedorLedger
import VeedorSigning

extension TrustFile {
  /// The Ed25519 key and comment in a public key file: `monitor.pub` (`ssh-ed25519 BASE64 comment`),
  /// an `allowed_signers` file with one line, or a checkpoint `verifier.vkey`.
  public static func readPublicKey(_ url: URL) throws(VerifyError) -> (key: Data, comment: String) {
    guard let data = try? Data(contentsOf: url) else {
      throw VerifyError(
        .badInput, "cannot read the public key file", es: "no se puede leer el archivo de clave pública", file: url.path
      )
    }
    let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated().filter { _, line in
      let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      return !text.isEmpty && !text.hasPrefix("#")
    }
    guard lines.count == 1, let (index, line) = lines.first else {
      throw VerifyError(
        .badInput, "expected exactly one public key line, found \(lines.count)",
        es: "se esperaba exactamente una línea de clave pública; hay \(lines.count)", file: url.path, field: "key")
    }
    let asSigner = TrustLineParser(Array(line), line: index + 1, path: url.path).parse()
    if case .success(let entry?) = asSigner, let key = entry.publicKey {
      guard !entry.certAuthority else {
        throw VerifyError(
          .badInput, "a cert-authority key: Veedor does not support certificates",
          es: "una clave cert-authority: Veedor no admite certificados", file: url.path, line: index + 1,
          field: "options")
      }
      return (key, entry.isVerifierKey ? entry.principals : entry.comment)
    }
    // A bare public key line reads as an allowed_signers line with any principal in front of it.
    let asKey = TrustLineParser(Array("* ".utf8) + Array(line), line: index + 1, path: url.path).parse()
    if case .success(let entry?) = asKey, let key = entry.publicKey, entry.principals == "*" {
      return (key, entry.comment)
    }
    throw VerifyError(
      .badInput,
      "not an Ed25519 public key: expected 'ssh-ed25519 BASE64 comment' (monitor.pub), one allowed_signers line, "
        + "or a verifier key",
      es: "no es una clave pública Ed25519: se esperaba 'ssh-ed25519 BASE64 comentario' (monitor.pub), una línea de "
        + "allowed_signers, o una clave de verificación", file: url.path, line: index + 1, field: "key")
  }

  /// An `allowed_signers` line granting a key the given member codes (or patterns) for assessment reports.
  ///
  /// Example: `CLPLN,CLMPU namespaces="assessment-report@veedor" ssh-ed25519 AAAA… Monitor`.
  public static func line(
    members: [String], key: Data, comment: String = "", validAfter: String? = nil, validBefore: String? = nil
  ) throws(VerifyError) -> String {
    guard !members.isEmpty else {
      throw VerifyError(
        .badInput, "give at least one member code", es: "indique al menos un código de miembro", field: "member")
    }
    for member in members {
      guard !member.isEmpty, !member.hasPrefix("#"),
        !member.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0 == "," || $0 == "\"" })
      else {
        throw VerifyError(
          .badInput, "member \"\(member)\" must be a code or pattern without spaces, commas, quotes or a leading #",
          es: "el miembro \"\(member)\" debe ser un código o patrón sin espacios, comas, comillas ni # al comienzo",
          field: "member")
      }
    }
    guard key.count == 32 else {
      throw VerifyError(
        .badInput, "not a 32-byte Ed25519 key", es: "no es una clave Ed25519 de 32 bytes", field: "key")
    }
    var options = "namespaces=\"\(reportNamespace)\""
    for (name, value) in [("valid-after", validAfter), ("valid-before", validBefore)] {
      guard let value else { continue }
      guard Timestamp(value) != nil else {
        throw VerifyError(
          .badInput, "invalid time \"\(value)\" (expected YYYYMMDD[HHMM[SS]][Z])",
          es: "hora no válida \"\(value)\" (se esperaba YYYYMMDD[HHMM[SS]][Z])", field: name)
      }
      options += ",\(name)=\"\(value)\""
    }
    let note = comment.split(whereSeparator: \.isNewline).joined(separator: " ")
      .trimmingCharacters(in: .whitespaces)
    let text =
      members.joined(separator: ",") + " " + options + " ssh-ed25519 "
      + SSHWire.publicKeyBlob(key).base64EncodedString() + (note.isEmpty ? "" : " " + note)
    switch TrustLineParser(Array(text.utf8), line: 1, path: "").parse() {
    case .success(let entry?) where entry.usable: return text
    case .failure(let problem):
      throw VerifyError(.badInput, problem.message, es: problem.messageES, field: problem.field)
    default:
      throw VerifyError(
        .badInput, "the line would not be usable", es: "la línea no sería utilizable", field: "key")
    }
  }

  /// Appends a line to a trust file (creating it), atomically; refuses a malformed file or a line that
  /// repeats an existing one. Returns the new entry.
  @discardableResult
  public static func append(_ line: String, to url: URL) throws(VerifyError) -> Entry {
    var old = Data()
    if FileManager.default.fileExists(atPath: url.path) {
      guard let data = try? Data(contentsOf: url) else {
        throw VerifyError(
          .badInput, "cannot read the trust file", es: "no se puede leer el archivo de confianza", file: url.path)
      }
      old = data
    }
    let existing = TrustFile(parsing: old, path: url.path)
    if let problem = existing.problems.first {
      throw VerifyError(
        .badInput, "\(problem.message) (fix this line before adding keys)",
        es: "\(problem.messageES ?? problem.message) (corrija esta línea antes de agregar claves)", file: problem.file,
        line: problem.line, field: problem.field)
    }
    if !old.isEmpty && old.last != 0x0A { old.append(0x0A) }
    let updated = TrustFile(parsing: old + Data((line + "\n").utf8), path: url.path)
    guard updated.problems.isEmpty, let added = updated.entries.last, added.usable,
      updated.entries.count == existing.entries.count + 1
    else {
      throw VerifyError(
        .badInput, "not one usable allowed_signers line: \(line)",
        es: "no es una sola línea de allowed_signers utilizable: \(line)", file: url.path)
    }
    if let same = existing.entries.first(where: { $0.sameGrant(as: added) }) {
      throw VerifyError(
        .badInput, "already there: line \(same.line) grants this key the same principals and options",
        es: "ya está: la línea \(same.line) otorga a esta clave los mismos principales y opciones",
        file: url.path, line: same.line)
    }
    let mode = (try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? 0o644
    do {
      try POSIXFile.writeAtomically(old + Data((line + "\n").utf8), to: url, mode: mode_t(mode))
    } catch {
      throw VerifyError(.badInput, error.description, es: spanishText(error), file: url.path)
    }
    return added
  }
}
