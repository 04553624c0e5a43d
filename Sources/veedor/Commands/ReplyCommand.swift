import ArgumentParser
import Foundation
import VeedorLedger
import VeedorRecords
import VeedorReports
import VeedorRubric
import VeedorWorkspace

extension AnswerRecord.Decision: EnumerableFlag {}

/// `veedor reply`: replies to a draft, signed by parties with plain OpenSSH, and the monitor's answers.
struct ReplyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reply", abstract: "Record replies to a draft and answer them.",
    discussion: """
      A reply is a short text file (format veedor-reply/1, or veedor-respuesta/1 in Spanish) naming the
      draft's checkpoint, the commitment and scale (or none, for the whole report), and the reply.
      A party signs it with OpenSSH alone:
        ssh-keygen -Y sign -f KEY -n \(ReplyText.namespace) reply.txt      # writes reply.txt.sig
      The monitor records it (the signature is checked against the roster) and answers it:
        veedor reply add reply.txt reply.txt.sig
        veedor reply answer R1 --accept --rationale "The minutes show it"
      """,
    subcommands: [Template.self, Add.self, Answer.self, List.self])

  /// `veedor reply template`.
  struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "template",
      abstract: "Write a reply file for the current draft, ready to fill in (or to sign, with --text).",
      discussion: """
        Examples:
          veedor reply template --party dideco --commitment CLPLN0003 --scale completion --out reply.txt
          veedor reply template --report draft/report.json --party dideco --commitment CLPLN0003 --lang es --text "El acta muestra…"
        """)
    @OptionGroup var options: WorkspaceOptions
    @Option(help: "Take the draft's checkpoint from this draft report.json instead of a workspace.") var report: String?
    @Option(help: "The party's roster name (needed for a signed reply).") var party: String?
    @Option(help: "The commitment the reply is about (omit for the whole report).") var commitment: String?
    @Option(help: "The scale the reply is about.") var scale: String?
    @Option(help: "The reply text (the file is then ready to sign).") var text: String?
    /// The language of the template's field names and of messages; nil for the run's (`LC_ALL`/`LANG`).
    @Option(
      name: .customLong("lang"),
      help: "Field names (and messages) in en or es (default: from LC_ALL/LANG, else en).")
    var language: Language?
    @Option(help: "Write to this file instead of standard output.") var out: String?

    func validate() throws {
      if scale != nil && commitment == nil {
        throw UsageError("--scale needs --commitment", es: "--scale requiere --commitment")
      }
    }

    func run() throws {
      let (size, root) = try draftCheckpoint()
      let body = ReplyText.template(
        checkpointSize: size, checkpointRoot: root, party: party, commitment: commitment, scale: scale, text: text,
        spanish: Environment.language(language) == .es)
      guard let out else {
        for line in body.split(separator: "\n", omittingEmptySubsequences: false).dropLast() { Output.line("\(line)") }
        return
      }
      try POSIXFile.writeAtomically(Data(body.utf8), to: URL(fileURLWithPath: out))
      Output.line("\(out)")
      let sign = "ssh-keygen -Y sign -f KEY -n \(ReplyText.namespace) \(out)"
      Output.note(
        text == nil ? "fill in the reply, then sign it: \(sign)" : "sign it: \(sign)",
        es: text == nil ? "complete la respuesta y luego fírmela: \(sign)" : "fírmela: \(sign)")
    }

    private func draftCheckpoint() throws -> (Int, String) {
      if let report {
        let url = URL(fileURLWithPath: report)
        guard let data = try? BoundedRead.contents(of: url, limit: 256 << 20) else {
          throw WorkspaceError(.badInput, "not a Veedor report", es: "no es un informe de Veedor", file: report)
        }
        let found: Report.ReviewInfo?
        do { found = try Report.review(of: data) } catch {
          throw WorkspaceError(.badInput, error.message, es: error.messageES, file: report)
        }
        guard let review = found, review.draft else {
          throw WorkspaceError(
            .badInput, "is not a draft open for replies", es: "no es un borrador abierto a respuestas", file: report)
        }
        return (review.draftSize, review.draftRoot)
      }
      let workspace = try options.open()
      let state = try workspace.currentState()
      guard let window = state.voices.openWindow else {
        throw WorkspaceError(
          .conflict, "no draft is open for replies: export one with 'veedor report export --draft'",
          es: "no hay un borrador abierto a respuestas: exporte uno con 'veedor report export --draft'")
      }
      let lines = try workspace.readLedger().lines.prefix(window.draftSize)
      return (window.draftSize, try MerkleTree(entries: lines).root().base64EncodedString())
    }
  }

  /// `veedor reply add`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add", abstract: "Record a signed reply, or an unsigned public comment.",
      discussion: """
        The signature must verify in namespace \(ReplyText.namespace) with the key of an active party.
        The reply bytes are stored in objects/ by SHA-256 and recorded, with the signature, in the
        ledger. A reply recorded after its window's last day is marked late, never dropped.

        Examples:
          veedor reply add reply.txt reply.txt.sig
          veedor reply add comment.txt --unsigned --submitter "Junta de vecinos"
        """)
    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "The reply file.") var file: String
    @Argument(help: "Its SSHSIG signature (default: FILE.sig).") var signature: String?
    @Flag(help: "Record an unsigned public comment.") var unsigned = false
    @Option(help: "For --unsigned: the submitter's name, only if they gave it.") var submitter: String?
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    func validate() throws {
      if unsigned && signature != nil {
        throw UsageError("give a SIGNATURE or --unsigned, not both", es: "indique SIGNATURE o --unsigned, no ambos")
      }
      if submitter != nil && !unsigned {
        throw UsageError(
          "--submitter goes with --unsigned (a signed reply names its party)",
          es: "--submitter va con --unsigned (una respuesta firmada ya nombra a su parte)")
      }
    }

    func run() throws {
      let workspace = try options.open()
      guard FileManager.default.fileExists(atPath: file) else {
        throw WorkspaceError(.badInput, "no such reply file", es: "no existe el archivo de respuesta", file: file)
      }
      var sig: URL?
      if !unsigned {
        let path = signature ?? file + ".sig"
        guard FileManager.default.fileExists(atPath: path) else {
          throw WorkspaceError(
            .badInput,
            "no signature file; sign with 'ssh-keygen -Y sign -f KEY -n \(ReplyText.namespace) \(file)', or pass --unsigned for a public comment",
            es:
              "no hay archivo de firma; firme con 'ssh-keygen -Y sign -f KEY -n \(ReplyText.namespace) \(file)', o indique --unsigned para un comentario público",
            file: path)
        }
        sig = URL(fileURLWithPath: path)
      }
      let reply = try workspace.addReply(
        file: URL(fileURLWithPath: file), signature: sig, submitter: submitter, now: Environment.now())
      let who = reply.party.map { "signed by \($0.name) (\($0.role.rawValue))" } ?? "unsigned comment"
      let whoES =
        reply.party.map { "firmada por \($0.name) (\(ReportWords(language: .es).term($0.role.rawValue)))" }
        ?? "comentario sin firma"
      Output.line(
        "\(reply.record.id) recorded: \(who), window \(reply.window), \(reply.late ? "LATE" : "on time")",
        es:
          "\(reply.record.id) registrada: \(whoES), ventana \(reply.window), \(reply.late ? "FUERA DE PLAZO" : "en plazo")"
      )
    }
  }

  /// `veedor reply answer`.
  struct Answer: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "answer", abstract: "Record your decision on a reply.",
      discussion: """
        An accepted reply usually causes a correction; record it first and link it:
          veedor score CLPLN0003 completion substantial --correct --in-reply-to R1 --rationale "…" --evidence E5
          veedor reply answer R1 --accept --rationale "The minutes confirm the second milestone"
        """)
    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "Reply id, e.g. R1.") var reply: String
    @Flag(help: "Your decision.") var decision: AnswerRecord.Decision
    @Option(help: "Why.") var rationale: String
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    func run() throws {
      let workspace = try options.open()
      let answer = try workspace.answerReply(reply, decision: decision, rationale: rationale, now: Environment.now())
      Output.line(
        "\(answer.reply) answered: \(answer.decision.rawValue)",
        es: "\(answer.reply) contestada: \(ReportWords(language: .es).term(answer.decision.rawValue))")
      let state = try workspace.currentState()
      let linked = state.history.values.contains { $0.contains { $0.inReplyTo == answer.reply } }
      if answer.decision != .reject, !linked, state.voices.reply(answer.reply)?.text.scale != nil {
        Output.note(
          "no score cites \(answer.reply) yet; if the reply changes a score: veedor score … --correct --in-reply-to \(answer.reply)",
          es:
            "aún ningún puntaje cita \(answer.reply); si la respuesta cambia un puntaje: veedor score … --correct --in-reply-to \(answer.reply)"
        )
      }
    }
  }

  /// `veedor reply list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List replies and whether they are answered.",
      discussion: "Example: veedor reply list")
    @OptionGroup var options: WorkspaceOptions
    @Flag(help: "Print JSON.") var json = false
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    /// One reply as listed.
    struct Row: Encodable {
      var id, window, time: String
      var late: Bool
      var party, submitter, commitment, scale, answer: String?
    }

    func run() throws {
      let replies = try options.open().currentState().voices.replies
      let rows = replies.map {
        Row(
          id: $0.record.id, window: $0.window, time: $0.time, late: $0.late, party: $0.party?.name,
          submitter: $0.record.submitter, commitment: $0.text.commitment, scale: $0.text.scale,
          answer: $0.answer?.decision.rawValue)
      }
      if json { return try Output.json(rows) }
      if rows.isEmpty { Output.note("no replies yet", es: "aún no hay respuestas") }
      let es = Environment.spanish
      for r in rows {
        let who = r.party ?? "\(es ? "sin firma" : "unsigned")\(r.submitter.map { " (\($0))" } ?? "")"
        let whole = es ? "todo el informe" : "whole report"
        let about = [r.commitment ?? whole, r.scale].compactMap { $0 }.joined(separator: " ")
        let late = r.late ? (es ? "fuera de plazo" : "late") : (es ? "en plazo" : "on time")
        let answer =
          r.answer.map { ReportWords(language: es ? .es : .en).term($0) } ?? (es ? "SIN CONTESTAR" : "UNANSWERED")
        Output.line("\(r.id)  \(r.window)  \(r.time)  \(late)  \(who)  \(about)  \(answer)")
      }
    }
  }
}
