/// The level of measurement of the categories, which decides how disagreements are weighed.
public enum Metric: String, Sendable, Codable {
  /// Categories are names: every mismatch counts the same.
  case nominal
  /// Categories are ranks in ascending order: mismatches far apart count more.
  case ordinal
}
