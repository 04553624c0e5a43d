import Foundation

/// `veedor.json`: what a workspace monitors and how its ledger is named.
public struct WorkspaceConfig: Codable, Sendable, Hashable {
  /// The file format tag.
  public static let formatTag = "veedor-workspace/1"

  /// Always `veedor-workspace/1`.
  public var format: String
  /// The action-plan id.
  public var plan: String
  /// The rubric id.
  public var rubric: String
  /// The ledger's origin line for checkpoints, e.g. `veedor/AP_CLPLN01`.
  public var origin: String

  /// Creates a configuration.
  public init(plan: String, rubric: String, origin: String) {
    self.format = WorkspaceConfig.formatTag
    self.plan = plan
    self.rubric = rubric
    self.origin = origin
  }

  /// The default origin for a plan: unique to the workspace (a random suffix), so two monitors of one
  /// plan never share an origin; no spaces or `+`, as checkpoints require.
  public static func defaultOrigin(for planID: String) -> String {
    let safe = planID.unicodeScalars.map { scalar -> String in
      scalar.properties.isWhitespace || scalar == "+" ? "-" : String(scalar)
    }.joined()
    let suffix = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
    return "veedor.local/\(safe)/\(suffix)"
  }
}
