import VeedorErrors
import VeedorRubric

extension Report {
  /// The answers to a rubric's questions about the whole plan (e.g. OGP Local's co-creation checks).
  public struct ProcessReport: Codable, Sendable, Hashable {
    /// The plan id the answers are recorded on.
    public var subject: String
    /// The answered questions, in the rubric's order, each with its history.
    public var scores: [ScaleScore]
    /// The questions not answered yet.
    public var missing: [String]
  }

  /// One question of a form still unanswered: a plan question, or a scale of one commitment.
  public struct FormGap: Codable, Sendable, Hashable {
    /// The commitment, or nil for a question about the plan.
    public var commitment: String?
    /// The scale or plan question.
    public var scale: String

    /// Creates a gap.
    public init(commitment: String?, scale: String) {
      self.commitment = commitment
      self.scale = scale
    }
  }

  /// Which assessment form a report is, when it is due and what it still lacks; derived from the
  /// form's definition in the pinned rubric and the ledger.
  public struct FormInfo: Codable, Sendable, Hashable {
    /// The form's id in the rubric (`inception`, `end-of-commitment`).
    public var id: String
    /// The form's name.
    public var title: LocalizedText
    /// The commitment a per-commitment form is about.
    public var commitment: String?
    /// The day the deadline counts from (`YYYY-MM-DD`, or `YYYY-MM` when the plan gives no day),
    /// nil while the event has not happened (e.g. the commitment is not complete).
    public var countedFrom: String?
    /// The deadline, `countedFrom` plus the form's months; nil when `countedFrom` is.
    public var due: String?
    /// Questions the form asks that the ledger has not answered.
    public var missing: [FormGap]
    /// The evidence files the form's answers cite (ids), checked against the form's upload limits.
    public var files: [String]
  }

  /// What a monitor asks to export: a form by id, and for a per-commitment form the commitment.
  public struct FormRequest: Sendable, Hashable {
    /// The form's id.
    public var id: String
    /// The commitment, for a per-commitment form.
    public var commitment: String?

    /// Creates a request.
    public init(id: String, commitment: String? = nil) {
      self.id = id
      self.commitment = commitment
    }
  }
}

extension Report {
  /// The rubric the report's inputs pin, decoded once per SHA-256; nil if it cannot be read.
  public func pinnedRubric() -> Rubric? {
    try? DecodedInputs.shared.rubric(sha256: rubric.sha256) { () throws(ReportsError) in
      do { return try Rubric.load(try inputs.rubricBytes()) } catch {
        throw ReportsError(.integrity, "\(error)", es: spanishText(error))
      }
    }
  }

  /// The titles of the pinned rubric's plan questions by id, for pages that name unanswered ones.
  public func planQuestionTitles() -> [String: LocalizedText] {
    Dictionary((pinnedRubric()?.planScales ?? []).map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
  }

  /// The unanswered plan questions by title in a language (the id when the rubric has no title).
  public func missingPlanQuestions(_ language: Language) -> String {
    let titles = planQuestionTitles()
    return (process?.missing ?? []).map { titles[$0]?.text(language) ?? $0 }.joined(separator: ", ")
  }
}
