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

  /// Definitions of the figures: column and the values that count (OGP's own vocabulary).
  static let definitions: [(String, [String], Set<String>)] = [
    ("verifiable", ["Verifiable"], ["Yes", "1"]),
    ("relevant-access-to-information", ["OGP Value Access To Information"], ["1"]),
    ("relevant-civic-participation", ["OGP Value Civic Participation"], ["1"]),
    ("relevant-public-accountability", ["OGP Value Public Accountability"], ["1"]),
    ("relevant-technology-innovation", ["OGP Value Technology"], ["1"]),
    ("ambitious", ["Potential Impact", "Potential for Results"], ["Moderate", "Transformative", "Substantial"]),
    ("high-completion", ["Completion (End Of Term)"], ["Substantial", "Complete"]),
    (
      "strong-early-results", ["Did It Open Government (Overall)", "Early Results"],
      ["Major", "Outstanding", "Significant"]
    ),
    ("starred", ["Starred (Current Formula) End of Term", "x_indicator_starred"], ["1", "yes"]),
  ]

  /// Per plan, in order of first appearance.
  public var plans: [Group]
  /// Every row together.
  public var overall: Group

  /// Computes the summary of a dataset.
  public init(_ dataset: Dataset) {
    var order: [String] = []
    var groups: [String: [[String: String]]] = [:]
    for row in dataset.rows {
      let plan = row["Action Plan ID"] ?? "?"
      if groups[plan] == nil { order.append(plan) }
      groups[plan, default: []].append(row)
    }
    plans = order.map { Self.group($0, groups[$0] ?? []) }
    overall = Self.group("all", dataset.rows)
  }

  static func group(_ plan: String, _ rows: [[String: String]]) -> Group {
    var figures: [String: Figure] = [:]
    for (id, columns, yes) in definitions {
      var count = 0
      var known = 0
      for row in rows {
        let values = columns.compactMap { row[$0] }.filter { !["", "NA", "ND", "NR"].contains($0) }
        guard !values.isEmpty else { continue }
        known += 1
        if values.contains(where: yes.contains) { count += 1 }
      }
      figures[id] = Figure(
        count: count, known: known, percent: known > 0 ? (Double(count) * 1000 / Double(known)).rounded() / 10 : nil)
    }
    let member = plan == "all" ? "" : rows.first?["Country/Locality"] ?? ""
    let monitors = Set(rows.compactMap { $0["x_monitor"] }.filter { !$0.isEmpty }).count
    return Group(plan: plan, member: member, commitments: rows.count, monitors: monitors, figures: figures)
  }

  /// A Markdown table of the summary.
  public var markdown: String {
    let ids = Self.definitions.map(\.0)
    var text = "# Summary\n\n| plan | member | rows | monitors | " + ids.joined(separator: " | ") + " |\n"
    text += "|" + String(repeating: "---|", count: ids.count + 4) + "\n"
    for group in plans + [overall] {
      let cells = ids.map { id -> String in
        guard let f = group.figures[id], f.known > 0 else { return "–" }
        return id == "starred" ? "\(f.count)" : String(format: "%.1f%% (%d/%d)", f.percent ?? 0, f.count, f.known)
      }
      text +=
        "| \(group.plan) | \(group.member.replacingOccurrences(of: "|", with: "/")) | \(group.commitments) | \(group.monitors) | "
        + cells.joined(separator: " | ") + " |\n"
    }
    return text
  }
}
