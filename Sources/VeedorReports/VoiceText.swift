import VeedorRubric

/// Plain-text lines for the review window, replies, answers and reconciliations, shared by the
/// Markdown and HTML reports and the site (each escapes them for its format).
public enum VoiceText {
  /// The draft banner, or for a final report the replies it left unanswered; nil when neither applies.
  public static func banner(_ report: Report, _ language: Language) -> String? {
    let w = ReportWords(language: language)
    guard let review = report.review else { return nil }
    if review.draft {
      return w.format(
        "draftBanner", review.opens, review.closes, review.window, "\(review.draftSize) \(review.draftRoot)")
    }
    var parts: [String] = []
    if let closed = review.closedAt, String(closed.prefix(10)) <= review.closes {
      parts.append(w.format("closedEarly", review.window, review.closes, String(closed.prefix(10))))
    }
    if let open = review.unanswered, !open.isEmpty {
      let since = open.filter { id in report.replies?.first { $0.id == id }?.answer != nil }
      parts.append(
        w.format("finalUnanswered", open.joined(separator: ", "))
          + (since.isEmpty ? "" : " " + w.format("answeredSince", since.joined(separator: ", "))))
    }
    return parts.isEmpty ? nil : parts.joined(separator: " ")
  }

  /// Replies about a commitment that no shown score section carries: about the whole commitment,
  /// or about a scale it has no score on yet.
  public static func otherReplies(_ report: Report, _ c: Report.CommitmentReport) -> [Report.ReplyItem] {
    let shown = Set(c.scores.map(\.scale))
    return (report.replies ?? []).filter { $0.commitment == c.id && !shown.contains($0.scale ?? "") }
  }

  /// Reconciliations of a commitment's scales that have no score shown.
  public static func otherReconciliations(_ report: Report, _ c: Report.CommitmentReport)
    -> [Report.ReconciliationItem]
  {
    let shown = Set(c.scores.map(\.scale))
    return (report.reconciliations ?? []).filter { $0.commitment == c.id && !shown.contains($0.scale) }
  }

  /// Replies about exactly this commitment and scale (nil commitment: the whole report; nil scale: the
  /// whole commitment).
  public static func replies(_ report: Report, commitment: String?, scale: String?) -> [Report.ReplyItem] {
    (report.replies ?? []).filter { $0.commitment == commitment && $0.scale == scale }
  }

  /// Reconciliations of one commitment and scale.
  public static func reconciliations(_ report: Report, commitment: String, scale: String)
    -> [Report.ReconciliationItem]
  {
    (report.reconciliations ?? []).filter { $0.commitment == commitment && $0.scale == scale }
  }

  /// `R1 · Reply signed by dideco (government, Full name) · 2024-05-02T10:00:00Z · on time`.
  public static func heading(_ reply: Report.ReplyItem, _ language: Language) -> String {
    let w = ReportWords(language: language)
    var who: String
    if let party = reply.party {
      let details = [w[party.role.rawValue], party.title].compactMap { $0 }.joined(separator: ", ")
      who = "\(w["reply"]), \(w["signedBy"]) \(party.name) (\(details))"
    } else {
      who = "\(w["comment"]), \(reply.submitter.map { "“\($0)”" } ?? w["anonymous"])"
    }
    return "\(reply.id) · \(who) · \(reply.time) · \(reply.late ? w["late"] : w["onTime"])"
  }

  /// What the reply proposes and cites, if anything.
  public static func facts(_ reply: Report.ReplyItem, _ language: Language) -> String? {
    let w = ReportWords(language: language)
    var parts: [String] = []
    if let scale = reply.scale { parts.append("\(w["scale"]): \(scale)") }
    if let level = reply.proposedLevel { parts.append("\(w["proposes"]): \(level)") }
    if !reply.evidence.isEmpty { parts.append("\(w["evidence"]): \(reply.evidence.joined(separator: " "))") }
    return parts.isEmpty ? nil : parts.joined(separator: " · ")
  }

  /// `Monitor's answer: accepted — rationale (led to S9)`, or that it is not yet answered.
  public static func answer(_ reply: Report.ReplyItem, _ language: Language) -> String {
    let w = ReportWords(language: language)
    guard let answer = reply.answer else { return "\(w["answer"]): \(w["unanswered"])" }
    let led = reply.scores.isEmpty ? "" : " (\(w["ledTo"]) \(reply.scores.joined(separator: ", ")))"
    return "\(w["answer"]) (\(answer.time)): \(w[answer.decision.rawValue]) — \(answer.rationale)\(led)"
  }

  /// `Second reviewer reviewer-name: their reading X; the monitor's score stands — rationale`.
  public static func reconciliation(_ item: Report.ReconciliationItem, _ language: Language) -> String {
    let w = ReportWords(language: language)
    let outcome = item.stands == .monitor ? w["standsMonitor"] : w["standsReviewer"]
    let score = item.score.map { " (\($0))" } ?? ""
    return
      "\(w["reconciliation"]) \(item.reviewer.name) (\(item.reviewerCheckpointSize.map { w.format("signedReading", "\($0)") } ?? w["asRecorded"])): \(w["theirLevel"]) \(item.reviewerLevels.joined(separator: ", ")); \(outcome)\(score) — \(item.rationale)"
  }
}
