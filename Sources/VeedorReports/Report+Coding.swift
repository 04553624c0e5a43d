import Foundation
import VeedorPlan

extension Report {
  private enum CodingKeys: String, CodingKey {
    case format, generated, inputs, plan, rubric, monitor, checkpoint, commitments, evidence, aggregates, review,
      replies, reconciliations, process, form, cycle, progress, scales
  }

  /// Reads a report, then fills every score's wording in from its `scales`.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    format = try c.decode(String.self, forKey: .format)
    generated = try c.decode(String.self, forKey: .generated)
    inputs = try c.decode(ReportInputs.self, forKey: .inputs)
    plan = try c.decode(ActionPlan.self, forKey: .plan)
    rubric = try c.decode(RubricInfo.self, forKey: .rubric)
    monitor = try c.decode(Monitor.self, forKey: .monitor)
    checkpoint = try c.decode(CheckpointInfo.self, forKey: .checkpoint)
    commitments = try c.decode([CommitmentReport].self, forKey: .commitments)
    evidence = try c.decode([EvidenceItem].self, forKey: .evidence)
    aggregates = try c.decode([Aggregate].self, forKey: .aggregates)
    review = try c.decodeIfPresent(ReviewInfo.self, forKey: .review)
    replies = try c.decodeIfPresent([ReplyItem].self, forKey: .replies)
    reconciliations = try c.decodeIfPresent([ReconciliationItem].self, forKey: .reconciliations)
    process = try c.decodeIfPresent(ProcessReport.self, forKey: .process)
    form = try c.decodeIfPresent(FormInfo.self, forKey: .form)
    cycle = try c.decodeIfPresent(CycleInfo.self, forKey: .cycle)
    progress = try c.decodeIfPresent(ProgressInfo.self, forKey: .progress)
    let wordings = try c.decode([String: ScaleWording].self, forKey: .scales)
    do { try fillWordings(wordings) } catch let error as DecodingError {
      guard case .dataCorrupted(let context) = error else { throw error }
      throw DecodingError.dataCorruptedError(forKey: .scales, in: c, debugDescription: context.debugDescription)
    }
  }

  /// Writes the report, with each scored scale's wording once in `scales`.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(format, forKey: .format)
    try c.encode(generated, forKey: .generated)
    try c.encode(inputs, forKey: .inputs)
    try c.encode(plan, forKey: .plan)
    try c.encode(rubric, forKey: .rubric)
    try c.encode(monitor, forKey: .monitor)
    try c.encode(checkpoint, forKey: .checkpoint)
    try c.encode(commitments, forKey: .commitments)
    try c.encode(evidence, forKey: .evidence)
    try c.encode(aggregates, forKey: .aggregates)
    try c.encodeIfPresent(review, forKey: .review)
    try c.encodeIfPresent(replies, forKey: .replies)
    try c.encodeIfPresent(reconciliations, forKey: .reconciliations)
    try c.encodeIfPresent(process, forKey: .process)
    try c.encodeIfPresent(form, forKey: .form)
    try c.encodeIfPresent(cycle, forKey: .cycle)
    try c.encodeIfPresent(progress, forKey: .progress)
    try c.encode(try scaleWordings(), forKey: .scales)
  }
}

extension Report {
  /// The format tag a file names, read alone whatever the rest holds; nil when it names none.
  public static func formatTag(of data: Data) -> String? {
    struct Tag: Decodable { var format: String? }
    return (try? JSONDecoder().decode(Tag.self, from: data))?.format
  }

  /// Why a report of an earlier format is not read, in English and Spanish; nil for any other tag.
  public static func earlierFormat(_ tag: String?) -> (en: String, es: String)? {
    switch tag {
    case formatTagV1?:
      return (
        "a \(formatTagV1) report carries only the ledger entries it cites, so what it shows cannot be re-derived; ask the monitor to export it again with this version (\(formatTag))",
        "un informe \(formatTagV1) trae solo las entradas del registro que cita, así que lo que muestra no se puede volver a derivar; pida al evaluador que lo exporte de nuevo con esta versión (\(formatTag))"
      )
    case formatTagV2?:
      return (
        "a \(formatTagV2) report is the format before this one (it repeats each level's wording in every score); ask the monitor to export it again with this version (\(formatTag))",
        "un informe \(formatTagV2) es el formato anterior a este (repite la redacción de cada nivel en cada puntuación); pida al evaluador que lo exporte de nuevo con esta versión (\(formatTag))"
      )
    default: return nil
    }
  }

  /// Why bytes that do not read as a report of this format are not one, in English and Spanish: a
  /// report of an earlier format is named as such (``earlierFormat(_:)``).
  public static func unreadable(_ data: Data) -> (en: String, es: String) {
    earlierFormat(formatTag(of: data)) ?? ("not a Veedor report", "no es un informe de Veedor")
  }

  /// The review window a report file names (nil when it names none), read alone: the same in this
  /// format and the one before it, so a party replying with this version can reply to a draft exported
  /// with the one before. Throws ``unreadable(_:)``'s reason for anything else.
  public static func review(of data: Data) throws(ReportsError) -> ReviewInfo? {
    struct Head: Decodable {
      var format: String
      var review: ReviewInfo?
    }
    guard let head = try? JSONDecoder().decode(Head.self, from: data),
      head.format == formatTag || head.format == formatTagV2
    else {
      let why = unreadable(data)
      throw ReportsError(.badInput, why.en, es: why.es)
    }
    return head.review
  }
}
