import Foundation

extension RubricWalker {
  mutating func rule(_ value: JSONValue?, _ path: String, indicators: Bool = true) {
    guard let object = object(value, path) else { return }
    if let rules = object["all"] ?? object["any"] {
      let key = object["all"] != nil ? "all" : "any"
      let items = array(rules, "\(path).\(key)") ?? []
      if items.isEmpty { fail("\(path).\(key)", "must list at least one rule", es: "debe indicar al menos una regla") }
      for (i, item) in items.enumerated() { rule(item, "\(path).\(key)[\(i)]", indicators: indicators) }
    } else if let inner = object["not"] {
      rule(inner, "\(path).not", indicators: indicators)
    } else if object["scored"] != nil {
      if let scale = string(object["scored"], "\(path).scored"), scaleLevels[scale] == nil {
        fail(
          "\(path).scored", "unknown scale '\(scale)'\(indicators ? "" : Self.earlierOnly)",
          es: "escala desconocida '\(scale)'\(indicators ? "" : Self.earlierOnlyES)")
      }
    } else if object["scale"] != nil {
      guard let scale = string(object["scale"], "\(path).scale") else { return }
      guard let known = scaleLevels[scale] else {
        fail(
          "\(path).scale", "unknown scale '\(scale)'\(indicators ? "" : Self.earlierOnly)",
          es: "escala desconocida '\(scale)'\(indicators ? "" : Self.earlierOnlyES)")
        return
      }
      let levels = array(object["in"], "\(path).in") ?? []
      for (i, level) in levels.enumerated() {
        if let level = string(level, "\(path).in[\(i)]"), !known.contains(level) {
          fail(
            "\(path).in[\(i)]", "unknown level '\(level)' of scale '\(scale)'",
            es: "nivel desconocido '\(level)' de la escala '\(scale)'")
        }
      }
    } else if object["indicator"] != nil {
      if !indicators {
        fail(
          "\(path).indicator", "a scale's rule names scales, not indicators",
          es: "la regla de una escala nombra escalas, no indicadores")
      } else if let id = string(object["indicator"], "\(path).indicator"), !indicatorIDs.contains(id) {
        fail("\(path).indicator", "unknown indicator '\(id)'", es: "indicador desconocido '\(id)'")
      }
    } else {
      fail(
        path, "a rule needs one of all, any, not, scale+in, scored or indicator",
        es: "una regla necesita uno de all, any, not, scale+in, scored o indicator")
    }
  }

  mutating func checkIndicatorCycles(_ indicators: [JSONValue]) {
    var edges: [String: Set<String>] = [:]
    for item in indicators {
      guard let object = item.objectValue, let id = object["id"]?.stringValue else { continue }
      edges[id] = Self.references(object["rule"])
    }
    for (i, item) in indicators.enumerated() {
      guard let object = item.objectValue, let id = object["id"]?.stringValue else { continue }
      var seen: Set<String> = []
      var stack = Array(edges[id] ?? [])
      while let next = stack.popLast() {
        if next == id {
          fail(
            "$.indicators[\(i)].rule", "indicator '\(id)' depends on itself",
            es: "el indicador '\(id)' depende de sí mismo")
          break
        }
        if seen.insert(next).inserted { stack.append(contentsOf: edges[next] ?? []) }
      }
    }
  }

  /// Why a scale's rule cannot name a later scale or itself.
  static let earlierOnly = " (a scale's rule may name only the scales listed before it)"
  /// The same in Spanish.
  static let earlierOnlyES = " (la regla de una escala solo puede nombrar las escalas indicadas antes que ella)"

  static func references(_ value: JSONValue?) -> Set<String> {
    guard let object = value?.objectValue else { return [] }
    if let id = object["indicator"]?.stringValue { return [id] }
    if let inner = object["not"] { return references(inner) }
    let items = object["all"]?.arrayValue ?? object["any"]?.arrayValue ?? []
    return items.reduce(into: Set<String>()) { $0.formUnion(references($1)) }
  }
}
