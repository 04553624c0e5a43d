import ArgumentParser
import Foundation
import VeedorErrors
import VeedorLedger
import VeedorPlan
import VeedorRecords
import VeedorReports
import VeedorRubric
import VeedorWorkspace

extension MilestoneStatus: ExpressibleByArgument {
  /// Reads a status in English or Spanish (`substantial`, `sustancial`, `not-started`, `no iniciado`).
  public init?(argument: String) {
    guard let status = MilestoneSheet.status(argument) else { return nil }
    self = status
  }
}

/// `veedor milestone`: milestones over time — list, update, bulk import from a spreadsheet, changes.
struct MilestoneCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "milestone",
    abstract: "Follow milestones: list them, record progress (one by one or from a spreadsheet), record plan changes.",
    discussion: """
      Each milestone has a stable id (CLPLN0001.M2: the commitment and its position, unless the plan
      gives one). Progress is recorded as dated updates in the ledger: status (not started, limited,
      substantial, complete, withdrawn — in Spanish no iniciado, limitado, sustancial, completo,
      retirado), % progress, the day, the day met, evidence and a note. A commitment's progress rolls
      up from its milestones (weighted) and is shown beside the monitor's completion score.
      """,
    subcommands: [List.self, Update.self, Template.self, Import.self, Add.self, Reword.self, Drop.self])

  /// `veedor milestone list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List milestones with status, progress, due date, unit and overdue marks.",
      discussion: "Example: veedor milestone list CLPLN0001")
    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "Commitment id (all when omitted).") var commitment: String?
    @Option(name: .customLong("lang"), help: "Language: en or es (default: from LC_ALL/LANG, else en).")
    var language: Language?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
      let lang = Environment.language(language)
      let w = ReportWords(language: lang)
      let workspace = try options.open()
      let filter = try commitment.map { try workspace.commitment($0).id }
      let board = workspace.milestoneBoard(try workspace.currentState(), today: Environment.today())
      let shown = board.commitments.filter { filter == nil ? !$0.milestones.isEmpty : $0.commitment == filter }
      if json { return try Output.json(shown) }
      if shown.isEmpty {
        Output.note(
          "no milestones yet: the plan lists none; add one with 'veedor milestone add COMMITMENT --title … --reason …'",
          es:
            "aún no hay hitos: el plan no enumera ninguno; agregue uno con 'veedor milestone add COMMITMENT --title … --reason …'"
        )
      }
      for c in shown {
        let progress = c.progress.map { "\($0)%" } ?? w["noMilestones"]
        let late = c.overdue > 0 ? w.count("cli.overdueCount", c.overdue) : ""
        Output.line("\(c.commitment)  \(w.format("cli.progressOf", progress))\(late)")
        for m in c.milestones {
          let due = m.due.map { " \(w["due"].lowercased()) \($0)" } ?? ""
          let mark = m.dropped ? "  (\(w["dropped"]))" : m.overdue ? "  \(w["overdue"].uppercased())" : ""
          let unit = m.responsible.map { " · \($0)" } ?? ""
          let status = lang == .es ? w["status.\(m.status.rawValue)"] : m.status.rawValue
          Output.line("  \(m.id)  \(status) \(m.progress)%\(due)\(unit)\(mark) — \(m.title.best(lang.rawValue))")
        }
      }
    }
  }

  /// `veedor milestone update`.
  struct Update: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "update", abstract: "Record a dated progress update of one milestone.",
      discussion: """
        Progress defaults to 100 for complete and 0 for not started; going back needs --note saying why.
        Examples:
          veedor milestone update CLPLN0001.M2 --status substantial --progress 60 --note "Pilot running in two offices"
          veedor milestone update CLPLN0001.M1 --status complete --met 2024-03-15 --evidence E7
        """)
    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "Milestone id, e.g. CLPLN0001.M2.") var milestone: String
    @Option(help: "not-started, limited, substantial, complete or withdrawn (Spanish words too).")
    var status: MilestoneStatus
    @Option(help: "Percent done, 0 to 100.") var progress: Int?
    @Option(help: "Day the update describes, YYYY-MM-DD (default: today).") var date: String?
    @Option(help: "Day it was met (complete only; default: --date).") var met: String?
    @Option(help: "Responsible unit, when it changed.") var responsible: String?
    @Option(help: "Evidence ids, comma-separated.") var evidence: String?
    @Option(help: "What was done, or why it is late.") var note = ""
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    /// The line that confirms a recorded update, in the run's language.
    static func confirm(_ r: MilestoneUpdateRecord) {
      let w = ReportWords(language: Environment.messageLanguage)
      Output.line(
        "\(r.id) recorded: \(r.milestone) \(r.status.rawValue) \(r.progress)% on \(r.date)",
        es: "\(r.id) registrada: \(r.milestone) \(w["status.\(r.status.rawValue)"]) \(r.progress)% el \(r.date)")
    }

    func run() throws {
      let workspace = try options.open(decodingRubric: false)
      let draft = MilestoneDraft(
        milestone: milestone, status: status, progress: progress, date: date, met: met, responsible: responsible,
        evidence: evidence?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? [], note: note)
      for r in try workspace.updateMilestones([draft], now: Environment.now()) { Self.confirm(r) }
    }
  }

  /// `veedor milestone template`.
  struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "template", abstract: "Write the spreadsheet (CSV) a unit fills in to report on its milestones.",
      discussion: """
        One row per milestone with its current status and progress; the unit changes status and
        progress and fills date (fecha) and note (nota). Read back with 'veedor milestone import'.
        Example: veedor milestone template --lang es --out hitos.csv
        """)
    @OptionGroup var options: WorkspaceOptions
    @Option(help: "Header and status language: en or es.") var lang: Language = .es
    @Option(help: "Output file (default: stdout).") var out: String?

    func run() throws {
      let workspace = try options.open()
      let board = workspace.milestoneBoard(try workspace.currentState(), today: Environment.today())
      let text = MilestoneSheet.template(board, language: lang)
      guard let out else { return Output.block(text) }
      try POSIXFile.writeAtomically(Data(text.utf8), to: URL(fileURLWithPath: out))
      let count = board.commitments.flatMap(\.milestones).filter { !$0.dropped }.count
      Output.note("wrote \(out): \(count) milestones", es: "se escribió \(out): \(count) hitos")
    }
  }

  /// `veedor milestone import`.
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Record the updates of a filled milestone spreadsheet: all of them, or none if any row is wrong.",
      discussion: """
        Every row is checked first (unknown milestone, bad date, status not in the vocabulary, progress
        going back without a note, unknown evidence); one line per bad row names its line and column,
        and nothing is recorded. Rows left as the template wrote them are skipped. Reads UTF-8 or
        Latin-1 (a Spanish-locale spreadsheet's CSV), separated by ',' or ';'.
        Example: veedor milestone import hitos.csv
        """)
    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "The filled CSV file.") var file: String
    @Flag(help: "Check the file and report, recording nothing.") var dryRun = false
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    func run() throws {
      let workspace = try options.open(decodingRubric: false)
      let url = URL(fileURLWithPath: file)
      let data: Data
      do { data = try BoundedRead.contents(of: url, limit: 64 << 20) } catch {
        throw WorkspaceError(
          .badInput, error.description,
          es: error.spanishDescription, file: file)
      }
      let state = try workspace.currentState()
      let today = Environment.today()
      let board = workspace.milestoneBoard(state, today: today)
      let reading = try MilestoneSheet.read(data, file: file, board: board)
      var problems = reading.problems.map { "\(file): \($0)" }
      for problem in workspace.problems(reading.drafts.map(\.draft), state: state, today: today) {
        let line = reading.drafts[problem.index].line
        let column = reading.headers[problem.field] ?? problem.field
        problems.append(
          Environment.spanish
            ? "\(file): línea \(line), columna '\(column)': \(problem.message)"
            : "\(file): line \(line), column '\(column)': \(problem.message)")
      }
      guard problems.isEmpty else {
        problems.forEach { Output.note("\($0)") }
        throw ExitCode(2)
      }
      // The sheet names its reading as `UTF-8, ';'-separated`; said in Spanish as `UTF-8, separado por ';'`.
      let encodingES = reading.encoding.wholeMatch(of: #/(.*), '(.*)'-separated/#).map {
        "\($0.1), separado por '\($0.2)'"
      }
      Output.note(
        "read \(file) as \(reading.encoding): \(reading.drafts.count) update(s), \(reading.unchanged) row(s) unchanged",
        es:
          "se leyó \(file) como \(encodingES ?? reading.encoding): \(reading.drafts.count) actualización(es), \(reading.unchanged) fila(s) sin cambios"
      )
      if dryRun || reading.drafts.isEmpty { return }
      for r in try workspace.updateMilestones(reading.drafts.map(\.draft), now: Environment.now()) {
        Update.confirm(r)
      }
    }
  }
}
