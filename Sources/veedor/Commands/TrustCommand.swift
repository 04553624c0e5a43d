import ArgumentParser
import Foundation
import VeedorVerify

/// `veedor trust`: the trust file (OpenSSH allowed_signers) that maps monitors' keys to member codes.
struct TrustCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trust", abstract: "Add and list the keys a trust file (OpenSSH allowed_signers) trusts.",
    discussion: """
      The trust file is what 'veedor verify --trust', 'veedor import --trust'
      and 'ssh-keygen -Y verify -f FILE' read. One line per key; the
      principals come first: the member codes the key may report on, or
      patterns such as CL* or *. Example line:
        CLPLN,CLMPU namespaces="assessment-report@veedor" ssh-ed25519 AAAA… Name
      """,
    subcommands: [Add.self, List.self])

  /// The default trust file name.
  static let defaultFile = "monitors.allowed_signers"

  /// `veedor trust add`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add", abstract: "Trust a monitor's key for some member codes (appends one allowed_signers line).",
      discussion: """
        KEYFILE is the monitor's monitor.pub ('ssh-ed25519 AAAA… comment', as
        'veedor key export' writes it), a one-line allowed_signers file, or a
        checkpoint verifier.vkey. The line allows only the signature namespace
        assessment-report@veedor. Times are YYYYMMDD[HHMM[SS]]: end them in Z
        for UTC, else they are local time wherever the file is read (as
        ssh-keygen reads them). Repeating an existing grant (same key, members
        and options) is refused.

        Example:
          veedor trust add --member CLPLN,CLMPU keys/monitor.pub \\
            --valid-after 20250101Z --trust monitors.allowed_signers
          ssh-keygen -Y verify -f monitors.allowed_signers -I CLPLN \\
            -n assessment-report@veedor -s report.json.sshsig < report.json
        """)
    @Option(help: "Member codes (or patterns such as CL* or *) the key may report on, comma-separated.")
    var member: String
    @Argument(help: "The monitor's public key file (monitor.pub, allowed_signers or verifier.vkey).")
    var keyFile: String
    @Option(help: "Trust file to append to (created when missing).") var trust = TrustCommand.defaultFile
    @Option(help: "Trusted from this time on: YYYYMMDD[HHMM[SS]][Z].") var validAfter: String?
    @Option(help: "Trusted until this time: YYYYMMDD[HHMM[SS]][Z].") var validBefore: String?
    @Option(help: "Comment at the end of the line (default: the key file's comment).") var comment: String?
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    func run() throws {
      let (key, keyComment) = try TrustFile.readPublicKey(URL(fileURLWithPath: keyFile))
      let members = member.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      let line = try TrustFile.line(
        members: members, key: key, comment: comment ?? keyComment, validAfter: validAfter, validBefore: validBefore)
      let entry = try TrustFile.append(line, to: URL(fileURLWithPath: trust))
      Output.line("added to \(trust): \(entry.summary)", es: "agregada a \(trust): \(entry.spanishSummary)")
    }
  }

  /// `veedor trust list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List the keys of a trust file: fingerprint, principals, namespaces, validity.",
      discussion: """
        Malformed lines are reported on stderr (exit 2); ssh-keygen and Veedor
        both ignore them. Times without Z are shown as read in this machine's
        time zone.

        Example: veedor trust list --trust monitors.allowed_signers
        """)
    @Option(help: "Trust file to read.") var trust = TrustCommand.defaultFile
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    func run() throws {
      guard let data = FileManager.default.contents(atPath: trust) else {
        throw VerifyError(
          .badInput, "cannot read the trust file", es: "no se puede leer el archivo de confianza", file: trust)
      }
      let file = TrustFile(parsing: data, path: trust)
      for entry in file.entries { Output.line("\(entry.summary)", es: "\(entry.spanishSummary)") }
      if file.entries.isEmpty { Output.line("no keys in \(trust)", es: "no hay claves en \(trust)") }
      for problem in file.problems {
        Output.note(
          "veedor: malformed line (ignored): \(problem)", es: "veedor: línea mal formada (se ignora): \(problem)")
      }
      if !file.problems.isEmpty { throw ExitCode(2) }
    }
  }
}

extension TrustFile.Entry {
  /// `summary` in Spanish: `línea 3: SHA256:… principales CLPLN,CLMPU; espacios de nombres "…"; válida siempre; …`.
  var spanishSummary: String {
    var parts = ["línea \(line): \(fingerprint ?? keyType)", "principales \(principals)"]
    if isVerifierKey {
      parts.append("clave verificadora de puntos de control (cualquier espacio de nombres, válida siempre)")
    } else {
      parts.append(namespaces.map { "espacios de nombres \"\($0)\"" } ?? "cualquier espacio de nombres")
      switch (validAfter, validBefore) {
      case (nil, nil): parts.append("válida siempre")
      case (let after, let before):
        parts.append(
          "válida desde \(after?.description ?? "cualquier momento") hasta \(before?.description ?? "cualquier momento")"
        )
      }
    }
    if certAuthority { parts.append("cert-authority: NO CONFIABLE (Veedor no admite certificados)") }
    if publicKey == nil { parts.append("clave \(keyType): no se usa (Veedor usa solo claves ssh-ed25519)") }
    if !comment.isEmpty { parts.append("comentario \"\(comment)\"") }
    return parts.joined(separator: "; ")
  }
}
