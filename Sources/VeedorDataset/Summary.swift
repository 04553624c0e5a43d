import Foundation

/// Aggregates per action plan and overall, computed from the OGP columns of a dataset.
public struct Summary: Codable, Sendable {
  /// One figure: how many rows meet it among those where the column is known.
  public struct Figure: Codable, Sendable {
    public var count: Int
    public var known: Int
    public var percent: Double?
  }

  /// The figures of one group of rows.
  public struct Group: Codable, Sendable {
    public var plan: String
    public var member: String
    public var commitments: Int
    /// Distinct monitors (signing keys) whose reports gave rows; OGP's own sheet rows count as none.
    public var monitors: Int
    public var figures: [String: Figure]
  }

  /// The figures, each computed per row the way OGP's sheet computes it (``OGPDerived``): nil when
  /// the row is not assessed for it, else whether it counts. Never pooled across scales.
  static let definitions: [(String, @Sendable (OGPRow) -> Bool?)] = [
    (
      "verifiable",
      { row in OGPDerived.isCoded(row["Verifiable"]) ? ["Yes", "1"].contains(row["Verifiable"] ?? "") : nil }
    ),
    ("relevant", OGPDerived.relevant),
    ("relevant-access-to-information", { value($0, "OGP Value Access To Information") }),
    ("relevant-civic-participation", { value($0, "OGP Value Civic Participation") }),
    ("relevant-public-accountability", { value($0, "OGP Value Public Accountability") }),
    ("relevant-technology-innovation", { value($0, "OGP Value Technology") }),
    ("high-ambition", OGPDerived.highAmbition),
    (
      "potential-for-results-substantial",
      { row in OGPDerived.isCoded(row["Potential for Results"]) ? row["Potential for Results"] == "Substantial" : nil }
    ),
    ("high-completion", OGPDerived.highCompletion),
    ("high-diog", OGPDerived.highDIOG),
    ("max-star", OGPDerived.maxStar),
    ("starred-end-of-term", { OGPDerived.starred($0, at: .endOfTerm) }),
    ("starred-progress-report", { OGPDerived.starred($0, at: .progressReport) }),
    ("starred-2015-formula", { OGPDerived.starred($0, at: .progressReport, only2015: true) }),
  ]

  /// A 0/1 value column: nil when not coded.
  static func value(_ row: OGPRow, _ column: String) -> Bool? {
    OGPDerived.isCoded(row[column]) ? row[column] == "1" : nil
  }

  /// Per plan, in order of first appearance.
  public var plans: [Group]
  /// Every row together.
  public var overall: Group

  /// Computes the summary of a dataset, on one thread per core.
  public init(_ dataset: Dataset) { self.init(dataset, workers: ParallelMap.defaultWorkers) }

  /// Computes the summary of a dataset on `workers` threads (the figures are the same for any number).
  init(_ dataset: Dataset, workers: Int) {
    var order: [String] = []
    var groups: [String: [Int]] = [:]
    let rows = dataset.storage
    for (i, row) in rows.enumerated() {
      let plan = row["Action Plan ID"] ?? "?"
      if groups[plan] == nil { order.append(plan) }
      groups[plan, default: []].append(i)
    }
    // Each row's answer to each figure, computed once for its plan's group and for the overall one.
    let answers = Self.answers(rows, workers: workers)
    plans = order.map { Self.group($0, rows, answers, groups[$0] ?? []) }
    overall = Self.group("all", rows, answers, Array(rows.indices))
  }

  /// Each row's answer to each figure of ``definitions`` (nil: not assessed for it), on `workers` threads.
  static func answers(_ rows: [OGPRow], workers: Int) -> [[Bool?]] {
    let chunk = 256
    return ParallelMap.map((rows.count + chunk - 1) / chunk, workers: workers) { c in
      ((c * chunk)..<min(rows.count, (c + 1) * chunk)).map { i in definitions.map { $0.1(rows[i]) } }
    }.flatMap { $0 }
  }

  /// The figures of the rows at `indices`, from their precomputed `answers`.
  static func group(_ plan: String, _ rows: [OGPRow], _ answers: [[Bool?]], _ indices: [Int]) -> Group {
    var figures: [String: Figure] = [:]
    for (d, (id, _)) in definitions.enumerated() {
      var count = 0
      var known = 0
      for i in indices {
        guard let yes = answers[i][d] else { continue }
        known += 1
        if yes { count += 1 }
      }
      figures[id] = Figure(
        count: count, known: known, percent: known > 0 ? (Double(count) * 1000 / Double(known)).rounded() / 10 : nil)
    }
    let member = plan == "all" ? "" : indices.first.map { rows[$0]["Country/Locality"] ?? "" } ?? ""
    let monitors = Set(indices.compactMap { rows[$0]["x_monitor"] }.filter { !$0.isEmpty }).count
    return Group(plan: plan, member: member, commitments: indices.count, monitors: monitors, figures: figures)
  }

  /// A Markdown table of the summary.
  public var markdown: String {
    let ids = Self.definitions.map(\.0)
    var text = "# Summary\n\n| plan | member | rows | monitors | " + ids.joined(separator: " | ") + " |\n"
    text += "|" + String(repeating: "---|", count: ids.count + 4) + "\n"
    for group in plans + [overall] {
      let cells = ids.map { id -> String in
        guard let f = group.figures[id], f.known > 0 else { return "–" }
        return id.contains("star") ? "\(f.count)" : String(format: "%.1f%% (%d/%d)", f.percent ?? 0, f.count, f.known)
      }
      text +=
        "| \(group.plan) | \(group.member.replacingOccurrences(of: "|", with: "/")) | \(group.commitments) | \(group.monitors) | "
        + cells.joined(separator: " | ") + " |\n"
    }
    return text
  }
}
