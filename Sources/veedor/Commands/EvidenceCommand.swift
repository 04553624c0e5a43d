import ArgumentParser
import Foundation
import VeedorPlan
import VeedorRecords
import VeedorReports
import VeedorRubric
import VeedorWorkspace

extension EvidenceRecord.Kind: ExpressibleByArgument {}

/// `veedor evidence`: add and list evidence.
struct EvidenceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evidence", abstract: "Add and list evidence.", subcommands: [Add.self, List.self])

  /// `veedor evidence add`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add", abstract: "Add a file or a URL as evidence for a commitment; prints the new evidence id.",
      discussion: """
        Files are hashed (SHA-256) while being copied into objects/, so large files never sit in memory.

        Examples:
          veedor evidence add CLPLN0001 minutes.pdf --title "Forum minutes" --kind meeting --date 2023-05-04
          veedor evidence add CLPLN0001 --url https://example.org/page --title "Commitment page" --kind webpage
        """)

    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "Commitment id, e.g. CLPLN0001.") var commitment: String
    @Argument(help: "File to store (omit when using --url).") var file: String?
    @Option(help: "Public address of the evidence instead of a file.") var url: String?
    @Option(help: "Short description.") var title: String
    @Option(help: "document, webpage, meeting, interview, dataset or observation.")
    var kind: EvidenceRecord.Kind?
    @Option(help: "Date of the evidence: YYYY-MM-DD, YYYY-MM or YYYY.") var date: String?
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    func validate() throws {
      if (file == nil) == (url == nil) {
        throw UsageError(
          "give either FILE or --url URL, not both or neither", es: "indique FILE o bien --url URL, solo uno de los dos"
        )
      }
      if let date, PlanDate(iso: date) == nil {
        throw UsageError(
          "--date '\(date)' is not YYYY-MM-DD, YYYY-MM or YYYY",
          es: "--date '\(date)' no es YYYY-MM-DD, YYYY-MM ni YYYY")
      }
    }

    func run() throws {
      let workspace = try options.open(decodingRubric: false)
      let draft = EvidenceDraft(
        commitment: commitment, kind: kind ?? (url == nil ? .document : .webpage), title: title,
        date: date.flatMap(PlanDate.init(iso:)), file: file.map { URL(fileURLWithPath: $0) }, url: url)
      let added = try workspace.addEvidence([draft], now: Environment.now())
      for record in added { Output.line("\(record.id)") }
    }
  }

  /// `veedor evidence list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List evidence, for one commitment or all.",
      discussion: "Example: veedor evidence list CLPLN0001")
    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "Commitment id (all when omitted).") var commitment: String?
    @Flag(help: "Print JSON.") var json = false
    @Option(name: .customLong("lang"), help: "Language: en or es (default: from LC_ALL/LANG, else en).")
    var language: Language?

    func run() throws {
      let workspace = try options.open()
      let w = ReportWords(language: Environment.language(language))
      let filter = try commitment.map { try workspace.subject($0) }
      var array = JSONArrayOutput()
      try workspace.readActs({ _ in ActSelection.evidence(commitment: filter) }) { acts, _ in
        let items = acts.compactMap(\.evidence)
        if json { return try array.append(items) }
        ParallelText.write(
          try ParallelText.join(items) { chunk in
            var text = ""
            for e in chunk {
              let source = e.url ?? "\(e.fileName ?? "") sha256:\(e.sha256?.prefix(16) ?? "")…"
              let line: TerminalText =
                "\(e.id)  \(e.commitment)  \(w["kind.\(e.kind.rawValue)"])  \(e.date?.description ?? "-")  \(e.title)  \(source)"
              text += line.description + "\n"
            }
            return Array(text.utf8)
          })
      }
      if json { try array.finish() }
    }
  }
}
