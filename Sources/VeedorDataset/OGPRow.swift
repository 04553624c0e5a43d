/// One row under OGP's column headers: OGP's columns in an array in OGP's order, any other column
/// (Veedor's `x_` columns, a sheet's own extras) by name. Read and written like a dictionary of cells,
/// it is made and copied without hashing every column, and its cells are read in OGP's order without
/// looking each one up.
public struct OGPRow: Sendable, Hashable, ExpressibleByDictionaryLiteral {
  /// Each OGP column's position in ``OGPColumns/all``.
  static let position = ColumnIndex(OGPColumns.all)

  /// OGP's columns, in OGP's order: nil where the row lacks the column.
  private(set) var cells: [String?]
  /// Every other column, by name.
  private(set) var extras: [String: String]

  /// A row with no columns.
  public init() {
    cells = Array(repeating: nil, count: OGPColumns.all.count)
    extras = [:]
  }

  /// The row of a dictionary of cells.
  public init(_ dictionary: [String: String]) {
    self.init()
    for (column, value) in dictionary { self[column] = value }
  }

  /// A row written as a dictionary literal.
  public init(dictionaryLiteral elements: (String, String)...) {
    self.init()
    for (column, value) in elements { self[column] = value }
  }

  /// A row holding every OGP column with the same value, with room for `room` other columns.
  init(every value: String, room: Int = 0) {
    cells = Array(repeating: value, count: OGPColumns.all.count)
    extras = Dictionary(minimumCapacity: room)
  }

  /// The cell of a column, nil when the row lacks it.
  public subscript(column: String) -> String? {
    get {
      if let at = Self.position[column] { return cells[at] }
      return extras[column]
    }
    set {
      if let at = Self.position[column] { cells[at] = newValue } else { extras[column] = newValue }
    }
  }

  /// Sets the cell of the OGP column at `position` in ``OGPColumns/all``.
  mutating func set(_ value: String, at position: Int) { cells[position] = value }

  /// The row as a dictionary of cells.
  public var dictionary: [String: String] {
    var dictionary = extras
    for (at, value) in cells.enumerated() { if let value { dictionary[OGPColumns.all[at]] = value } }
    return dictionary
  }

  /// The columns the row has: OGP's in OGP's order, then the others in no set order.
  public var columns: [String] {
    cells.indices.filter { cells[$0] != nil }.map { OGPColumns.all[$0] } + extras.keys
  }

  /// How many columns the row has.
  public var count: Int { cells.reduce(0) { $0 + ($1 == nil ? 0 : 1) } + extras.count }

  /// Whether the row has every OGP column.
  var hasEveryOGPColumn: Bool { !cells.contains(nil) }
}
