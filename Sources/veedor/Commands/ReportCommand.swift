import ArgumentParser
import Foundation
import VeedorExport
import VeedorPlan
import VeedorRecords
import VeedorReports
import VeedorRubric
import VeedorSigning
import VeedorWorkspace

/// Which languages to render.
enum LanguageChoice: String, ExpressibleByArgument, CaseIterable {
  case en, es, all

  var languages: [Language] { self == .all ? Language.allCases : [Language(rawValue: rawValue) ?? .en] }
}

/// `veedor report`: the signed assessment report.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report", abstract: "Export the signed assessment report, a form, or a progress report.",
    subcommands: [Export.self, Progress.self])

  /// `veedor report export`.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Sign the ledger head and write report.json, its signatures, and Markdown/HTML versions.",
      discussion: """
        Writes report.json (format veedor-report/3): the signed checkpoint, the exact plan and rubric
        files and every ledger line it covers, and everything shown derived from them (scores with
        their history, each scale's wording once, evidence, aggregates, replies and answers); then report.json.sshsig (SSHSIG,
        namespace \(SSHSignature.reportNamespace)), report.json.sig (raw Ed25519) and report.json.asc
        (OpenPGP), and report.LANG.md/.html.
        With the same ledger, key and clock (SOURCE_DATE_EPOCH) the bytes are identical.

        A draft (--draft) opens a review window: the government units, civil-society organisations and
        reviewers in the roster ('veedor party') reply to it with signed files ('veedor reply'); every
        page says it is a draft, until when replies count as on time, and which checkpoint they name.
        The final report (without --draft) closes the window; it is refused before the window's last
        day (UTC) has passed, unless --close-early, and while a reply recorded in time is unanswered,
        unless --allow-unanswered; the report states either.

        With --form the report is one of the rubric's assessment forms, with its pages form.LANG.md
        and .html in the form's question order: for OGP Local, 'inception' (the Inception Assessment,
        'Informe Inicial': the co-creation questions about the plan, then each commitment's design
        scales; due 2 months after the plan's submission) or 'end-of-commitment' with --commitment
        (the End-of-Commitment Assessment, 'Informe de fin de compromiso': completion and "did it
        open government?"; due 1 month after completion is recorded as complete; at most 3 evidence
        files of 10 MB). The form's deadline and unanswered questions are derived and shown; it is
        signed and verified like every report. 'veedor status' lists each form's deadline and gaps.

        Examples:
          veedor report export --out published --lang all
          veedor report export --draft --review-closes 2024-06-30 --out draft
          veedor report export --form inception --out inicial
          veedor report export --form end-of-commitment --commitment CLPLN0002 --out fin-CLPLN0002
        """)
    @OptionGroup var options: WorkspaceOptions
    @OptionGroup var keyOptions: KeyOptions
    @Option(help: "Output folder (default: report/ in the workspace, or draft/ with --draft).") var out: String?
    @Option(
      help:
        "Human-readable versions: en, es or all (en or es also sets the language of messages; default: from LC_ALL/LANG, else en)."
    )
    var lang: LanguageChoice = .all
    @Flag(help: "Export a draft open for replies (opens a review window).") var draft = false
    @Option(help: "With --draft: first day of the review window, YYYY-MM-DD (default: today).") var reviewOpens: String?
    @Option(
      help: "With --draft: last day replies count as on time, YYYY-MM-DD (default: --review-days after it opens).")
    var reviewCloses: String?
    @Option(help: "With --draft: length of the window in days when --review-closes is not given.") var reviewDays = 21
    @Flag(help: "Export the final report although replies recorded in time are unanswered (the report says so).")
    var allowUnanswered = false
    @Flag(help: "Export the final report before the review window's last day has passed (the report shows when).")
    var closeEarly = false
    @Option(help: "Export one of the rubric's assessment forms: inception, or end-of-commitment with --commitment.")
    var form: String?
    @Option(help: "With --form end-of-commitment: the commitment the form is about.") var commitment: String?

    func validate() throws {
      if !draft && (reviewOpens != nil || reviewCloses != nil) {
        throw UsageError(
          "--review-opens and --review-closes go with --draft", es: "--review-opens y --review-closes van con --draft")
      }
      if draft && (allowUnanswered || closeEarly) {
        throw UsageError(
          "--allow-unanswered and --close-early are for the final report, not a draft",
          es: "--allow-unanswered y --close-early son para el informe final, no para un borrador")
      }
      guard (1...366).contains(reviewDays) else {
        throw UsageError("--review-days must be 1 to 366", es: "--review-days debe ser de 1 a 366")
      }
      if commitment != nil && form == nil {
        throw UsageError(
          "--commitment goes with --form end-of-commitment", es: "--commitment va con --form end-of-commitment")
      }
    }

    func run() throws {
      let workspace = try options.open()
      let now = Environment.now()
      let request = form.map { Report.FormRequest(id: $0, commitment: commitment) }
      let name = request.map { ["form", $0.id, $0.commitment].compactMap { $0 }.joined(separator: "-") }
      let folder =
        out.map { URL(fileURLWithPath: $0) }
        ?? workspace.root.appendingPathComponent(draft ? "draft" : name ?? "report")
      var window: ReportExporter.DraftWindow?
      if draft {
        let opens = reviewOpens ?? Self.day(now)
        let closes = reviewCloses ?? ReviewRecord.day(opens, plus: reviewDays) ?? opens
        window = ReportExporter.DraftWindow(opens: opens, closes: closes)
      }
      let (report, files) = try ReportExporter.export(
        workspace: workspace, key: try keyOptions.load(), to: folder, languages: lang.languages, now: now,
        draft: window, allowUnanswered: allowUnanswered, closeEarly: closeEarly, form: request
      ) { outcome in
        let said =
          outcome.alreadyCosigned
          ? "already cosigned" : outcome.cosignature != nil ? "cosigned" : outcome.problem ?? "failed"
        let saidES =
          outcome.alreadyCosigned
          ? "ya había cofirmado"
          : outcome.cosignature != nil ? "cofirmó" : outcome.problemES ?? outcome.problem ?? "falló"
        Output.note("witness \(outcome.witness): \(said)", es: "testigo \(outcome.witness): \(saidES)")
      }
      for file in files { Output.line("\(file.path)") }
      if let info = report.form { Self.noteForm(info) }
      if let review = report.review, review.draft {
        Output.note(
          "draft of \(report.plan.id) open for replies \(review.opens)–\(review.closes) (window \(review.window)); replies name 'checkpoint: \(review.draftSize) \(review.draftRoot)'; a template: veedor reply template --commitment ID",
          es:
            "borrador de \(report.plan.id) abierto a respuestas del \(review.opens) al \(review.closes) (ventana \(review.window)); las respuestas nombran 'punto-de-control: \(review.draftSize) \(review.draftRoot)'; una plantilla: veedor reply template --commitment ID"
        )
      } else {
        Output.note(
          "report of \(report.plan.id) at checkpoint \(report.checkpoint.size); check it with: veedor verify \(folder.path)/report.json",
          es:
            "informe de \(report.plan.id) en el punto de control \(report.checkpoint.size); compruébelo con: veedor verify \(folder.path)/report.json"
        )
      }
    }

    /// The line on standard error that says a form's deadline and unanswered questions.
    static func noteForm(_ info: Report.FormInfo) {
      let gaps = info.missing.isEmpty ? "every question answered" : "\(info.missing.count) question(s) unanswered"
      // No deadline: a commitment's form is not due yet; a plan's has a plan dated to the year, or not at all.
      let due =
        info.due
        ?? info.countedFrom.map { "unknown (the plan gives only the year of its submission, \($0))" }
        ?? (info.commitment == nil ? "unknown (the plan gives no submission date)" : "not yet")
      let gapsES =
        info.missing.isEmpty ? "todas las preguntas respondidas" : "\(info.missing.count) pregunta(s) sin responder"
      let dueES =
        info.due
        ?? info.countedFrom.map { "desconocido (el plan indica solo el año de presentación, \($0))" }
        ?? (info.commitment == nil ? "desconocido (el plan no indica fecha de presentación)" : "aún no corre")
      Output.note(
        "\(info.title.en) (\(info.title.es)): due \(due); \(gaps)", es: "\(info.title.es): plazo \(dueES); \(gapsES)")
    }

    /// The UTC calendar day of a time.
    static func day(_ date: Date) -> String { String(Act.timestamp(date).prefix(10)) }
  }
}

extension KeyCommand {
  /// `veedor key export`.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export", abstract: "Write the public material others need to check your signatures.",
      discussion: """
        Writes allowed_signers (for ssh-keygen -Y verify, limited to the report namespace),
        monitor.pub, monitor.pub.pem (for openssl), monitor.pgp (binary, for gpgv) and monitor.asc,
        and with a workspace the checkpoint verifier key verifier.vkey.

        Example: veedor key export --out public -w work
        """)
    @OptionGroup var keyOptions: KeyOptions
    @Option(help: "Output folder.") var out: String = "public"
    @Option(name: [.short, .long], help: "Workspace whose ledger origin names the verifier key.") var workspace: String?
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    func run() throws {
      let origin = try workspace.map { try Workspace.open(URL(fileURLWithPath: $0)).config.origin }
      let files = try PublicKeyExport.export(try keyOptions.load(), origin: origin, to: URL(fileURLWithPath: out))
      for file in files { Output.line("\(file.path)") }
    }
  }
}
