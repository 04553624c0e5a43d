import ArgumentParser
import Foundation
import VeedorPlan
import VeedorRecords
import VeedorWorkspace

/// `veedor log`: the history of acts, corrections included.
struct Log: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show the ledger's history, optionally for one commitment.",
    discussion: "Example: veedor log CLPLN0001")

  @OptionGroup var options: WorkspaceOptions
  @Argument(help: "Commitment id (all when omitted).") var commitment: String?
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let workspace = try options.open()
    let filter = try commitment.map { try workspace.commitment($0).id }
    let acts = try workspace.state().acts.filter { act in
      guard let filter else { return true }
      return act.evidence?.commitment == filter || act.score?.commitment == filter || act.note?.commitment == filter
    }
    if json { return try Output.json(acts) }
    for act in acts { Output.line("#\(act.seq)  \(act.time)  \(Self.describe(act))") }
  }

  static func describe(_ act: Act) -> TerminalText {
    switch act.type {
    case .planImported:
      return
        "plan imported: \(act.plan?.id ?? "") (\(act.plan?.commitments ?? 0) commitments), rubric \(act.plan?.rubric ?? "") \(act.plan?.rubricVersion ?? "")"
    case .evidenceAdded:
      let e = act.evidence
      return "evidence \(e?.id ?? "") for \(e?.commitment ?? ""): \(e?.title ?? "") (\(e?.url ?? e?.fileName ?? ""))"
    case .scoreRecorded, .scoreCorrected:
      let s = act.score
      let head =
        act.type == .scoreCorrected ? "score \(s?.id ?? "") corrects \(s?.supersedes ?? "")" : "score \(s?.id ?? "")"
      return
        "\(head): \(s?.commitment ?? "") \(s?.scale ?? "") = \(s?.levels.joined(separator: ",") ?? "") — \(s?.rationale ?? "") [\(s?.evidence.joined(separator: ",") ?? "")]"
    case .note:
      return "note\(act.note?.commitment.map { " on \($0)" } ?? ""): \(act.note?.text ?? "")"
    case .monitorKey:
      let m = act.monitor
      return "monitor key: \(m?.name ?? "")\(m?.email.map { " <\($0)>" } ?? "") \(m?.publicKey ?? "")"
    }
  }
}

/// `veedor note`: adds a free-text note to the ledger.
struct Note: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Add a note to the ledger.", discussion: "Example: veedor note \"Met the forum\" --commitment CLPLN0002")

  @OptionGroup var options: WorkspaceOptions
  @Argument(help: "The note.") var text: String
  @Option(help: "Commitment the note is about.") var commitment: String?

  func run() throws {
    try options.open().addNote(text, commitment: commitment, now: Environment.now())
    Output.line("noted")
  }
}
