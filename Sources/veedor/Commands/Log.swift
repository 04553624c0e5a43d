import ArgumentParser
import Foundation
import VeedorPlan
import VeedorRecords
import VeedorReports
import VeedorRubric
import VeedorWorkspace

/// `veedor log`: the history of acts, corrections included.
struct Log: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "log", abstract: "Show the ledger's history, optionally for one commitment.",
    discussion: "Example: veedor log CLPLN0001")

  @OptionGroup var options: WorkspaceOptions
  @Argument(help: "Commitment id (all when omitted).") var commitment: String?
  @Flag(help: "Print JSON.") var json = false
  @Option(name: .customLong("lang"), help: "Language: en or es (default: from LC_ALL/LANG, else en).")
  var language: Language?

  func run() throws {
    let w = ReportWords(language: Environment.language(language))
    let workspace = try options.open()
    let filter = try commitment.map { try workspace.subject($0) }
    var array = JSONArrayOutput()
    try workspace.readActs({ ActSelection.log(commitment: filter, state: $0) }) { acts, _ in
      if json { return try array.append(acts) }
      ParallelText.write(
        try ParallelText.join(acts) { chunk in
          var text = ""
          for act in chunk {
            let line: TerminalText = "#\(act.seq)  \(act.time)  \(Self.describe(act, w))"
            text += line.description + "\n"
          }
          return Array(text.utf8)
        })
    }
    if json { try array.finish() }
  }

  /// One act as a line, in the output language.
  static func describe(_ act: Act, _ w: ReportWords) -> TerminalText {
    switch act.type {
    case .planImported:
      let p = act.plan
      return
        "\(w.format("log.plan", p?.id ?? "", String(p?.commitments ?? 0), p?.rubric ?? "", p?.rubricVersion ?? ""))"
    case .evidenceAdded:
      let e = act.evidence
      return
        "\(w.format("log.evidence", e?.id ?? "", e?.commitment ?? "", e?.title ?? "", e?.url ?? e?.fileName ?? ""))"
    case .scoreRecorded, .scoreCorrected:
      let s = act.score
      let head =
        act.type == .scoreCorrected
        ? w.format("log.corrects", s?.id ?? "", s?.supersedes ?? "") : w.format("log.score", s?.id ?? "")
      let reply = s?.inReplyTo.map { w.format("log.inReplyTo", $0) } ?? ""
      return
        "\(head)\(reply): \(s?.commitment ?? "") \(s?.scale ?? "") = \(s?.levels.joined(separator: ",") ?? "") — \(s?.rationale ?? "") [\(s?.evidence.joined(separator: ",") ?? "")]"
    case .note:
      return "\(w["log.note"])\(act.note?.commitment.map { w.format("log.on", $0) } ?? ""): \(act.note?.text ?? "")"
    case .monitorKey:
      let m = act.monitor
      return "\(w["log.monitorKey"]): \(m?.name ?? "")\(m?.email.map { " <\($0)>" } ?? "") \(m?.publicKey ?? "")"
    case .partyAdded, .partyRemoved:
      let p = act.party
      let verb = act.type == .partyAdded ? w["log.partyAdded"] : w["log.partyRemoved"]
      return
        "\(verb): \(p?.name ?? "") (\(p.map { w.term($0.role.rawValue) } ?? "")\(p?.title.map { ", \($0)" } ?? "")) \(p?.publicKey ?? "")"
    case .reviewOpened:
      let r = act.review
      return "\(w.format("log.reviewOpened", r?.id ?? "", r?.opens ?? "", r?.closes ?? "", String(act.seq + 1)))"
    case .reviewClosed:
      let r = act.review
      let open = r?.unanswered ?? []
      let left = open.isEmpty ? "" : w.format("log.leftUnanswered", open.joined(separator: ", "))
      return "\(w.format("log.reviewClosed", r?.id ?? ""))\(left)"
    case .replyAdded:
      let r = act.reply
      let who =
        r?.party.map { w.format("log.signedBy", $0) }
        ?? w["log.unsigned"] + (r?.submitter.map { w.format("log.from", $0) } ?? "")
      return "\(w.format("log.reply", r?.id ?? "", who, String(r?.sha256.prefix(12) ?? "")))"
    case .replyAnswered:
      let a = act.answer
      return
        "\(w.format("log.answer", a?.reply ?? "", a.map { w.term($0.decision.rawValue) } ?? "", a?.rationale ?? ""))"
    case .milestoneUpdated:
      let u = act.milestone
      let met = u?.met.map { w.format("log.met", $0) } ?? ""
      let note = u.map { $0.note.isEmpty ? "" : " — \($0.note)" } ?? ""
      let status = u.map { w.language == .es ? w["status.\($0.status.rawValue)"] : $0.status.rawValue } ?? ""
      return
        "\(w.format("log.update", u?.id ?? "", u?.milestone ?? "", status, String(u?.progress ?? 0), u?.date ?? ""))\(met)\(note)"
    case .milestoneChanged:
      let c = act.milestoneChange
      return
        "\(w.format("log.milestoneChanged", c?.milestone ?? "", c.map { w.term($0.change.rawValue) } ?? "", c?.reason ?? ""))"
    case .checkinAdded:
      let c = act.checkin
      return
        "\(w.format("log.checkin", c?.id ?? "", c?.date ?? "", c?.units.joined(separator: ", ") ?? "", c?.reported ?? ""))"
    case .scoreReconciled:
      let r = act.reconciliation
      let head = w.format(
        "log.reconciled", r?.commitment ?? "", r?.scale ?? "", r?.reviewer ?? "",
        r?.reviewerLevels.joined(separator: ",") ?? "", r.map { w.term($0.stands.rawValue, "stands") } ?? "")
      return "\(head)\(r?.score.map { " (\($0))" } ?? "") — \(r?.rationale ?? "")"
    }
  }
}

/// `veedor note`: adds a free-text note to the ledger.
struct Note: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "note", abstract: "Add a note to the ledger.",
    discussion: "Example: veedor note \"Met the forum\" --commitment CLPLN0002")

  @OptionGroup var options: WorkspaceOptions
  @Argument(help: "The note.") var text: String
  @Option(help: "Commitment the note is about.") var commitment: String?
  /// The language of messages: `--lang en|es`.
  @OptionGroup var messages: MessageLanguageOption

  func run() throws {
    try options.open(decodingRubric: false).addNote(text, commitment: commitment, now: Environment.now())
    Output.line("noted", es: "nota registrada")
  }
}
