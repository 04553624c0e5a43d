/// One of a method's assessment forms (e.g. OGP Local's Inception Assessment): its sections of
/// questions in the form's order, when it is due, and the evidence it accepts.
///
/// JSON (in a rubric's `forms`): `{"id", "title", "subject": "plan"|"commitment", "source",
/// "due": {"months", "after": "plan-submitted"|"score", "scale"?, "levels"?}, "sections": [...],
/// "evidenceLimits"?: {"files", "bytesPerFile"}}`.
public struct AssessmentForm: Codable, Sendable, Hashable {
  /// What one filled form is about.
  public enum Subject: String, Codable, Sendable, Hashable {
    /// One form for the whole plan.
    case plan
    /// One form per commitment.
    case commitment
  }

  /// The event a form's deadline counts from.
  public enum DueAfter: String, Codable, Sendable, Hashable {
    /// The plan's submission date.
    case planSubmitted = "plan-submitted"
    /// The ledger entry that first records one of `levels` on `scale` (e.g. completion: complete).
    case score
  }

  /// When the form is due: `months` after an event.
  public struct Due: Codable, Sendable, Hashable {
    /// Months after the event.
    public var months: Int
    /// The event.
    public var after: DueAfter
    /// With `after: score`, the scale whose level starts the clock.
    public var scale: String?
    /// With `after: score`, the levels that start it.
    public var levels: [String]?
  }

  /// One section: numbered questions, each a scale of the rubric (plan questions or commitment scales).
  public struct Section: Codable, Sendable, Hashable {
    /// The section's number as the form prints it (`1`, `2`).
    public var number: String
    /// Its heading.
    public var title: LocalizedText
    /// Whether its questions are about the plan (asked once) or about each commitment.
    public var scope: Subject
    /// The scale ids, in the form's order; the questions are numbered `number.1`, `number.2`, ….
    public var scales: [String]
  }

  /// The most evidence files a form takes, and how large each may be.
  public struct EvidenceLimits: Codable, Sendable, Hashable {
    /// Files per form.
    public var files: Int
    /// Bytes per file.
    public var bytesPerFile: Int
  }

  /// Stable identifier (`inception`, `end-of-commitment`).
  public var id: String
  /// The form's name as OGP gives it.
  public var title: LocalizedText
  /// One form per plan or one per commitment.
  public var subject: Subject
  /// Where the form and its deadline are defined.
  public var source: String
  /// When it is due.
  public var due: Due
  /// Its sections, in order.
  public var sections: [Section]
  /// Upload limits for evidence files, if the form has them.
  public var evidenceLimits: EvidenceLimits?
}
