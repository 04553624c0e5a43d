import Foundation
import VeedorReports
import VeedorRubric

/// How far two or more verified reports of one plan, scored on the same rubric bytes, agree: per scale
/// and overall, with every disagreement listed.
public struct ReaderAgreement: Codable, Sendable {
  /// One reader (the signer of one report).
  public struct Reader: Codable, Sendable, Hashable {
    /// The name the report's ledger records for its signer.
    public var name: String
    /// The signing key's OpenSSH fingerprint.
    public var sshFingerprint: String
  }

  /// Two readers' agreement.
  public struct Pair: Codable, Sendable, Hashable {
    /// Index of the first reader.
    public var first: Int
    /// Index of the second reader.
    public var second: Int
    /// Their figures.
    public var agreement: PairAgreement
  }

  /// The figures for one scale (or, with `scale` nil, over every item of every scale).
  public struct Figures: Codable, Sendable, Hashable {
    /// Scale id; nil for the overall figures.
    public var scale: String?
    /// Ordinal for single-choice scales (levels in ascending order), else nominal.
    public var metric: Metric
    /// Items at least two readers scored.
    public var pairable: Int
    /// Every pair of readers.
    public var pairs: [Pair]
    /// Krippendorff's alpha with the nominal metric.
    public var alphaNominal: Double?
    /// Krippendorff's alpha with the ordinal metric (ordinal scales only).
    public var alphaOrdinal: Double?
  }

  /// One reader's reading of a disputed item.
  public struct Reading: Codable, Sendable, Hashable {
    /// Index of the reader.
    public var reader: Int
    /// The level ids chosen.
    public var levels: [String]
    /// The rationale given.
    public var rationale: String
  }

  /// An item the readers scored differently.
  public struct Disagreement: Codable, Sendable, Hashable {
    /// Commitment id.
    public var commitment: String
    /// Scale id.
    public var scale: String
    /// Every reader's reading (readers who did not score it are left out).
    public var readings: [Reading]
  }

  /// Action-plan id.
  public var plan: String
  /// Rubric id.
  public var rubric: String
  /// The readers, in the order the reports were given.
  public var readers: [Reader]
  /// Per scale, in rubric order.
  public var scales: [Figures]
  /// Over every item of every scale (nominal: an item's category is its scale and levels).
  public var overall: Figures
  /// Every item scored differently, in plan and rubric order.
  public var disagreements: [Disagreement]

  /// Computes the figures; refuses fewer than two reports, other plans or other rubric bytes.
  public init(_ reports: [Report]) throws(AgreementError) {
    guard reports.count >= 2, let first = reports.first else {
      throw AgreementError("give two or more reports", es: "indique dos o más informes")
    }
    var signers: Set<String> = []
    for (i, report) in reports.enumerated() {
      guard !report.isDraft else {
        throw AgreementError(
          "report \(i + 1) is a draft; compare final reports",
          es: "el informe \(i + 1) es un borrador; compare informes finales")
      }
      guard signers.insert(report.monitor.publicKey).inserted else {
        throw AgreementError(
          "report \(i + 1) is signed by the same key as an earlier one; compare different readers",
          es: "el informe \(i + 1) está firmado con la misma clave que uno anterior; compare lectores distintos")
      }
      guard report.plan.id == first.plan.id else {
        throw AgreementError(
          "report \(i + 1) is of plan \(report.plan.id), report 1 of \(first.plan.id)",
          es: "el informe \(i + 1) es del plan \(report.plan.id), el informe 1 del \(first.plan.id)")
      }
      guard report.inputs.plan == first.inputs.plan else {
        throw AgreementError(
          "report \(i + 1) is of other plan bytes than report 1 (plan \(report.plan.id))",
          es: "el informe \(i + 1) tiene bytes del plan distintos de los del informe 1 (plan \(report.plan.id))")
      }
      guard report.rubric.sha256 == first.rubric.sha256 else {
        throw AgreementError(
          "report \(i + 1) was scored on other rubric bytes than report 1 (\(report.rubric.id))",
          es: "el informe \(i + 1) se puntuó con bytes de rúbrica distintos de los del informe 1 (\(report.rubric.id))")
      }
    }
    guard let bytes = try? first.inputs.rubricBytes(), let rubric = try? Rubric.load(bytes) else {
      throw AgreementError("report 1 carries no readable rubric", es: "el informe 1 no trae una rúbrica legible")
    }
    plan = first.plan.id
    self.rubric = rubric.id
    readers = reports.map { Reader(name: $0.monitor.name, sshFingerprint: $0.monitor.sshFingerprint) }
    let commitments = first.plan.commitments.map(\.id)
    // current[reader][commitment][scale] = (levels, rationale)
    let current = reports.map { report in
      Dictionary(
        report.commitments.map { c in
          (
            c.id,
            Dictionary(c.scores.map { ($0.scale, ($0.current.levels.map(\.id), $0.current.rationale)) }) { a, _ in a }
          )
        }
      ) { a, _ in a }
    }
    var scales: [Figures] = []
    var pooled: [[String?]] = []
    var disagreements: [Disagreement] = []
    for scale in rubric.scales {
      let rows = commitments.map { c in current.map { $0[c]?[scale.id]?.0 } }
      let single = scale.selection == .single
      let keys = rows.map { $0.map { $0.map { $0.sorted().joined(separator: ",") } } }
      let order = single ? scale.levels.map(\.id) : Array(Set(keys.flatMap { $0.compactMap { $0 } })).sorted()
      scales.append(Self.figures(scale.id, keys, order: order, metric: single ? .ordinal : .nominal))
      pooled += keys.map { $0.map { $0.map { scale.id + ":" + $0 } } }
      for (c, row) in zip(commitments, rows) where Set(row.compactMap { $0?.sorted() }).count > 1 {
        let readings = row.enumerated().compactMap { i, levels in
          levels.map { Reading(reader: i, levels: $0, rationale: current[i][c]?[scale.id]?.1 ?? "") }
        }
        disagreements.append(Disagreement(commitment: c, scale: scale.id, readings: readings))
      }
    }
    self.scales = scales
    overall = Self.figures(
      nil, pooled, order: Array(Set(pooled.flatMap { $0.compactMap { $0 } })).sorted(), metric: .nominal)
    self.disagreements = disagreements
  }

  private static func figures(_ scale: String?, _ keys: [[String?]], order: [String], metric: Metric) -> Figures {
    let index = Dictionary(order.enumerated().map { ($1, $0) }) { a, _ in a }
    let ratings = keys.map { $0.map { $0.flatMap { index[$0] } } }
    let readers = keys.first?.count ?? 0
    let categories = max(order.count, 1)
    var pairs: [Pair] = []
    for a in 0..<readers {
      for b in (a + 1)..<readers {
        let agreement = Agreement.pair(
          ratings.map { $0[a] }, ratings.map { $0[b] }, categories: categories, metric: metric)
        pairs.append(Pair(first: a, second: b, agreement: agreement))
      }
    }
    let matrix = try? RatingMatrix(categories: categories, ratings: ratings)
    return Figures(
      scale: scale, metric: metric, pairable: ratings.filter { $0.compactMap { $0 }.count >= 2 }.count, pairs: pairs,
      alphaNominal: matrix.flatMap { Agreement.alpha($0, metric: .nominal) },
      alphaOrdinal: metric == .ordinal ? matrix.flatMap { Agreement.alpha($0, metric: .ordinal) } : nil)
  }
}
