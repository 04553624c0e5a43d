import VeedorPlan
import VeedorRecords
import VeedorRubric

/// What a form page shows, in the form's order, before it is written as Markdown or HTML: both
/// renderings come from these blocks, so they cannot say different things.
public enum FormBlock: Sendable, Hashable {
  /// The page title.
  case title(String)
  /// Labelled facts (plan, monitor, deadline, …).
  case facts([Fact])
  /// A notice shown prominently (draft, late).
  case banner(String)
  /// A section heading.
  case section(String)
  /// A commitment heading inside a section about commitments.
  case subject(String)
  /// One numbered question with its answer, or its absence.
  case question(Question)
  /// A plain paragraph.
  case paragraph(String)
  /// A labelled list of short items (nothing when empty).
  case list(String, [String])

  /// One labelled fact.
  public struct Fact: Sendable, Hashable {
    /// The label.
    public var label: String
    /// The value.
    public var value: String
  }

  /// A numbered question and what the ledger records as its answer.
  public struct Question: Sendable, Hashable {
    /// Its number, e.g. `1.2`.
    public var number: String
    /// The scale's title.
    public var title: String
    /// The question as the rubric asks it.
    public var text: String
    /// The chosen levels with what each means; empty when not answered.
    public var answer: [String]
    /// The monitor's explanation.
    public var explanation: String?
    /// The cited evidence, one line each.
    public var evidence: [String]
    /// Earlier answers this one corrects, oldest first.
    public var history: [String]
  }
}

/// Lays out a report that is an assessment form (``Report/form``) as ``FormBlock``s.
public enum FormLayout {
  /// The blocks of the form in one language; empty when the report is not a form.
  public static func blocks(_ report: Report, language: Language) -> [FormBlock] {
    guard let form = report.form else { return [] }
    let w = ReportWords(language: language)
    let lang = language.rawValue
    let rubric = report.pinnedRubric()
    let definition = rubric?.form(form.id)
    var blocks: [FormBlock] = []
    let draft = report.isDraft ? "\(w["draft"]) — " : ""
    let planTitle = report.plan.title?.best(lang) ?? report.plan.id
    blocks.append(.title("\(draft)\(form.title.text(language)): \(planTitle)"))
    if let banner = VoiceText.banner(report, language) { blocks.append(.banner(banner)) }
    var facts = [
      FormBlock.Fact(label: w["plan"], value: "\(planTitle) (\(report.plan.id))"),
      FormBlock.Fact(label: w["member"], value: report.plan.member),
    ]
    let commitment = form.commitment.flatMap { id in report.commitments.first { $0.id == id } }
    if let commitment {
      facts.append(.init(label: w["commitment"], value: "\(commitment.id) — \(commitment.title.best(lang))"))
    }
    facts.append(.init(label: w["monitor"], value: "\(report.monitor.name) (\(report.monitor.sshFingerprint))"))
    facts.append(.init(label: w["due"], value: dueText(form, definition, rubric, w)))
    facts.append(.init(label: w["generated"], value: report.generated))
    if let limits = definition?.evidenceLimits {
      let mb = String(limits.bytesPerFile / (1 << 20))
      facts.append(
        .init(
          label: w["files"],
          value: w.format("filesLimit", String(form.files.count), String(limits.files), mb)
            + (form.files.isEmpty ? "" : " (\(form.files.joined(separator: ", ")))")))
    }
    facts.append(
      .init(
        label: w["checkpoint"],
        value:
          "\(report.checkpoint.origin), \(report.checkpoint.size) \(w["entries"]), \(w["root"]) \(report.checkpoint.root)"
      )
    )
    if let source = definition?.source { facts.append(.init(label: w["formSource"], value: source)) }
    blocks.append(.facts(facts))
    // A deadline known only to the month (the plan's date gives no day) lasts to the month's end.
    if let due = form.due.flatMap(PlanDate.init(iso:)), let signed = PlanDate(iso: String(report.generated.prefix(10))),
      due.hasPassed(on: signed)
    {
      blocks.append(.banner(w.format("signedLate", String(report.generated.prefix(10)))))
    }
    var claimsShown: Set<String> = []
    let evidence = Dictionary(report.evidence.map { ($0.record.id, $0.record) }, uniquingKeysWith: { a, _ in a })
    for section in definition?.sections ?? [] {
      blocks.append(.section(w.format("section", section.number, section.title.text(language))))
      let subjects: [Report.CommitmentReport?] =
        section.scope == .plan ? [nil] : commitment.map { [$0] } ?? report.commitments
      for subject in subjects {
        if let subject, commitment == nil {
          blocks.append(.subject("\(subject.id) — \(subject.title.best(lang))"))
        }
        if let subject, section.scope == .commitment, claimsShown.insert(subject.id).inserted,
          let claimed = report.plan.commitments.first(where: { $0.id == subject.id })?.declaredValues, !claimed.isEmpty
        {
          blocks.append(.paragraph(w.format("declaredValues", claimed.joined(separator: "; "))))
        }
        let scores = subject?.scores ?? report.process?.scores ?? []
        for (i, id) in section.scales.enumerated() {
          let scale = section.scope == .plan ? rubric?.planScale(id) : rubric?.scale(id)
          let score = scores.first { $0.scale == id }
          blocks.append(
            .question(
              question(
                number: "\(section.number).\(i + 1)", scale: scale, id: id, score: score, evidence: evidence, w)))
        }
      }
    }
    blocks.append(.paragraph(w["verifyForm"]))
    return blocks
  }

  private static func question(
    number: String, scale: Scale?, id: String, score: Report.ScaleScore?, evidence: [String: EvidenceRecord],
    _ w: ReportWords
  ) -> FormBlock.Question {
    let language = w.language
    let current = score?.current
    let answer = (current?.levels ?? []).map { level in
      "\(level.label.text(language))\(level.confirmed ? "" : " (\(w["unconfirmed"]))") — \(level.definition.text(language))"
    }
    let cited = (current?.evidence ?? []).map { id in
      guard let r = evidence[id] else { return id }
      let target = r.url ?? "\(r.fileName ?? "") sha256:\(r.sha256 ?? "")"
      return "\(r.id) (\(w["kind.\(r.kind.rawValue)"])): \(r.title) — \(target)"
    }
    let history = (score?.history.dropLast() ?? []).map { $0.historyLine(language, corrects: w["corrects"]) }
    return FormBlock.Question(
      number: number, title: scale?.title.text(language) ?? score?.title.text(language) ?? id,
      text: scale?.question.text(language) ?? "", answer: answer, explanation: current?.rationale, evidence: cited,
      history: history)
  }

  /// The deadline with what it counts from, or why there is none yet.
  private static func dueText(
    _ form: Report.FormInfo, _ definition: AssessmentForm?, _ rubric: Rubric?, _ w: ReportWords
  ) -> String {
    guard let definition else { return form.due ?? "" }
    let months = String(definition.due.months)
    switch definition.due.after {
    case .planSubmitted:
      guard let from = form.countedFrom else { return w["noDueDate"] }
      guard let due = form.due else { return w.format("dueYearOnly", from) }
      return w.format("dueAfterPlan", due, months, from)
    case .score:
      let scale = definition.due.scale.flatMap { rubric?.scale($0) }
      let levels = (definition.due.levels ?? []).compactMap { id in scale?.levels.first { $0.id == id } }
      let scaleName = scale?.title.text(w.language) ?? definition.due.scale ?? ""
      let levelNames = levels.map { $0.label.text(w.language) }.joined(separator: " / ")
      guard let due = form.due, let from = form.countedFrom else {
        return w.format("notDueYet", scaleName, levelNames)
      }
      return w.format("dueAfterScore", due, months, scaleName, levelNames, from)
    }
  }
}
