import ArgumentParser
import Foundation
import VeedorRecords
import VeedorReports
import VeedorSigning
import VeedorWorkspace

extension PartyRecord.Role: ExpressibleByArgument {}

/// `veedor party`: who may sign replies to a draft.
struct PartyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "party", abstract: "Manage the parties who may reply to a draft (the roster).",
    discussion: """
      A party is a responsible government unit, a civil-society organisation or a second reviewer,
      known by an OpenSSH Ed25519 public key. Adding or removing one is a ledger entry; the file
      'parties' in the workspace lists the active ones in allowed_signers form, so OpenSSH reads it:
        ssh-keygen -Y verify -f parties -I NAME -n \(ReplyText.namespace) -s reply.txt.sig < reply.txt
      """,
    subcommands: [Add.self, Remove.self, List.self])

  /// `veedor party add`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add", abstract: "Add a party to the roster.",
      discussion: """
        The party makes a key with OpenSSH (ssh-keygen -t ed25519 -f dideco) and sends you dideco.pub.

        Example: veedor party add dideco --role government --key dideco.pub --title "Dirección de Desarrollo Comunitario"
        """)
    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "Short name, used as the allowed_signers principal (letters, digits, . _ - @).") var name: String
    @Option(help: "government, civil-society or reviewer.") var role: PartyRecord.Role
    @Option(help: "The party's OpenSSH public key file (ssh-ed25519 …).") var key: String
    @Option(help: "Full name of the unit, organisation or reviewer.") var title: String?
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    func run() throws {
      let workspace = try options.open()
      guard let data = try? Data(contentsOf: URL(fileURLWithPath: key)), data.count < 16_384,
        let line = String(data: data, encoding: .utf8)?.split(whereSeparator: \.isNewline).first(where: {
          !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty
        })
      else {
        throw WorkspaceError(
          .badInput, "cannot read a public key line", es: "no se puede leer una línea de clave pública", file: key,
          field: "--key")
      }
      guard MonitorKey.publicKey(sshLine: String(line)) != nil else {
        throw WorkspaceError(
          .badInput,
          "not an OpenSSH Ed25519 public key ('ssh-ed25519 AAAA… comment'); make one with ssh-keygen -t ed25519",
          es:
            "no es una clave pública Ed25519 de OpenSSH ('ssh-ed25519 AAAA… comentario'); cree una con ssh-keygen -t ed25519",
          file: key, field: "--key")
      }
      let party = try workspace.addParty(
        name: name, role: role, keyLine: String(line), title: title, now: Environment.now())
      Output.line(
        "party added: \(party.name) (\(party.role.rawValue)) \(party.publicKey)",
        es: "parte agregada: \(party.name) (\(ReportWords(language: .es).term(party.role.rawValue))) \(party.publicKey)"
      )
      Output.note("roster: \(workspace.rosterURL.path)", es: "registro de partes: \(workspace.rosterURL.path)")
    }
  }

  /// `veedor party remove`.
  struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "remove", abstract: "Remove a party; its earlier replies stay, signed as they were.",
      discussion: "Example: veedor party remove dideco")
    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "The party's short name.") var name: String
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    func run() throws {
      let party = try options.open().removeParty(name: name, now: Environment.now())
      Output.line(
        "party removed: \(party.name) (\(party.role.rawValue))",
        es: "parte retirada: \(party.name) (\(ReportWords(language: .es).term(party.role.rawValue)))")
    }
  }

  /// `veedor party list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List the active parties.", discussion: "Example: veedor party list --json")
    @OptionGroup var options: WorkspaceOptions
    @Flag(help: "Print JSON.") var json = false
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    func run() throws {
      let roster = try options.open().currentState().voices.roster
      if json { return try Output.json(roster) }
      if roster.isEmpty {
        Output.note(
          "no parties yet; add one with 'veedor party add NAME --role … --key FILE.pub'",
          es: "aún no hay partes; agregue una con 'veedor party add NAME --role … --key FILE.pub'")
      }
      for party in roster {
        let role = ReportWords(language: Environment.messageLanguage).term(party.role.rawValue)
        Output.line("\(party.name)  \(role)  \(party.title ?? "")  \(party.publicKey)")
      }
    }
  }
}
