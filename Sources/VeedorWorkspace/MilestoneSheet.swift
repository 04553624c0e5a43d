import Foundation
import VeedorPlan
import VeedorRecords
import VeedorRubric

/// The spreadsheet a responsible unit fills to report on its milestones: written by
/// `veedor milestone template` (English or Spanish headers) and read back by `milestone import`,
/// in the same columns. Read: UTF-8 (with or without BOM) or, when the bytes are not UTF-8, Latin-1
/// as a Spanish-locale spreadsheet saves it; `,` or `;` as separator.
public enum MilestoneSheet {
  /// The columns, in order: English header, Spanish header.
  public static let columns: [(key: String, en: String, es: String)] = [
    ("milestone", "milestone", "hito"), ("commitment", "commitment", "compromiso"), ("title", "title", "título"),
    ("due", "due", "plazo"), ("responsible", "responsible", "responsable"), ("status", "status", "estado"),
    ("progress", "progress", "avance"), ("date", "date", "fecha"), ("met", "met", "cumplido"),
    ("evidence", "evidence", "evidencia"), ("note", "note", "nota"),
  ]

  /// Status words per language, as written in the sheet.
  public static let statusWords: [MilestoneStatus: (en: String, es: String)] = [
    .notStarted: ("not started", "no iniciado"), .limited: ("limited", "limitado"),
    .substantial: ("substantial", "sustancial"), .complete: ("complete", "completo"),
    .withdrawn: ("withdrawn", "retirado"),
  ]

  /// The status a cell names, in either language or as the id, ignoring case and accents.
  public static func status(_ cell: String) -> MilestoneStatus? {
    let key = fold(cell)
    return MilestoneStatus.allCases.first { status in
      let words = statusWords[status]!
      return [status.rawValue, words.en, words.es].map(fold).contains(key)
        || (status == .complete && ["completado", "cumplido"].contains(key))
    }
  }

  /// The template: one row per milestone still in the plan, with its current status and progress,
  /// `date` and `note` left for the unit to fill.
  public static func template(_ board: MilestoneBoard, language: Language) -> String {
    let spanish = language == .es
    var rows = [columns.map { spanish ? $0.es : $0.en }]
    for c in board.commitments {
      for m in c.milestones where !m.dropped {
        let words = statusWords[m.status]!
        rows.append([
          m.id, m.commitment, m.title.best(language.rawValue), m.due?.description ?? "", m.responsible ?? "",
          spanish ? words.es : words.en, String(m.progress), "", m.met ?? "", "", "",
        ])
      }
    }
    // Units open it in a spreadsheet: a title or unit such as `=…` or `- …` must not run as a formula.
    return CSV.encode(rows.map { $0.map(SpreadsheetCell.neutralized) })
  }

  /// A row that failed, with its line in the file and the column at fault.
  public struct Problem: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line of the file.
    public var line: Int
    /// Column header as the file writes it.
    public var column: String
    /// What is wrong.
    public var message: String
    /// The same in Spanish.
    public var messageES: String
    /// `line N, column 'C': message`.
    public var description: String { "line \(line), column '\(column)': \(message)" }
    /// `línea N, columna 'C': mensaje`.
    public var spanishDescription: String { "línea \(line), columna '\(column)': \(messageES)" }
  }

  /// What a file holds: the updates it asks for (with each one's line), the rows it leaves as they
  /// were, and how it was read.
  public struct Reading: Sendable {
    /// The updates, each with the file line it came from.
    public var drafts: [(line: Int, draft: MilestoneDraft)]
    /// Rows with nothing new (no date, same status and progress).
    public var unchanged: Int
    /// Problems found while reading cells (the workspace checks the rest).
    public var problems: [Problem]
    /// The header used per key, for messages.
    public var headers: [String: String]
    /// `UTF-8` or `Latin-1`, and the separator.
    public var encoding: String
  }

  /// Reads a filled sheet; cells that cannot be read are problems, never guesses.
  public static func read(_ data: Data, file: String, board: MilestoneBoard) throws(WorkspaceError) -> Reading {
    var bytes = data
    var encoding = "UTF-8"
    if String(data: data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data, encoding: .utf8) == nil {
      // Spreadsheets set to a Spanish locale save Latin-1 (Windows-1252): every byte is a character.
      guard let text = String(data: data, encoding: .windowsCP1252) else {
        throw WorkspaceError(
          .badInput, "neither UTF-8 nor Latin-1 text; save it as 'CSV UTF-8'",
          es: "no es texto UTF-8 ni Latin-1; guárdelo como 'CSV UTF-8'", file: file)
      }
      bytes = Data(text.utf8)
      encoding = "Latin-1"
    }
    let separator = CSV.separator(of: bytes)
    let rows: [CSV.Row]
    do { rows = try CSV.parse(bytes, file: file, separator: separator) } catch { throw WorkspaceError(error) }
    guard let header = rows.first else {
      throw WorkspaceError(.badInput, "the file is empty", es: "el archivo está vacío", file: file)
    }
    var position: [String: Int] = [:]
    var headers: [String: String] = [:]
    for (i, name) in header.fields.enumerated() {
      guard let column = columns.first(where: { fold($0.en) == fold(name) || fold($0.es) == fold(name) }) else {
        throw WorkspaceError(
          .badInput,
          "unknown column '\(name)' (columns: \(columns.map(\.en).joined(separator: ", ")) or in Spanish \(columns.map(\.es).joined(separator: ", ")))",
          es:
            "columna desconocida '\(name)' (columnas: \(columns.map(\.es).joined(separator: ", ")) o en inglés \(columns.map(\.en).joined(separator: ", ")))",
          file: file, line: header.line)
      }
      position[column.key] = i
      headers[column.key] = name
    }
    for needed in ["milestone", "status"] where position[needed] == nil {
      let spanish = columns.first { $0.key == needed }?.es ?? needed
      throw WorkspaceError(
        .badInput, "no '\(needed)' column", es: "no hay columna '\(spanish)'", file: file, line: header.line)
    }
    var reading = Reading(
      drafts: [], unchanged: 0, problems: [], headers: headers, encoding: "\(encoding), '\(separator)'-separated")
    // A row of empty cells (a spreadsheet saves `;;;;` for a blank row it kept) says nothing.
    for row in rows.dropFirst()
    where !row.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) {
      func cell(_ key: String) -> String {
        position[key].flatMap { $0 < row.fields.count ? SpreadsheetCell.restored(row.fields[$0]) : nil }?
          .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
      }
      func fail(_ key: String, _ message: String, es: String) {
        reading.problems.append(
          Problem(line: row.line, column: headers[key] ?? key, message: message, messageES: es))
      }
      guard row.fields.count == header.fields.count else {
        fail(
          "milestone", "has \(row.fields.count) cells, the header has \(header.fields.count)",
          es: "tiene \(row.fields.count) celdas; el encabezado tiene \(header.fields.count)")
        continue
      }
      guard let status = status(cell("status")) else {
        let words = MilestoneStatus.allCases.map { statusWords[$0]!.es }.joined(separator: ", ")
        fail(
          "status", "'\(cell("status"))' is not a status (\(words); or in English)",
          es: "'\(cell("status"))' no es un estado (\(words); o en inglés)")
        continue
      }
      var progress: Int?
      if !cell("progress").isEmpty {
        let text = cell("progress").replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)
        guard let value = Int(text) else {
          fail(
            "progress", "'\(cell("progress"))' is not a whole percentage 0–100",
            es: "'\(cell("progress"))' no es un porcentaje entero de 0 a 100")
          continue
        }
        progress = value
      }
      let date = cell("date")
      let current = board.item(cell("milestone"))
      if date.isEmpty, let current, current.status == status, progress == nil || progress == current.progress {
        reading.unchanged += 1
        continue
      }
      let evidence = cell("evidence").split { $0 == "," || $0 == ";" || $0 == " " }.map(String.init)
      reading.drafts.append(
        (
          row.line,
          MilestoneDraft(
            milestone: cell("milestone"), status: status, progress: progress, date: date.isEmpty ? nil : date,
            met: cell("met").isEmpty ? nil : cell("met"),
            responsible: current?.responsible == cell("responsible") || cell("responsible").isEmpty
              ? nil : cell("responsible"),
            evidence: evidence, note: cell("note"))
        ))
    }
    return reading
  }

  /// Lower-cased, without accents or surrounding spaces, `_`/`-` as spaces: how headers and words match.
  static func fold(_ text: String) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      .replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
      .trimmingCharacters(in: .whitespaces)
  }
}
