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
    let filter = try commitment.map { try workspace.subject($0) }
    let state = try workspace.state()
    let acts = state.acts.filter { act in
      guard let filter else { return true }
      let reply =
        act.reply.flatMap { state.voices.reply($0.id)?.text.commitment }
        ?? act.answer.flatMap { state.voices.reply($0.reply)?.text.commitment }
      let milestone = (act.milestone?.milestone ?? act.milestoneChange?.milestone).map { $0.hasPrefix(filter + ".") }
      return act.evidence?.commitment == filter || act.score?.commitment == filter || act.note?.commitment == filter
        || act.reconciliation?.commitment == filter || reply == filter || milestone == true
        || act.milestoneChange?.commitment == filter || act.checkin?.commitments.contains(filter) == true
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
      let reply = s?.inReplyTo.map { " (in reply to \($0))" } ?? ""
      return
        "\(head)\(reply): \(s?.commitment ?? "") \(s?.scale ?? "") = \(s?.levels.joined(separator: ",") ?? "") — \(s?.rationale ?? "") [\(s?.evidence.joined(separator: ",") ?? "")]"
    case .note:
      return "note\(act.note?.commitment.map { " on \($0)" } ?? ""): \(act.note?.text ?? "")"
    case .monitorKey:
      let m = act.monitor
      return "monitor key: \(m?.name ?? "")\(m?.email.map { " <\($0)>" } ?? "") \(m?.publicKey ?? "")"
    case .partyAdded, .partyRemoved:
      let p = act.party
      let verb = act.type == .partyAdded ? "party added" : "party removed"
      return
        "\(verb): \(p?.name ?? "") (\(p?.role.rawValue ?? "")\(p?.title.map { ", \($0)" } ?? "")) \(p?.publicKey ?? "")"
    case .reviewOpened:
      let r = act.review
      return
        "review \(r?.id ?? "") opened: replies from \(r?.opens ?? "") to \(r?.closes ?? ""); the draft is checkpoint \(act.seq + 1)"
    case .reviewClosed:
      let r = act.review
      let open = r?.unanswered ?? []
      return
        "review \(r?.id ?? "") closed for the final report\(open.isEmpty ? "" : "; left unanswered: \(open.joined(separator: ", "))")"
    case .replyAdded:
      let r = act.reply
      let who = r?.party.map { "signed by \($0)" } ?? "unsigned comment\(r?.submitter.map { " from \($0)" } ?? "")"
      return "reply \(r?.id ?? ""), \(who), sha256 \(r?.sha256.prefix(12) ?? "")…"
    case .replyAnswered:
      let a = act.answer
      return "answer to \(a?.reply ?? ""): \(a?.decision.rawValue ?? "") — \(a?.rationale ?? "")"
    case .milestoneUpdated:
      let u = act.milestone
      let met = u?.met.map { ", met \($0)" } ?? ""
      return
        "milestone update \(u?.id ?? ""): \(u?.milestone ?? "") \(u?.status.rawValue ?? "") \(u?.progress ?? 0)% on \(u?.date ?? "")\(met)\(u.map { $0.note.isEmpty ? "" : " — \($0.note)" } ?? "")"
    case .milestoneChanged:
      let c = act.milestoneChange
      return "milestone \(c?.milestone ?? "") \(c?.change.rawValue ?? "") — \(c?.reason ?? "")"
    case .checkinAdded:
      let c = act.checkin
      return
        "check-in \(c?.id ?? "") on \(c?.date ?? "") with \(c?.units.joined(separator: ", ") ?? ""): \(c?.reported ?? "")"
    case .scoreReconciled:
      let r = act.reconciliation
      return
        "reconciled \(r?.commitment ?? "") \(r?.scale ?? "") with reviewer \(r?.reviewer ?? "") (\(r?.reviewerLevels.joined(separator: ",") ?? "")): \(r?.stands.rawValue ?? "")'s reading stands\(r?.score.map { " (\($0))" } ?? "") — \(r?.rationale ?? "")"
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
