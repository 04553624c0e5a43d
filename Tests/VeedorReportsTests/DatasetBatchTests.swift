import Testing
import VeedorPlan

@testable import VeedorDataset

/// Adding a report's rows as one batch, with their columns worked out beforehand, gives the dataset
/// that adding them one by one gives: the same rows and the same column order.
@Suite("dataset batches")
struct DatasetBatchTests {
  static func row(_ id: String, _ extras: [String]) -> OGPRow {
    var row: OGPRow = [OGPColumns.id: id, "x_monitor": "SHA256:k"]
    for column in extras { row[column] = id }
    return row
  }

  /// The dataset of `batches` added batch by batch, checked after each against the rows added one by one.
  static func addedInBatches(_ batches: [[OGPRow]]) -> Dataset {
    var oneByOne = Dataset()
    var batched = Dataset()
    for batch in batches {
      for row in batch { oneByOne.add(row) }
      batched.add(batch, columns: ReportRows.columns(of: batch))
      #expect(batched.headers == oneByOne.headers)
      #expect(batched.rows == oneByOne.rows)
    }
    return batched
  }

  @Test("columns new in a later row of a batch come after the earlier rows' columns, as row by row")
  func columnOrder() {
    let batches: [[OGPRow]] = [
      [Self.row("A1", ["x_c", "x_a"]), Self.row("A2", ["x_b", "x_a"]), Self.row("A3", ["x_0"])],
      [Self.row("B1", ["x_a"]), Self.row("A2", ["x_z", "x_b"])],
      [Self.row("C1", [])],
    ]
    let batched = Self.addedInBatches(batches)
    #expect(batched.headers.suffix(6) == ["x_a", "x_c", "x_monitor", "x_b", "x_0", "x_z"])
    #expect(batched.rows.count == 5)
  }

  @Test("rows with every OGP column after rows without them, batched, give the dataset row by row gives")
  func everyOGPColumn() {
    var full = ReportRows.blankRow
    full[OGPColumns.id] = "F1"
    full["x_monitor"] = "SHA256:k"
    full["x_b"] = "1"
    var later = full
    later[OGPColumns.id] = "F2"
    later["x_a"] = "2"
    let batches: [[OGPRow]] = [[Self.row("A1", ["x_c"])], [full], [later, Self.row("A2", ["x_d"])]]
    let batched = Self.addedInBatches(batches)
    #expect(batched.headers.count == OGPColumns.all.count + 5)
  }

  @Test("a report's columns, counted from its x_ columns, are every key of its rows")
  func reportColumns() {
    var first = ReportRows.blankRow
    first["x_monitor"] = "SHA256:k"
    first["x_indicator_relevant"] = "yes"
    var second = ReportRows.blankRow
    second["x_monitor"] = "SHA256:k"
    second["x_completion"] = "substantial"
    let union = { (rows: [OGPRow]) in rows.reduce(into: Set<String>()) { $0.formUnion($1.columns) } }
    #expect(ReportRows.columns(of: [first, second]).all == union([first, second]))
    #expect(ReportRows.columns(of: [first, second]).all.count == ReportRows.blankRow.count + 3)
    // A row with a column that is neither OGP's nor an x_ column has every key looked at.
    var odd = second
    odd["Extra"] = "1"
    #expect(ReportRows.columns(of: [first, odd]).all == union([first, odd]))
    #expect(ReportRows.columns(of: [first, odd]).all.contains("Extra"))
    #expect(ReportRows.columns(of: []).all.isEmpty)
    // A row without every OGP column beside one with them all: each row's own columns count.
    let partial: OGPRow = [OGPColumns.id: "P1", "x_monitor": "SHA256:k", "Extra": "2"]
    #expect(ReportRows.columns(of: [partial, first]).all == union([partial, first]))
    #expect(ReportRows.columns(of: [partial]).all == union([partial]))
  }
}
