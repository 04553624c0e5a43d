/// Checks a rubric's `forms`: every section names scales the rubric has, in the right scope, and
/// every deadline names an event, a scale and levels that exist.
enum FormsValidator {
  /// The problems with the rubric's forms, each with its JSON path.
  static func problems(_ root: JSONValue) -> [RubricProblem] {
    guard let top = root.objectValue, let value = top["forms"] else { return [] }
    var problems: [RubricProblem] = []
    func fail(_ path: String, _ message: String, es: String) {
      problems.append(RubricProblem(path: path, message: message, es: es))
    }
    func levels(_ key: String) -> [String: Set<String>] {
      var found: [String: Set<String>] = [:]
      for scale in top[key]?.arrayValue ?? [] {
        guard let object = scale.objectValue, let id = object["id"]?.stringValue else { continue }
        found[id] = Set((object["levels"]?.arrayValue ?? []).compactMap { $0.objectValue?["id"]?.stringValue })
      }
      return found
    }
    let scales = levels("scales")
    let planScales = levels("planScales")
    guard let forms = value.arrayValue else {
      return [RubricProblem(path: "$.forms", message: "must be an array", es: "debe ser una lista")]
    }
    var ids: Set<String> = []
    for (i, item) in forms.enumerated() {
      let path = "$.forms[\(i)]"
      guard let form = item.objectValue else {
        fail(path, "must be an object", es: "debe ser un objeto")
        continue
      }
      func text(_ key: String) -> String? {
        guard let text = form[key]?.stringValue, !text.isEmpty else {
          fail("\(path).\(key)", "must be a non-empty string", es: "debe ser un texto no vacío")
          return nil
        }
        return text
      }
      if let id = text("id"), !ids.insert(id).inserted {
        fail("\(path).id", "duplicate form id '\(id)'", es: "id de formulario duplicado '\(id)'")
      }
      _ = text("source")
      for language in ["en", "es"] where form["title"]?.objectValue?[language]?.stringValue?.isEmpty ?? true {
        fail("\(path).title.\(language)", "must be a non-empty string", es: "debe ser un texto no vacío")
      }
      let subject = text("subject").flatMap(AssessmentForm.Subject.init(rawValue:))
      if subject == nil { fail("\(path).subject", "must be plan or commitment", es: "debe ser plan o commitment") }
      let due = form["due"]?.objectValue ?? [:]
      if !isWhole(due["months"], atLeast: 0, atMost: 1200) {
        fail(
          "\(path).due.months", "must be a whole number of months, from 0 to 1200",
          es: "debe ser un número entero de meses, de 0 a 1200")
      }
      switch due["after"]?.stringValue.flatMap(AssessmentForm.DueAfter.init(rawValue:)) {
      case .planSubmitted?: break
      case .score? where subject == .plan:
        fail(
          "\(path).due.after", "a form about the whole plan cannot count from a commitment's score",
          es: "un formulario sobre todo el plan no puede contar desde el puntaje de un compromiso")
      case .score?:
        let scale = due["scale"]?.stringValue ?? ""
        let wanted = (due["levels"]?.arrayValue ?? []).compactMap(\.stringValue)
        if let known = scales[scale] {
          if wanted.isEmpty || !Set(wanted).isSubset(of: known) {
            fail(
              "\(path).due.levels", "must list levels of scale '\(scale)'",
              es: "debe indicar niveles de la escala '\(scale)'")
          }
        } else {
          fail("\(path).due.scale", "unknown scale '\(scale)'", es: "escala desconocida '\(scale)'")
        }
      case nil: fail("\(path).due.after", "must be plan-submitted or score", es: "debe ser plan-submitted o score")
      }
      let sections = form["sections"]?.arrayValue ?? []
      if sections.isEmpty {
        fail("\(path).sections", "must list at least one section", es: "debe indicar al menos una sección")
      }
      for (j, section) in sections.enumerated() {
        let sectionPath = "\(path).sections[\(j)]"
        let object = section.objectValue ?? [:]
        if object["number"]?.stringValue?.isEmpty ?? true { fail("\(sectionPath).number", "is missing", es: "falta") }
        let scope = object["scope"]?.stringValue.flatMap(AssessmentForm.Subject.init(rawValue:))
        if scope == nil { fail("\(sectionPath).scope", "must be plan or commitment", es: "debe ser plan o commitment") }
        if subject == .commitment && scope == .plan {
          fail(
            "\(sectionPath).scope", "a form about one commitment cannot ask about the plan",
            es: "un formulario sobre un compromiso no puede preguntar sobre el plan")
        }
        let known = scope == .plan ? planScales : scales
        let listed = object["scales"]?.arrayValue ?? []
        if listed.isEmpty {
          fail("\(sectionPath).scales", "must list at least one scale", es: "debe indicar al menos una escala")
        }
        for (k, scale) in listed.enumerated() where known[scale.stringValue ?? ""] == nil {
          let (kind, kindES) = scope == .plan ? ("plan question", "pregunta sobre el plan") : ("scale", "escala")
          fail(
            "\(sectionPath).scales[\(k)]", "unknown \(kind) '\(scale.stringValue ?? "")'",
            es: "no se conoce la \(kindES) '\(scale.stringValue ?? "")'")
        }
      }
      if let limits = form["evidenceLimits"] {
        for key in ["files", "bytesPerFile"] where !isWhole(limits.objectValue?[key], atLeast: 1) {
          fail(
            "\(path).evidenceLimits.\(key)", "must be a whole number of at least 1",
            es: "debe ser un número entero de al menos 1")
        }
      }
    }
    return problems
  }

  private static func isWhole(_ value: JSONValue?, atLeast minimum: Double, atMost maximum: Double = 0x1p53) -> Bool {
    guard case .number(let n)? = value else { return false }
    return n >= minimum && n <= maximum && n == n.rounded()
  }
}
