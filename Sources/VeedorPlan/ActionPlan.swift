import Foundation

/// Text that may exist in English, Spanish or both.
public struct PlanText: Codable, Sendable, Hashable {
  /// English version, if any.
  public var en: String?
  /// Spanish version, if any.
  public var es: String?

  /// Creates a text.
  public init(en: String? = nil, es: String? = nil) {
    self.en = en
    self.es = es
  }

  /// The text in the wanted language, falling back to the other one.
  public func best(_ language: String) -> String {
    (language == "es" ? es ?? en : en ?? es) ?? ""
  }
}

/// A milestone of a commitment: what is to be delivered, by when, by whom, and how much it weighs
/// in the commitment's progress.
public struct Milestone: Codable, Sendable, Hashable {
  /// Stable id such as `CLPLN0001.M2`; when the plan gives none, the commitment id, `.M` and the
  /// milestone's 1-based position (``Commitment/milestoneID(_:)``).
  public var id: String?
  /// What is to be delivered.
  public var title: PlanText
  /// When work on it is planned to start, if the plan says.
  public var start: PlanDate?
  /// When it is due, if the plan says.
  public var due: PlanDate?
  /// The responsible unit, if the plan names one.
  public var responsible: String?
  /// Its weight in the commitment's progress (default 1).
  public var weight: Double?

  /// Creates a milestone.
  public init(
    title: PlanText, due: PlanDate? = nil, id: String? = nil, start: PlanDate? = nil, responsible: String? = nil,
    weight: Double? = nil
  ) {
    self.id = id
    self.title = title
    self.start = start
    self.due = due
    self.responsible = responsible
    self.weight = weight
  }
}

/// One commitment of an action plan.
public struct Commitment: Codable, Sendable, Hashable {
  /// OGP identifier such as `CLPLN0001`.
  public var id: String
  /// Number as printed in the plan ("1", "2.1").
  public var number: String?
  /// Title in the plan's languages.
  public var title: PlanText
  /// Problem, objective or full text, if known.
  public var description: PlanText?
  /// Institution leading the commitment.
  public var leadInstitution: String?
  /// Other institutions involved.
  public var supportingInstitutions: [String]
  /// Start of implementation.
  public var start: PlanDate?
  /// End of implementation.
  public var end: PlanDate?
  /// The start date as the source wrote it, when that was not a plain date.
  public var startText: String?
  /// The end date as the source wrote it, when that was not a plain date.
  public var endText: String?
  /// Planned milestones.
  public var milestones: [Milestone]
  /// Public page of the commitment.
  public var url: String?
  /// The OGP values the government claims for it in the plan, as the plan words them: a claim to
  /// compare with, never the monitor's relevance coding.
  public var declaredValues: [String]?

  /// Creates a commitment.
  public init(
    id: String, number: String? = nil, title: PlanText, description: PlanText? = nil,
    leadInstitution: String? = nil, supportingInstitutions: [String] = [], start: PlanDate? = nil,
    end: PlanDate? = nil, milestones: [Milestone] = [], url: String? = nil
  ) {
    self.id = id
    self.number = number
    self.title = title
    self.description = description
    self.leadInstitution = leadInstitution
    self.supportingInstitutions = supportingInstitutions
    self.start = start
    self.end = end
    self.milestones = milestones
    self.url = url
  }
}

/// An OGP action plan: its member, period, institutions and commitments.
public struct ActionPlan: Codable, Sendable, Hashable {
  /// The file format tag of `plan.json`.
  public static let formatTag = "veedor-plan/1"

  /// Always `veedor-plan/1`.
  public var format: String
  /// OGP action-plan id such as `AP_CLPLN01`.
  public var id: String
  /// Member name as OGP writes it ("Peñalolén, Chile").
  public var member: String
  /// OGP member code ("CLPLN").
  public var memberCode: String?
  /// National or local member.
  public var level: String?
  /// Title of the plan.
  public var title: PlanText?
  /// First day of the plan period.
  public var start: PlanDate?
  /// Last day of the plan period.
  public var end: PlanDate?
  /// When the plan was submitted to OGP.
  public var submitted: PlanDate?
  /// Institutions leading the plan.
  public var leadInstitutions: [String]
  /// Public page of the plan.
  public var url: String?
  /// Notes on where the data comes from (e.g. "example data").
  public var note: String?
  /// The same note in Spanish, shown on Spanish pages when given.
  public var noteEs: String?
  /// The commitments, in plan order.
  public var commitments: [Commitment]

  /// Creates a plan.
  public init(
    id: String, member: String, memberCode: String? = nil, level: String? = nil,
    title: PlanText? = nil, start: PlanDate? = nil, end: PlanDate? = nil,
    submitted: PlanDate? = nil, leadInstitutions: [String] = [], url: String? = nil,
    note: String? = nil, commitments: [Commitment]
  ) {
    self.format = ActionPlan.formatTag
    self.id = id
    self.member = member
    self.memberCode = memberCode
    self.level = level
    self.title = title
    self.start = start
    self.end = end
    self.submitted = submitted
    self.leadInstitutions = leadInstitutions
    self.url = url
    self.note = note
    self.commitments = commitments
  }

  /// The note in a language (`es` or `en`): the Spanish one when asked for and given, else `note`.
  public func noteText(_ language: String) -> String? {
    language == "es" ? noteEs ?? note : note
  }

  /// The commitment with an id, ignoring case.
  public func commitment(_ id: String) -> Commitment? {
    commitments.first { $0.id.caseInsensitiveCompare(id) == .orderedSame }
  }
}

extension Commitment {
  /// The stable id of the milestone at `index`: the plan's, else `COMMITMENT.M<position>`.
  public func milestoneID(_ index: Int) -> String {
    milestones[index].id ?? "\(id).M\(index + 1)"
  }
}

extension ActionPlan {
  /// The commitment whose id is the plan's own id, ignoring case, if any. With a rubric that asks
  /// questions about the whole plan, those answers and their evidence carry the plan's id where a
  /// commitment's goes, so the two ids must differ.
  public var commitmentNamedLikePlan: Commitment? {
    commitments.first { $0.id.lowercased() == id.lowercased() }
  }
}
