import Foundation
import VeedorLedger
import VeedorRecords
import VeedorSigning

/// The shown parts of a report that other voices add — review window, replies with their answers,
/// reconciliations — computed from replayed state.
struct ReportVoices {
  let state: LedgerState
  let lines: [Data]

  /// The last window, with the draft's checkpoint root computed from the ledger lines.
  func review() -> Report.ReviewInfo? {
    guard let window = state.voices.windows.last, window.draftSize <= lines.count,
      let root = try? MerkleTree(entries: lines.prefix(window.draftSize)).root()
    else { return nil }
    return Report.ReviewInfo(
      window: window.record.id, opens: window.record.opens, closes: window.record.closes, draft: window.closed == nil,
      draftSize: window.draftSize, draftRoot: root.base64EncodedString(), unanswered: window.closed?.unanswered,
      closedAt: window.closedTime)
  }

  /// Every reply with its answer and the scores recorded in reply to it.
  func replies() -> [Report.ReplyItem]? {
    guard !state.voices.replies.isEmpty else { return nil }
    var scoresFor: [String: [String]] = [:]
    for act in state.acts {
      if let score = act.score, let reply = score.inReplyTo { scoresFor[reply, default: []].append(score.id) }
    }
    return state.voices.replies.map { reply in
      let answer = reply.answer.map { answer in
        Report.AnswerInfo(
          decision: answer.decision, rationale: answer.rationale, entry: reply.answerEntry ?? -1,
          time: reply.answerTime ?? "")
      }
      return Report.ReplyItem(
        id: reply.record.id, entry: reply.entry, time: reply.time, window: reply.window, late: reply.late,
        party: reply.party.map(Self.info), submitter: reply.record.submitter, sha256: reply.record.sha256,
        commitment: reply.text.commitment, scale: reply.text.scale, proposedLevel: reply.text.proposedLevel,
        evidence: reply.text.evidence, text: reply.text.text, answer: answer,
        scores: scoresFor[reply.record.id] ?? [])
    }
  }

  /// Every reconciliation, in ledger order.
  func reconciliations() -> [Report.ReconciliationItem]? {
    guard !state.voices.reconciliations.isEmpty else { return nil }
    return state.voices.reconciliations.map { item in
      let r = item.record
      return Report.ReconciliationItem(
        commitment: r.commitment, scale: r.scale, reviewer: Self.info(item.reviewer), reviewerLevels: r.reviewerLevels,
        stands: r.stands, rationale: r.rationale, score: r.score,
        reviewerCheckpointSize: r.reviewerProof.flatMap {
          try? Checkpoint(text: SignedNote(parsing: $0.checkpoint).text)
        }?
        .size, entry: item.entry, time: item.time)
    }
  }

  static func info(_ party: PartyRecord) -> Report.PartyInfo {
    return Report.PartyInfo(
      name: party.name, role: party.role, title: party.title, publicKey: party.publicKey,
      sshFingerprint: MonitorKey.publicKey(sshLine: party.publicKey).map(MonitorKey.sshFingerprint) ?? "")
  }
}
