import Foundation
import VeedorPlan

/// What a `review.opened` or `review.closed` entry records: the window in which parties reply to a draft.
///
/// The draft is the report signed at the checkpoint that ends with the `review.opened` entry, so its
/// size is that entry's `seq` + 1.
public struct ReviewRecord: Codable, Sendable, Hashable {
  /// Window id such as `W1`.
  public var id: String
  /// First day replies are due in time (`YYYY-MM-DD`).
  public var opens: String
  /// Last day replies count as on time (`YYYY-MM-DD`).
  public var closes: String
  /// On `review.closed`: the replies of the window still unanswered, which the final report states.
  public var unanswered: [String]?

  /// Creates a record.
  public init(id: String, opens: String, closes: String, unanswered: [String]? = nil) {
    self.id = id
    self.opens = opens
    self.closes = closes
    self.unanswered = unanswered
  }

  /// The calendar day `days` after a `YYYY-MM-DD` day, or nil when it is not a day.
  public static func day(_ day: String, plus days: Int) -> String? {
    guard isDay(day), let start = ISO8601DateFormatter().date(from: day + "T00:00:00Z") else { return nil }
    return String(Act.timestamp(start.addingTimeInterval(Double(days) * 86_400)).prefix(10))
  }

  /// Whether a text is a full calendar date `YYYY-MM-DD`.
  public static func isDay(_ text: String) -> Bool {
    text.count == 10 && PlanDate(iso: text)?.day != nil
  }
}
