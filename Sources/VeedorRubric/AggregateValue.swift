import Foundation

/// The computed value of one plan-level aggregate.
public struct AggregateValue: Codable, Sendable, Hashable {
  /// The aggregate's id.
  public var id: String
  /// Percentage or count.
  public var kind: AggregateDefinition.Kind
  /// Commitments for which the rule holds.
  public var count: Int
  /// Commitments in the denominator.
  public var total: Int
  /// Commitments whose scores do not yet decide the rule, or whether they are in the denominator.
  public var undecided: Int
  /// `count / total` as a percentage, when there is a denominator.
  public var percent: Double?

  /// Creates an aggregate value.
  public init(
    id: String, kind: AggregateDefinition.Kind, count: Int, total: Int, undecided: Int
  ) {
    self.id = id
    self.kind = kind
    self.count = count
    self.total = total
    self.undecided = undecided
    self.percent = total > 0 ? (Double(count) * 1000 / Double(total)).rounded() / 10 : nil
  }
}

extension Rubric {
  /// Computes every aggregate of the rubric over the sheets of a plan's commitments, counting only the
  /// scores that apply: the denominator is the commitments where `among` holds (all when absent);
  /// a commitment whose `among` is still unknown is undecided, not counted.
  public func aggregateValues(over sheets: [ScoreSheet]) -> [AggregateValue] {
    let sheets = sheets.map(applicable)
    return aggregates.map { definition in
      var pool: [ScoreSheet] = []
      var outsideUndecided = 0
      for sheet in sheets {
        switch definition.among.map({ evaluate($0, on: sheet) }) ?? .yes {
        case .yes: pool.append(sheet)
        case .unknown: outsideUndecided += 1
        case .no: break
        }
      }
      let truths = pool.map { evaluate(definition.of, on: $0) }
      return AggregateValue(
        id: definition.id, kind: definition.kind,
        count: truths.filter { $0 == .yes }.count, total: pool.count,
        undecided: truths.filter { $0 == .unknown }.count + outsideUndecided)
    }
  }
}

extension AggregateValue {
  /// The figure as text: the count, or `45.5% (5/11)`.
  public var figure: String {
    guard kind == .percent else { return "\(count)" }
    return "\(percent.map { String(format: "%.1f%%", $0) } ?? "–") (\(count)/\(total))"
  }
}
