import Foundation

/// Checks a rubric file and reports every problem with its JSON path, not just the first.
public enum RubricValidator {
  /// All problems found in the bytes of a rubric file; empty when the file is valid.
  public static func validate(_ data: Data) -> [RubricProblem] {
    guard let root = try? JSONDecoder().decode(JSONValue.self, from: data) else {
      return [RubricProblem(path: "$", message: "not valid JSON", es: "no es JSON válido")]
    }
    var walker = RubricWalker()
    walker.rubric(root)
    return walker.problems + FormsValidator.problems(root)
  }
}

/// Walks a rubric's JSON and collects every problem with its JSON path.
struct RubricWalker {
  var problems: [RubricProblem] = []
  var scaleLevels: [String: Set<String>] = [:]
  var indicatorIDs: Set<String> = []

  mutating func fail(_ path: String, _ message: String, es: String) {
    problems.append(RubricProblem(path: path, message: message, es: es))
  }

  mutating func object(_ value: JSONValue?, _ path: String) -> [String: JSONValue]? {
    guard let value else {
      fail(path, "is missing", es: "falta")
      return nil
    }
    guard let object = value.objectValue else {
      fail(path, "must be an object", es: "debe ser un objeto")
      return nil
    }
    return object
  }

  mutating func string(_ value: JSONValue?, _ path: String, optional: Bool = false) -> String? {
    guard let value else {
      if !optional { fail(path, "is missing", es: "falta") }
      return nil
    }
    guard let text = value.stringValue, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
      fail(path, "must be a non-empty string", es: "debe ser un texto no vacío")
      return nil
    }
    return text
  }

  /// An optional OGP column name, which must be one of the given OGP columns (by default, the
  /// assessment columns a scale may fill).
  mutating func ogpColumn(
    _ value: JSONValue?, _ path: String, allowed: [String] = OGPAssessmentColumns.scaleColumns,
    kind: (en: String, es: String) = ("assessment columns", "columnas de evaluación")
  ) {
    if let column = string(value, path, optional: true), !allowed.contains(column) {
      fail(
        path, "'\(column)' is not one of OGP's \(kind.en) (\(allowed.joined(separator: ", ")))",
        es: "'\(column)' no es una de las \(kind.es) de OGP (\(allowed.joined(separator: ", ")))")
    }
  }

  mutating func integer(_ value: JSONValue?, _ path: String, optional: Bool = false) -> Int? {
    guard let value else {
      if !optional { fail(path, "is missing", es: "falta") }
      return nil
    }
    guard case .number(let number) = value, let int = Int(exactly: number) else {
      fail(path, "must be an integer", es: "debe ser un número entero")
      return nil
    }
    return int
  }

  mutating func bool(_ value: JSONValue?, _ path: String) {
    guard let value else { return }
    guard case .bool = value else {
      fail(path, "must be true or false", es: "debe ser true o false")
      return
    }
  }

  mutating func array(_ value: JSONValue?, _ path: String, optional: Bool = false) -> [JSONValue]? {
    guard let value else {
      if !optional { fail(path, "is missing", es: "falta") }
      return nil
    }
    guard let items = value.arrayValue else {
      fail(path, "must be an array", es: "debe ser una lista")
      return nil
    }
    return items
  }

  mutating func localized(_ value: JSONValue?, _ path: String, optional: Bool = false) {
    if optional && value == nil { return }
    guard let object = object(value, path) else { return }
    for language in ["en", "es"] {
      _ = string(object[language], "\(path).\(language)")
    }
  }

  mutating func rubric(_ root: JSONValue) {
    guard let top = object(root, "$") else { return }
    if let format = string(top["format"], "$.format"), format != Rubric.formatTag {
      fail("$.format", "must be \"\(Rubric.formatTag)\"", es: "debe ser \"\(Rubric.formatTag)\"")
    }
    _ = string(top["id"], "$.id")
    _ = string(top["version"], "$.version")
    localized(top["title"], "$.title")
    localized(top["description"], "$.description", optional: true)
    for (i, source) in (array(top["sources"], "$.sources") ?? []).enumerated() {
      _ = string(source, "$.sources[\(i)]")
    }
    let scales = array(top["scales"], "$.scales") ?? []
    if scales.isEmpty && top["scales"] != nil {
      fail("$.scales", "must list at least one scale", es: "debe indicar al menos una escala")
    }
    for (i, scale) in scales.enumerated() { self.scale(scale, "$.scales[\(i)]") }
    for (i, scale) in (array(top["planScales"], "$.planScales", optional: true) ?? []).enumerated() {
      self.scale(scale, "$.planScales[\(i)]")
    }
    let indicators = array(top["indicators"], "$.indicators", optional: true) ?? []
    for (i, item) in indicators.enumerated() {
      guard let object = item.objectValue, let id = object["id"]?.stringValue else { continue }
      if !indicatorIDs.insert(id).inserted {
        fail("$.indicators[\(i)].id", "duplicate id '\(id)'", es: "id duplicado '\(id)'")
      }
    }
    for (i, item) in indicators.enumerated() {
      let path = "$.indicators[\(i)]"
      guard let object = object(item, path) else { continue }
      _ = string(object["id"], "\(path).id")
      localized(object["title"], "\(path).title")
      localized(object["description"], "\(path).description", optional: true)
      _ = string(object["esSource"], "\(path).esSource", optional: true)
      rule(object["rule"], "\(path).rule")
    }
    checkIndicatorCycles(indicators)
    var aggregateIDs: Set<String> = []
    for (i, item) in (array(top["aggregates"], "$.aggregates", optional: true) ?? []).enumerated() {
      let path = "$.aggregates[\(i)]"
      guard let object = object(item, path) else { continue }
      if let id = string(object["id"], "\(path).id"), !aggregateIDs.insert(id).inserted {
        fail("\(path).id", "duplicate id '\(id)'", es: "id duplicado '\(id)'")
      }
      localized(object["title"], "\(path).title")
      if let kind = string(object["kind"], "\(path).kind"),
        AggregateDefinition.Kind(rawValue: kind) == nil
      {
        fail("\(path).kind", "must be percent or count", es: "debe ser percent o count")
      }
      rule(object["of"], "\(path).of")
      if object["among"] != nil { rule(object["among"], "\(path).among") }
      ogpColumn(
        object["ogpColumn"], "\(path).ogpColumn", allowed: OGPAssessmentColumns.derived,
        kind: ("derived columns", "columnas derivadas"))
      _ = string(object["source"], "\(path).source", optional: true)
      _ = string(object["esSource"], "\(path).esSource", optional: true)
    }
  }

  mutating func scale(_ value: JSONValue, _ path: String) {
    guard let object = object(value, path) else { return }
    let id = string(object["id"], "\(path).id") ?? ""
    if scaleLevels[id] != nil { fail("\(path).id", "duplicate scale id '\(id)'", es: "id de escala duplicado '\(id)'") }
    localized(object["title"], "\(path).title")
    localized(object["question"], "\(path).question")
    if let phase = string(object["phase"], "\(path).phase"), Phase(rawValue: phase) == nil {
      fail(
        "\(path).phase", "must be one of design, implementation, results",
        es: "debe ser design, implementation o results")
    }
    if let selection = string(object["selection"], "\(path).selection"),
      Selection(rawValue: selection) == nil
    {
      fail("\(path).selection", "must be single or multiple", es: "debe ser single o multiple")
    }
    bool(object["rationaleRequired"], "\(path).rationaleRequired")
    if object["rationaleRequired"] == nil { fail("\(path).rationaleRequired", "is missing", es: "falta") }
    if let minimum = integer(object["minimumEvidence"], "\(path).minimumEvidence"), minimum < 0 {
      fail("\(path).minimumEvidence", "must not be negative", es: "no puede ser negativo")
    }
    ogpColumn(object["ogpColumn"], "\(path).ogpColumn")
    _ = string(object["esSource"], "\(path).esSource", optional: true)
    // A scale's rule may name only the scales before it (so rules never loop) and no indicator.
    if object["requires"] != nil {
      rule(object["requires"], "\(path).requires", indicators: false)
      if object["requiresSource"] == nil {
        fail("\(path).requiresSource", "is missing (a rule cites its source)", es: "falta (una regla cita su fuente)")
      }
    }
    if object["requiresSource"] != nil {
      _ = string(object["requiresSource"], "\(path).requiresSource")
      if object["requires"] == nil {
        fail("\(path).requiresSource", "is given without a rule in requires", es: "se indica sin una regla en requires")
      }
    }
    var ids: Set<String> = []
    var ordinals: Set<Int> = []
    let levels = array(object["levels"], "\(path).levels") ?? []
    if levels.count < 2 && object["levels"] != nil {
      fail("\(path).levels", "a scale needs at least two levels", es: "una escala necesita al menos dos niveles")
    }
    for (j, item) in levels.enumerated() {
      let levelPath = "\(path).levels[\(j)]"
      guard let level = self.object(item, levelPath) else { continue }
      if let levelID = string(level["id"], "\(levelPath).id"), !ids.insert(levelID).inserted {
        fail("\(levelPath).id", "duplicate level id '\(levelID)'", es: "id de nivel duplicado '\(levelID)'")
      }
      if let ordinal = integer(level["ordinal"], "\(levelPath).ordinal"),
        !ordinals.insert(ordinal).inserted
      {
        fail("\(levelPath).ordinal", "duplicate ordinal \(ordinal)", es: "ordinal duplicado \(ordinal)")
      }
      localized(level["label"], "\(levelPath).label")
      localized(level["definition"], "\(levelPath).definition")
      _ = string(level["source"], "\(levelPath).source", optional: true)
      bool(level["confirmed"], "\(levelPath).confirmed")
      bool(level["exclusive"], "\(levelPath).exclusive")
      _ = string(level["ogp"], "\(levelPath).ogp", optional: true)
      ogpColumn(level["ogpColumn"], "\(levelPath).ogpColumn")
      bool(level["definitionInferred"], "\(levelPath).definitionInferred")
      bool(level["unseenInSheet"], "\(levelPath).unseenInSheet")
      _ = string(level["esSource"], "\(levelPath).esSource", optional: true)
    }
    scaleLevels[id] = ids
  }
}
