import Foundation
import VeedorErrors

/// Reads an action plan from Veedor's JSON, a simple CSV, or OGP's commitments sheet CSV.
public enum PlanImporter {
  /// Plan details that a simple CSV cannot carry, given on the command line instead.
  public struct Details: Sendable {
    /// OGP action-plan id; derived from the commitment ids when absent.
    public var planID: String?
    /// Member name.
    public var member: String?
    /// For OGP's sheet: which action plan to take.
    public var actionPlan: String?

    /// Creates details.
    public init(planID: String? = nil, member: String? = nil, actionPlan: String? = nil) {
      self.planID = planID
      self.member = member
      self.actionPlan = actionPlan
    }
  }

  /// Columns of Veedor's simple plan CSV; `id` and one title are required.
  public static let simpleColumns = [
    "id", "number", "title_en", "title_es", "description_en", "description_es", "lead_institution",
    "supporting_institutions", "start", "end", "url",
  ]

  /// Reads and checks a plan file.
  public static func load(_ url: URL, details: Details = Details()) throws(PlanError)
    -> ActionPlan
  {
    let file = url.path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
      throw PlanError(.badInput, "no such file", es: "no existe el archivo", file: file)
    }
    guard !isDirectory.boolValue else {
      throw PlanError(
        .badInput, "is a directory, not a plan file", es: "es una carpeta, no un archivo de plan", file: file)
    }
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
      let why = SystemError.describe(error)
      throw PlanError(.io, "cannot read: \(why.en)", es: "no se puede leer: \(why.es)", file: file)
    }
    let plan: ActionPlan
    if url.pathExtension.lowercased() == "json" || data.first == UInt8(ascii: "{") {
      plan = try decodeJSON(data, file: file)
    } else {
      let rows = try CSV.parse(data, file: file)
      guard let header = rows.first else {
        throw PlanError(.badInput, "the file is empty", es: "el archivo está vacío", file: file, line: 1)
      }
      if OGPSheet.recognizes(header.fields) {
        let sheet = try OGPSheet(rows: rows, file: file)
        guard let planID = details.actionPlan ?? (sheet.planIDs.count == 1 ? sheet.planIDs.first : nil) else {
          throw PlanError(
            .badInput,
            "the sheet holds \(sheet.planIDs.count) action plans; choose one with --action-plan (e.g. \(sheet.planIDs.first ?? "AP_CHL05"))",
            es:
              "la planilla contiene \(sheet.planIDs.count) planes de acción; elija uno con --action-plan (p. ej., \(sheet.planIDs.first ?? "AP_CHL05"))",
            file: file)
        }
        plan = try sheet.plan(planID, file: file)
      } else {
        plan = try simpleCSV(rows, details: details, file: file)
      }
    }
    try check(plan, file: file)
    return plan
  }

  /// Decodes `plan.json`, naming the field on error.
  public static func decodeJSON(_ data: Data, file: String) throws(PlanError) -> ActionPlan {
    guard String(data: data, encoding: .utf8) != nil else {
      throw PlanError(
        .badInput, "not valid UTF-8 text", es: "no es texto UTF-8 válido", file: file, line: CSV.invalidUTF8Line(data))
    }
    do {
      return try JSONDecoder().decode(ActionPlan.self, from: data)
    } catch let DecodingError.keyNotFound(key, context) {
      throw PlanError(.badInput, "is missing", es: "falta", file: file, field: path(context.codingPath + [key]))
    } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
      throw PlanError(
        .badInput, context.debugDescription, es: DecodingWords.spanish(context.debugDescription), file: file,
        field: path(context.codingPath))
    } catch let DecodingError.dataCorrupted(context) {
      let field = context.codingPath.isEmpty ? nil : path(context.codingPath)
      let reason = field == nil ? "not valid JSON" : context.debugDescription
      let reasonES = field == nil ? "no es JSON válido" : DecodingWords.spanish(context.debugDescription)
      throw PlanError(.badInput, reason, es: reasonES, file: file, field: field)
    } catch {
      throw PlanError(.badInput, "not a plan: \(error)", es: "no es un plan: \(error)", file: file)
    }
  }

  private static func path(_ keys: [any CodingKey]) -> String {
    keys.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
      .trimmingCharacters(in: CharacterSet(charactersIn: "."))
  }

  private static func simpleCSV(_ rows: [CSV.Row], details: Details, file: String) throws(PlanError)
    -> ActionPlan
  {
    let header = rows[0].fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    for name in header where !simpleColumns.contains(name) {
      throw PlanError(
        .badInput, "unknown column (expected: \(simpleColumns.joined(separator: ", ")))",
        es: "columna desconocida (se esperaba: \(simpleColumns.joined(separator: ", ")))", file: file,
        line: rows[0].line, field: name)
    }
    guard header.contains("id") else {
      throw PlanError(.badInput, "missing column", es: "falta la columna", file: file, line: 1, field: "id")
    }
    var commitments: [Commitment] = []
    var seen: Set<String> = []
    for row in rows.dropFirst() {
      guard row.fields.count == header.count else {
        throw PlanError(
          .badInput, "has \(row.fields.count) fields, the header has \(header.count)",
          es: "tiene \(row.fields.count) campos, el encabezado tiene \(header.count)", file: file, line: row.line)
      }
      var cell: [String: String] = [:]
      for (name, value) in zip(header, row.fields) {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { cell[name] = trimmed }
      }
      func date(_ column: String) throws(PlanError) -> PlanDate? {
        guard let text = cell[column] else { return nil }
        guard let date = PlanDate(iso: text) else {
          throw PlanError(
            .badInput, "'\(text)' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)",
            es: "'\(text)' no es una fecha (YYYY-MM-DD, YYYY-MM o YYYY)", file: file, line: row.line,
            field: column)
        }
        return date
      }
      let description =
        cell["description_en"] == nil && cell["description_es"] == nil
        ? nil : PlanText(en: cell["description_en"], es: cell["description_es"])
      let commitment = Commitment(
        id: cell["id"]?.uppercased() ?? "", number: cell["number"],
        title: PlanText(en: cell["title_en"], es: cell["title_es"]), description: description,
        leadInstitution: cell["lead_institution"],
        supportingInstitutions: cell["supporting_institutions"]?.split(separator: ";").map {
          $0.trimmingCharacters(in: .whitespaces)
        } ?? [], start: try date("start"), end: try date("end"), url: cell["url"])
      try check(commitment, file: file, line: row.line, seen: seen)
      seen.insert(commitment.id)
      commitments.append(commitment)
    }
    let code = commitments.first.map { String($0.id.prefix { $0.isLetter }) }
    return ActionPlan(
      id: details.planID ?? "AP_\(code ?? "PLAN")01", member: details.member ?? code ?? "Unnamed member",
      memberCode: code, commitments: commitments)
  }

  /// Checks a whole plan: ids, titles, dates.
  public static func check(_ plan: ActionPlan, file: String) throws(PlanError) {
    guard !plan.commitments.isEmpty else {
      throw PlanError(
        .badInput, "the plan has no commitments", es: "el plan no tiene compromisos", file: file, field: "commitments")
    }
    guard plan.format == ActionPlan.formatTag else {
      throw PlanError(
        .badInput, "must be \"\(ActionPlan.formatTag)\"", es: "debe ser \"\(ActionPlan.formatTag)\"", file: file,
        field: "format")
    }
    var seen: Set<String> = []
    for (i, commitment) in plan.commitments.enumerated() {
      do {
        try check(commitment, file: file, line: nil, seen: seen)
      } catch {
        var located = error
        if located.line == nil { located.field = "commitments[\(i)]" + (located.field.map { ".\($0)" } ?? "") }
        throw located
      }
      seen.insert(commitment.id)
    }
    var milestones: Set<String> = []
    for (i, commitment) in plan.commitments.enumerated() {
      for (j, milestone) in commitment.milestones.enumerated() {
        let field = "commitments[\(i)].milestones[\(j)]"
        let id = commitment.milestoneID(j)
        guard isCommitmentID(id), milestones.insert(id.lowercased()).inserted else {
          throw PlanError(
            .badInput, "'\(id)' is not a milestone id, or not the only one",
            es: "'\(id)' no es un id de hito, o no es el único", file: file, field: field + ".id")
        }
        if let weight = milestone.weight, !(weight > 0 && weight.isFinite) {
          throw PlanError(
            .badInput, "a milestone's weight must be a positive number",
            es: "el peso de un hito debe ser un número positivo", file: file, field: field + ".weight")
        }
        if let start = milestone.start, let due = milestone.due, due < start {
          throw PlanError(
            .badInput, "is due (\(due)) before it starts (\(start))", es: "vence (\(due)) antes de comenzar (\(start))",
            file: file, field: field + ".due")
        }
      }
    }
  }

  /// Whether a text is a commitment id: `[A-Z0-9][A-Z0-9._-]{0,63}`.
  static func isCommitmentID(_ id: String) -> Bool {
    let bytes = Array(id.utf8)
    guard (1...64).contains(bytes.count) else { return false }
    return bytes.enumerated().allSatisfy { i, b in
      (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || (i > 0 && (b == 0x2E || b == 0x5F || b == 0x2D))
    }
  }

  private static func check(_ c: Commitment, file: String, line: Int?, seen: Set<String>)
    throws(PlanError)
  {
    guard isCommitmentID(c.id) else {
      throw PlanError(
        .badInput, "'\(c.id)' is not a commitment id (letters, digits, '.', '_' or '-', e.g. CLPLN0001)",
        es: "'\(c.id)' no es un id de compromiso (letras, dígitos, '.', '_' o '-', p. ej., CLPLN0001)",
        file: file, line: line, field: "id")
    }
    if seen.contains(c.id) {
      throw PlanError(
        .badInput, "duplicate commitment id '\(c.id)'", es: "id de compromiso duplicado '\(c.id)'", file: file,
        line: line, field: "id")
    }
    guard !(c.title.en ?? "").isEmpty || !(c.title.es ?? "").isEmpty else {
      throw PlanError(
        .badInput, "a commitment needs a title", es: "un compromiso necesita un título", file: file, line: line,
        field: "title")
    }
    if let start = c.start, let end = c.end, end < start {
      throw PlanError(
        .badInput, "ends (\(end)) before it starts (\(start))", es: "termina (\(end)) antes de comenzar (\(start))",
        file: file, line: line, field: "end")
    }
  }
}
