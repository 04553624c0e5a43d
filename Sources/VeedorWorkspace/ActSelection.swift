import Foundation
import VeedorLedger
import VeedorRecords

/// Which acts a read of the ledger shows: a byte test that skips lines before decoding them (it
/// may pick more lines than shown, never fewer) and the exact test on each decoded act.
public struct ActSelection: Sendable {
  /// The byte pre-filter on canonical lines; nil picks every line.
  public var lines: LinePick?
  /// Whether a decoded act is shown.
  public var accepts: @Sendable (Act) -> Bool

  /// A selection from a pre-filter and the exact test.
  public init(lines: LinePick?, accepts: @escaping @Sendable (Act) -> Bool) {
    self.lines = lines
    self.accepts = accepts
  }

  /// What `veedor log` shows: every act, or those about one commitment (or the plan), replies and
  /// answers included through the commitment their reply text names in `state`.
  public static func log(commitment filter: String?, state: LedgerState) -> ActSelection {
    guard let filter else { return ActSelection(lines: nil) { _ in true } }
    let voices = state.voices
    // Every field compared below starts with the id, so its line holds `"` and the id as encoded;
    // a reply or an answer names only the reply's id.
    let replies = voices.replies.filter { $0.text.commitment == filter }.map { quoted($0.record.id) }
    return ActSelection(lines: LinePick(groups: [[opening(filter)] + replies])) { act in
      let reply =
        act.reply.flatMap { voices.reply($0.id)?.text.commitment }
        ?? act.answer.flatMap { voices.reply($0.reply)?.text.commitment }
      let milestone = (act.milestone?.milestone ?? act.milestoneChange?.milestone).map { $0.hasPrefix(filter + ".") }
      return act.evidence?.commitment == filter || act.score?.commitment == filter || act.note?.commitment == filter
        || act.reconciliation?.commitment == filter || reply == filter || milestone == true
        || act.milestoneChange?.commitment == filter || act.checkin?.commitments.contains(filter) == true
    }
  }

  /// What `veedor evidence list` shows: the `evidence.added` acts, or those for one commitment.
  public static func evidence(commitment filter: String?) -> ActSelection {
    var groups = [[Array(#""type":"evidence.added""#.utf8)]]
    if let filter { groups.append([Array(#""commitment":"#.utf8) + quoted(filter)]) }
    return ActSelection(lines: LinePick(groups: groups)) { act in
      guard act.type == .evidenceAdded, let record = act.evidence else { return false }
      return filter == nil || record.commitment == filter
    }
  }

  /// A string as a ledger line writes it, quotes included.
  static func quoted(_ text: String) -> [UInt8] {
    (try? Array(Act.lineEncoder().encode(text))) ?? []
  }

  /// A string's opening quote and text as a ledger line writes them: found in every string value
  /// that starts with it.
  static func opening(_ text: String) -> [UInt8] {
    Array(quoted(text).dropLast())
  }
}
