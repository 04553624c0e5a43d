import Foundation
import VeedorRubric

/// Finds where two JSON documents first differ, as a path such as `$.commitments[2].title.es`.
public enum JSONDiff {
  /// The path of the first difference, `nil` when both parse to the same value; a document that
  /// does not parse differs at `$`.
  public static func firstDifference(_ left: Data, _ right: Data) -> String? {
    let decoder = JSONDecoder()
    guard let a = try? decoder.decode(JSONValue.self, from: left),
      let b = try? decoder.decode(JSONValue.self, from: right)
    else { return "$" }
    return difference(a, b, path: "$")
  }

  private static func difference(_ a: JSONValue, _ b: JSONValue, path: String) -> String? {
    switch (a, b) {
    case (.object(let x), .object(let y)):
      for key in Set(x.keys).union(y.keys).sorted() {
        let child = path + "." + key
        guard let u = x[key], let v = y[key] else { return child }
        if let found = difference(u, v, path: child) { return found }
      }
      return nil
    case (.array(let x), .array(let y)):
      for i in 0..<min(x.count, y.count) {
        if let found = difference(x[i], y[i], path: "\(path)[\(i)]") { return found }
      }
      return x.count == y.count ? nil : "\(path)[\(min(x.count, y.count))]"
    default:
      return a == b ? nil : path
    }
  }
}
