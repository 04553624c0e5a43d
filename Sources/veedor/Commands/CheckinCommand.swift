import ArgumentParser
import Foundation
import VeedorRecords
import VeedorReports
import VeedorRubric
import VeedorWorkspace

/// `veedor checkin`: meetings with the responsible units.
struct CheckinCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "checkin", abstract: "Record and list meetings with the responsible units (check-ins).",
    subcommands: [Add.self, List.self])

  /// `veedor checkin add`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Record a check-in: the day, the units present, what they reported, agreements, follow-ups.",
      discussion: """
        Add the minutes first ('veedor evidence add … --kind meeting') and cite them with --evidence.
        Example:
          veedor checkin add --date 2024-03-12 --unit "Environment Management" --commitment CLPLN0002 \\
            --reported "Consultation held; ordinance draft in legal review" --agreement "Publish the draft" \\
            --follow-up "Send the draft to the council" --follow-up-due 2024-04-15 --evidence E7
        'veedor status' shows when each unit was last met and which are overdue (more than a month).
        """)
    @OptionGroup var options: WorkspaceOptions
    @Option(help: "Day of the meeting, YYYY-MM-DD (default: today).") var date: String?
    @Option(name: .customLong("unit"), help: "A unit present (repeat for each).") var units: [String] = []
    @Option(name: .customLong("commitment"), help: "A commitment discussed (repeat for each).")
    var commitments: [String] = []
    @Option(help: "What the units reported.") var reported: String
    @Option(name: .customLong("agreement"), help: "An agreement (repeat for each).") var agreements: [String] = []
    @Option(name: .customLong("follow-up"), help: "A follow-up (repeat for each).") var followUps: [String] = []
    @Option(name: .customLong("follow-up-due"), help: "Due day of the follow-up at the same position, YYYY-MM-DD.")
    var followUpDues: [String] = []
    @Option(help: "Evidence ids (e.g. the minutes), comma-separated.") var evidence: String?
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    func validate() throws {
      if units.isEmpty {
        throw UsageError("name at least one --unit present", es: "indique al menos una unidad presente con --unit")
      }
      if followUpDues.count > followUps.count {
        throw UsageError("more --follow-up-due than --follow-up", es: "hay más --follow-up-due que --follow-up")
      }
    }

    func run() throws {
      let workspace = try options.open(decodingRubric: false)
      let follow = followUps.enumerated().map { i, text in
        CheckinRecord.FollowUp(text: text, due: i < followUpDues.count ? followUpDues[i] : nil)
      }
      let draft = CheckinRecord(
        id: "", date: date ?? Environment.today(), units: units, commitments: commitments, reported: reported,
        agreements: agreements, followUps: follow,
        evidence: evidence?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? [])
      let record = try workspace.addCheckin(draft, at: Environment.now())
      let units = record.units.joined(separator: ", ")
      Output.line(
        "\(record.id) recorded: \(record.date) with \(units)",
        es: "\(record.id) registrada: \(record.date) con \(units)")
    }
  }

  /// `veedor checkin list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List check-ins, newest first, and each unit's last check-in.",
      discussion: "Example: veedor checkin list")
    @OptionGroup var options: WorkspaceOptions
    @Flag(help: "Print JSON.") var json = false
    @Option(name: .customLong("lang"), help: "Language: en or es (default: from LC_ALL/LANG, else en).")
    var language: Language?

    func run() throws {
      let w = ReportWords(language: Environment.language(language))
      let workspace = try options.open()
      let state = try workspace.currentState()
      let checkins = state.cycle.checkins.map(\.record).reversed()
      if json { return try Output.json(Array(checkins)) }
      for c in checkins {
        Output.line("\(c.id)  \(c.date)  \(c.units.joined(separator: ", ")) — \(c.reported)")
        for a in c.agreements { Output.line("    \(w["cli.agreed"]): \(a)") }
        for f in c.followUps {
          Output.line("    \(w["cli.followUp"]): \(f.text)\(f.due.map { " (\(w.format("cli.by", $0)))" } ?? "")")
        }
      }
    }
  }
}
