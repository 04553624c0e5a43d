/// A dataset's cells in column order, read where the rows keep them: an OGP column by its position in
/// the row, any other by name (each column's place looked up once). Both dataset files are written
/// from it, with no copy of the cells in between.
struct DatasetCells {
  /// The columns, in order.
  let headers: [String]
  /// The rows, in order.
  let rows: [OGPRow]
  /// Each column's position among OGP's columns, nil for another column.
  private let positions: [Int?]

  /// The cells of `rows` under `headers`.
  init(headers: [String], rows: [OGPRow]) {
    self.headers = headers
    self.rows = rows
    positions = headers.map { OGPRow.position[$0] }
  }

  /// The cell of `row` in column `column` (an index into ``headers``), nil where the row lacks it.
  func cell(_ row: OGPRow, _ column: Int) -> String? {
    if let at = positions[column] { return row.cells[at] }
    return row.extras[headers[column]]
  }
}
