import Foundation

/// An assessment methodology as data: its scales, levels, derived indicators and aggregates.
public struct Rubric: Codable, Sendable, Hashable {
  /// The file format tag every rubric file carries.
  public static let formatTag = "veedor-rubric/1"

  /// Always `veedor-rubric/1`.
  public var format: String
  /// Stable identifier (e.g. `irm-2021`).
  public var id: String
  /// Version of this rubric file; a correction is a new version.
  public var version: String
  /// Name of the methodology.
  public var title: LocalizedText
  /// What the methodology is for.
  public var description: LocalizedText?
  /// Public sources the scales are paraphrased from.
  public var sources: [String]
  /// The scales, in the order a monitor assesses them.
  public var scales: [Scale]
  /// Values derived from the scores.
  public var indicators: [Indicator]
  /// Plan-level figures.
  public var aggregates: [AggregateDefinition]
  /// Questions asked once about the whole plan (e.g. OGP Local's co-creation checks), scored on the plan's id.
  public var planScales: [Scale]?
  /// The method's assessment forms, if it delivers its results as forms.
  public var forms: [AssessmentForm]?

  /// Creates a rubric.
  public init(
    id: String, version: String, title: LocalizedText, description: LocalizedText? = nil,
    sources: [String] = [], scales: [Scale], indicators: [Indicator] = [],
    aggregates: [AggregateDefinition] = []
  ) {
    self.format = Rubric.formatTag
    self.id = id
    self.version = version
    self.title = title
    self.description = description
    self.sources = sources
    self.scales = scales
    self.indicators = indicators
    self.aggregates = aggregates
  }

  /// The scale with the given id.
  public func scale(_ id: String) -> Scale? {
    scales.first { $0.id == id }
  }

  /// The plan question with the given id.
  public func planScale(_ id: String) -> Scale? {
    planScales?.first { $0.id == id }
  }

  /// The form with the given id.
  public func form(_ id: String) -> AssessmentForm? {
    forms?.first { $0.id == id }
  }

  /// Parses and fully validates a rubric file's bytes.
  ///
  /// - Throws: ``RubricError/invalid(_:)`` listing every problem with its JSON path.
  public static func load(_ data: Data) throws(RubricError) -> Rubric {
    let problems = RubricValidator.validate(data)
    guard problems.isEmpty else { throw .invalid(problems) }
    do {
      return try JSONDecoder().decode(Rubric.self, from: data)
    } catch {
      throw .invalid([RubricProblem(path: "$", message: "\(error)", es: "no se pudo decodificar: \(error)")])
    }
  }
}
