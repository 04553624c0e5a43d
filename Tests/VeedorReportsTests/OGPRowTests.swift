import Testing

@testable import VeedorDataset

/// A row keeps OGP's columns by position and any other column by name, and reads and writes like the
/// dictionary of cells it replaces.
@Suite("OGP rows")
struct OGPRowTests {
  @Test("a dictionary of cells goes in and comes back the same, OGP and other columns alike")
  func roundTrip() {
    let cells = [
      OGPColumns.id: "CLPLN0001", "Verifiable": "Yes", "x_monitor": "SHA256:k", "Not an OGP column": "",
      OGPColumns.all.last!: "ND",
    ]
    let row = OGPRow(cells)
    #expect(row.dictionary == cells)
    #expect(row.count == cells.count)
    #expect(Set(row.columns) == Set(cells.keys))
    #expect(row.columns.prefix(3) == [OGPColumns.id, "Verifiable", OGPColumns.all.last!])
    for (column, value) in cells { #expect(row[column] == value) }
    #expect(row["Specificity"] == nil && row["x_other"] == nil)
    #expect(!row.hasEveryOGPColumn)
  }

  @Test("writing, overwriting and removing a cell")
  func writing() {
    var row = OGPRow(every: "ND")
    #expect(row.hasEveryOGPColumn && row.count == OGPColumns.all.count)
    row["Verifiable"] = "No"
    row["x_a"] = "1"
    row["x_a"] = "2"
    #expect(row["Verifiable"] == "No" && row["x_a"] == "2" && row.count == OGPColumns.all.count + 1)
    row["Verifiable"] = nil
    row["x_a"] = nil
    #expect(row["Verifiable"] == nil && row["x_a"] == nil && !row.hasEveryOGPColumn)
    #expect(row.count == OGPColumns.all.count - 1)
    let literal: OGPRow = ["Verifiable": "Yes", "x_b": "3"]
    #expect(literal == OGPRow(["x_b": "3", "Verifiable": "Yes"]))
  }
}
