import Foundation
import VeedorLedger
import VeedorPlan

/// Commitment rows under OGP's own column headers, plus `x_` columns for what OGP does not publish.
public struct Dataset: Sendable {
  /// Columns in order: OGP's headers in OGP's order, then `x_` columns as first seen.
  public private(set) var headers: [String] = []
  /// Rows keyed by `Commitment Unique Identifier` and `x_monitor`, in order of first arrival.
  private(set) var storage: [OGPRow] = []
  private var index: [String: Int] = [:]
  private var known: Set<String> = [] {
    didSet { knowsEveryOGPColumn = ReportRows.ogpColumns.isSubset(of: known) }
  }
  /// Whether every OGP column is among `known` (kept as `known` changes, which is seldom).
  private var knowsEveryOGPColumn = false

  /// An empty dataset.
  public init() {}

  /// The rows, each as a dictionary of cells, in order of first arrival (made on each call).
  public var rows: [[String: String]] { storage.map(\.dictionary) }

  /// How many rows.
  public var count: Int { storage.count }

  /// Adds a row; a later row for the same commitment by the same monitor (or from OGP's sheet, which
  /// has no `x_monitor`) replaces the earlier one. Two monitors of one commitment give two rows.
  public mutating func add(_ row: [String: String]) { add(OGPRow(row), new: nil) }

  /// Adds a row made as an ``OGPRow``; the same rule as for a dictionary of cells.
  public mutating func add(_ row: OGPRow) { add(row, new: nil) }

  /// Adds rows whose columns, together, are `columns` (worked out beforehand, so that adding many rows
  /// does not look up every column of every row again).
  mutating func add(_ rows: [OGPRow], columns: ReportRows.Columns) {
    // Only the columns not yet known can be new in a row: usually none, so no row is searched.
    // `filter` asks `known` about each of the few columns; `subtracting` would walk every known column.
    var unknown = columns.others.filter { !known.contains($0) }
    if columns.everyOGPColumn && !knowsEveryOGPColumn {
      unknown.formUnion(ReportRows.ogpColumns.filter { !known.contains($0) })
    }
    for row in rows {
      let new = unknown.filter { row[$0] != nil }
      unknown.subtract(new)
      add(row, new: new.sorted())
    }
  }

  /// Adds a row whose columns not known before are `new` (sorted), or are found when nil.
  private mutating func add(_ row: OGPRow, new: [String]?) {
    let new = new ?? row.columns.filter { !known.contains($0) }.sorted()
    if !new.isEmpty {
      known.formUnion(new)
      headers += new
      let order = OGPRow.position
      let extras = headers.filter { order[$0] == nil }
      headers = headers.filter { order[$0] != nil }.sorted { (order[$0] ?? 0) < (order[$1] ?? 0) } + extras
    }
    let id = (row[OGPColumns.id] ?? "") + "\u{1F}" + (row["x_monitor"] ?? "")
    if let at = index[id] {
      storage[at] = row
    } else {
      index[id] = storage.count
      storage.append(row)
    }
  }

  /// RFC 4180 CSV with a header row; a column a row lacks is written `ND` (not determined).
  ///
  /// Cells a spreadsheet would run as formulas are neutralised (``SpreadsheetCell``); the JSON is verbatim.
  public func csv() -> String { String(decoding: csvBytes(cells()), as: UTF8.self) }

  /// JSON with the column order and each row's cells in that order (a commitment may have one row
  /// per monitor).
  public func json() throws -> Data { Data(jsonBytes(cells())) }

  /// The schema tag of `commitments.json`.
  public static let schemaVersion = "ogp-sheet-2024-07+x3"

  /// Every row's cells in column order, read in place (``DatasetCells``).
  func cells() -> DatasetCells { DatasetCells(headers: headers, rows: storage) }

  private func csvBytes(_ cells: DatasetCells) -> [UInt8] {
    var writer = CSVWriter(capacity: cells.rows.count * headers.count * 8)
    writer.record(headers.map(SpreadsheetCell.neutralized))
    for row in cells.rows {
      for column in headers.indices {
        if column > 0 { writer.separate() }
        writer.field(SpreadsheetCell.neutralized(cells.cell(row, column) ?? OGPColumns.notDetermined))
      }
      writer.endRecord()
    }
    return writer.bytes
  }

  private func jsonBytes(_ cells: DatasetCells) -> [UInt8] {
    DatasetJSON.document(
      source: "OGP commitments sheet headers as published, with Veedor's x_ extensions",
      schemaVersion: Self.schemaVersion, cells: cells)
  }

  /// Reads a dataset back from its CSV.
  public static func parse(csv data: Data, file: String) throws(DatasetError) -> Dataset {
    let records: [CSV.Row]
    do { records = try CSV.parse(data, file: file) } catch { throw DatasetError(error) }
    guard let header = records.first?.fields.map(SpreadsheetCell.restored) else { return Dataset() }
    var dataset = Dataset()
    for record in records.dropFirst() {
      guard record.fields.count == header.count else {
        throw DatasetError(
          .badInput, "has \(record.fields.count) cells, the header has \(header.count)",
          es: "tiene \(record.fields.count) celdas; el encabezado tiene \(header.count)", file: file, line: record.line)
      }
      dataset.add(
        Dictionary(zip(header, record.fields.map(SpreadsheetCell.restored)), uniquingKeysWith: { first, _ in first }))
    }
    dataset.headers = header
    dataset.known = Set(header)
    return dataset
  }

  /// Writes `commitments.csv` and `commitments.json` into a folder.
  public func write(to folder: URL) throws {
    try write(to: folder, besides: nil)
  }

  /// Writes the two files, with `other` (work of the caller's, such as a summary) run beside them: the
  /// files and `other` each take a core as one comes free (one level of parallel work, so none of it is
  /// held to a single thread).
  func write(to folder: URL, besides other: (@Sendable () throws -> Void)?) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let cells = cells()
    /// A task's error, carried back to be thrown as it was.
    struct Failed: @unchecked Sendable { let error: any Error }
    let failures = ParallelMap.map(other == nil ? 2 : 3, workers: ParallelMap.defaultWorkers) { i -> Failed? in
      do {
        switch i {
        case 0:
          try POSIXFile.writeAtomically(csvBytes(cells), to: folder.appendingPathComponent("commitments.csv"))
        case 1:
          try POSIXFile.writeAtomically(jsonBytes(cells), to: folder.appendingPathComponent("commitments.json"))
        default: try other?()
        }
        return nil
      } catch {
        return Failed(error: error)
      }
    }
    // Results come in task order: the first file's error is reported whichever failed first.
    if let failed = failures.compactMap({ $0 }).first { throw failed.error }
  }
}
