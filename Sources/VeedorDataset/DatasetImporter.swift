import Foundation
import VeedorErrors
import VeedorLedger
import VeedorPlan
import VeedorReports
import VeedorVerify

/// `veedor import`: verifies many monitors' reports and merges the accepted ones with OGP sheets.
public struct DatasetImporter: Sendable {
  /// A file that was not merged, and why.
  public struct Refusal: Codable, Sendable {
    /// The file.
    public var file: String
    /// One line: why it was not merged.
    public var reason: String
    /// The same in Spanish (not part of the JSON log).
    public var reasonES: String?

    private enum CodingKeys: String, CodingKey {
      case file, reason
    }

    /// Why it was not merged, in Spanish (the English when read back from a log).
    public var spanishReason: String { reasonES ?? reason }
  }

  /// A report or sheet that was merged.
  public struct Accepted: Codable, Sendable {
    /// The file.
    public var file: String
    /// The action plan (or a description of the sheet).
    public var plan: String
    /// The ledger's origin.
    public var origin: String
    /// The checkpoint key's OpenSSH fingerprint: with the origin, the ledger's identity.
    public var monitor: String
    /// Entries the checkpoint covers.
    public var size: Int
  }

  /// Files merged.
  public private(set) var accepted: [Accepted] = []
  /// Files refused, one reason each.
  public private(set) var refused: [Refusal] = []
  /// Ledgers (origin and key) with two signed checkpoints that contradict each other.
  public private(set) var equivocations: [String] = []
  /// The same, in Spanish (one for one).
  public private(set) var equivocationsES: [String] = []
  /// Facts worth a line in the log, such as one origin signed by several keys.
  public private(set) var notices: [String] = []
  /// The same, in Spanish (one for one).
  public private(set) var noticesES: [String] = []
  /// The merged rows.
  public private(set) var dataset = Dataset()
  /// The threads the import runs its independent work on (verifying reports, making rows, the summary).
  private var workers = ParallelMap.defaultWorkers

  /// Verifies every report against the trust file and merges what passes, with OGP sheet CSVs whose derived
  /// columns are recomputed (``OGPDerivedColumns``); one bad file never stops the others. Sheets alone need
  /// no trust file; a report without one is bad input. Reports are verified on `workers` threads (one per
  /// core by default); the result, and every byte written from it, is the same for any number.
  public init(
    inputs: [URL], trust: URL?, maxBytes: Int64 = ReportVerifier.defaultMaxBytes, now: Date = Date(),
    workers: Int? = nil, progress: ((Int, Int) -> Void)? = nil
  ) throws(DatasetError) {
    self.workers = max(1, workers ?? ParallelMap.defaultWorkers)
    let files = Self.expand(inputs)
    let reports = files.filter { $0.pathExtension.lowercased() != "csv" }
    var trustFile: TrustFile?
    if let trust {
      do { trustFile = try ReportVerifier.loadTrust(trust) } catch {
        throw DatasetError(.badInput, error.description, es: error.spanishDescription)
      }
    } else if let report = reports.first {
      throw DatasetError(
        .badInput,
        "is not an OGP sheet CSV, and reports are verified against a trust file: give --trust FILE (only sheets import without one)",
        es:
          "no es un CSV de planilla de OGP, y los informes se verifican contra un archivo de confianza: indique --trust FILE (solo las planillas se importan sin él)",
        file: report.path)
    }
    var sheets: [(URL, OGPSheet)] = []
    for url in files where url.pathExtension.lowercased() == "csv" {
      let data: Data
      do { data = try BoundedRead.contents(of: url, limit: Int64.max) } catch {
        let (why, whyES): (String, String)
        switch error {
        case .unreadable(let reason):
          (why, whyES) = ("cannot read the file: \(reason)", "no se puede leer el archivo: \(reason)")
        case .notAFile: (why, whyES) = ("not a regular file", "no es un archivo regular")
        case .tooLarge(let size, _): (why, whyES) = ("too large (\(size) bytes)", "demasiado grande (\(size) bytes)")
        }
        refused.append(Refusal(file: url.path, reason: why, reasonES: whyES))
        continue
      }
      do {
        // OGPSheet takes off the formula guard Veedor's own commitments.csv puts on some cells.
        sheets.append((url, try OGPSheet(rows: try CSV.parse(data, file: url.path), file: url.path)))
      } catch {
        refused.append(Refusal(file: url.path, reason: "\(error)", reasonES: spanishText(error)))
      }
    }
    let scope = MemberScope(sheets: sheets.map(\.1))
    var options = ReportVerifier.Options(maxBytes: maxBytes, now: now)
    options.renderings = false
    let results =
      trustFile.map {
        Self.verifyAll(reports, options: options, trust: $0, scope: scope, workers: self.workers, progress: progress)
      } ?? []
    for (url, sheet) in sheets { addSheet(sheet, from: url) }
    var verified: [VerifiedReport] = []
    for (url, result, report) in results {
      guard let report else {
        refused.append(
          Refusal(file: url.path, reason: result.failureReason, reasonES: result.spanishFailureReason))
        continue
      }
      if let (commitment, member) = report.outOfScope {
        refused.append(
          Refusal(
            file: url.path,
            reason:
              "out of scope: \(commitment) belongs to member \(member), but the signing key may report only on \(result.principals.joined(separator: " | ")); the whole report is refused",
            reasonES:
              "fuera de alcance: \(commitment) pertenece al miembro \(member), pero la clave que firma solo puede informar sobre \(result.principals.joined(separator: " | ")); se rechaza todo el informe"
          ))
        continue
      }
      verified.append(report)
    }
    merge(verified)
  }

  /// Adds a sheet's rows with every derived column recomputed, keeping OGP's cell only where
  /// ``OGPSheetExceptions`` lists it, and notes the cells whose sheet value the recomputation replaced.
  private mutating func addSheet(_ sheet: OGPSheet, from url: URL) {
    var replaced: [String] = []
    // `x_` columns say what Veedor verified (the monitor's key, the report's hash…); a sheet is not
    // verified, so its own `x_` cells are not taken, and `x_source` is the file it came from.
    let dropped = sheet.headers.filter { $0.hasPrefix("x_") }
    for record in sheet.records {
      let id = record.value(OGPSheet.idColumn) ?? ""
      let values = record.values.filter { !$0.key.hasPrefix("x_") }
      let row = OGPDerivedColumns.fill(values, keeping: OGPSheetExceptions.kept(id))
      for column in OGPDerivedColumns.columns {
        guard let old = record.values[column], let new = row[column], old != new else { continue }
        replaced.append("\(id) \(column) '\(old)' → '\(new)'")
      }
      dataset.add(row.merging(["x_source": url.lastPathComponent]) { _, file in file })
    }
    accepted.append(
      Accepted(file: url.path, plan: "OGP sheet (\(sheet.records.count) rows)", origin: "", monitor: "", size: 0))
    if !dropped.isEmpty {
      let list = "\(dropped.prefix(3).joined(separator: ", "))\(dropped.count > 3 ? ", …" : "")"
      notice(
        "\(url.lastPathComponent): its \(dropped.count) x_ column(s) (\(list)) were not taken: a sheet is not a verified report",
        es:
          "\(url.lastPathComponent): sus \(dropped.count) columna(s) x_ (\(list)) no se tomaron: una planilla no es un informe verificado"
      )
    }
    if !replaced.isEmpty {
      let examples = replaced.prefix(3).joined(separator: "; ")
      notice(
        "\(url.lastPathComponent): \(replaced.count) derived cell(s) did not follow OGP's rules and were recomputed, e.g. "
          + examples,
        es:
          "\(url.lastPathComponent): \(replaced.count) celda(s) derivada(s) no seguían las reglas de OGP y se recalcularon, p. ej. "
          + examples)
    }
  }

  /// Groups reports into ledgers (origin and key), refuses equivocating ledgers, refuses two ledgers of
  /// one key that assess the same commitment, and merges the latest report of each remaining ledger.
  private mutating func merge(_ reports: [VerifiedReport]) {
    let ledgers = Dictionary(grouping: reports, by: \.ledger)
    for (origin, keys) in Dictionary(grouping: ledgers.keys, by: \.origin) where keys.count > 1 {
      notice(
        "\(origin) is signed by \(keys.count) keys: treated as \(keys.count) separate ledgers",
        es: "\(origin) está firmado por \(keys.count) claves: se trata como \(keys.count) registros distintos")
    }
    var latest: [(VerifiedReport.Ledger, [VerifiedReport])] = []
    for ledger in ledgers.keys.sorted(by: { ($0.origin, $0.monitor) < ($1.origin, $1.monitor) }) {
      let ordered = (ledgers[ledger] ?? []).sorted { $0.checkpoint.size < $1.checkpoint.size }
      if let problem = LedgerHistory.equivocation(ordered) {
        refuse(
          ordered, equivocation: "\(ledger.origin) (key \(ledger.monitor)): \(problem.en)",
          es: "\(ledger.origin) (clave \(ledger.monitor)): \(problem.es)")
      } else {
        latest.append((ledger, ordered))
      }
    }
    // One key, two ledgers, one commitment: two stories from one monitor, and neither is taken.
    var owner: [String: String] = [:]
    var conflicted: Set<VerifiedReport.Ledger> = []
    for (ledger, ordered) in latest {
      for commitment in ordered.last?.commitments ?? [] {
        let key = ledger.monitor + " " + commitment
        if let other = owner[key], other != ledger.origin {
          conflicted.formUnion([ledger, VerifiedReport.Ledger(origin: other, monitor: ledger.monitor)])
          equivocations.append(
            "key \(ledger.monitor) signs two ledgers (\(other), \(ledger.origin)) that both assess \(commitment)")
          equivocationsES.append(
            "la clave \(ledger.monitor) firma dos registros (\(other), \(ledger.origin)) que evalúan ambos \(commitment)"
          )
        } else {
          owner[key] = ledger.origin
        }
      }
    }
    // The rows of each ledger's newest report were made while verifying it; they are added in ledger order.
    for (ledger, ordered) in latest {
      if conflicted.contains(ledger) {
        refuse(
          ordered, equivocation: "key \(ledger.monitor) signs another ledger of the same commitments",
          es: "la clave \(ledger.monitor) firma otro registro de los mismos compromisos")
        continue
      }
      guard let newest = ordered.last else { continue }
      dataset.add(newest.rows, columns: newest.columns)
      accepted.append(
        Accepted(
          file: newest.url.path, plan: newest.plan, origin: ledger.origin, monitor: ledger.monitor,
          size: newest.checkpoint.size))
      for older in ordered.dropLast() {
        refused.append(
          Refusal(
            file: older.url.path, reason: "superseded by a later checkpoint of the same ledger (\(newest.url.path))",
            reasonES: "reemplazado por un punto de control posterior del mismo registro (\(newest.url.path))"))
      }
    }
  }

  private mutating func refuse(_ reports: [VerifiedReport], equivocation problem: String, es: String) {
    if !equivocations.contains(problem) {
      equivocations.append(problem)
      equivocationsES.append(es)
    }
    for item in reports {
      refused.append(
        Refusal(file: item.url.path, reason: "equivocation: \(problem)", reasonES: "contradicción: \(es)"))
    }
  }

  private mutating func notice(_ english: String, es: String) {
    notices.append(english)
    noticesES.append(es)
  }

  /// Writes the dataset, `summary.json`, `summary.md` and `import-log.json` into a folder.
  ///
  /// The folder is built beside and swapped into place whole (other files in it are kept).
  public func write(to target: URL) throws {
    try FolderSwap.replace(target) { folder in try writeFiles(to: folder) }
  }

  private func writeFiles(to folder: URL) throws {
    // The summary's figures first, on every core; then writing it and the log runs beside the dataset's
    // two files (left to the end, it kept one core busy while the other had nothing to do).
    let summary = Summary(dataset, workers: workers)
    try dataset.write(to: folder) { try writeSummaryAndLog(summary, to: folder) }
  }

  /// Writes `summary.json`, `summary.md` and `import-log.json`.
  private func writeSummaryAndLog(_ summary: Summary, to folder: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    struct Log: Encodable {
      var accepted: [Accepted]
      var refused: [Refusal]
      var equivocations: [String]
      var notices: [String]
    }
    let log = Log(accepted: accepted, refused: refused, equivocations: equivocations, notices: notices)
    try POSIXFile.writeAtomically(try encoder.encode(summary), to: folder.appendingPathComponent("summary.json"))
    try POSIXFile.writeAtomically(Data(summary.markdown.utf8), to: folder.appendingPathComponent("summary.md"))
    try POSIXFile.writeAtomically(try encoder.encode(log), to: folder.appendingPathComponent("import-log.json"))
  }

  /// Whether every input was merged and no ledger equivocated (superseded reports are fine).
  public var clean: Bool { equivocations.isEmpty && refused.allSatisfy { $0.reason.hasPrefix("superseded") } }
}
