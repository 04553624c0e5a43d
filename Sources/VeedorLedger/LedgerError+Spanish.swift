import VeedorErrors

extension LedgerError: SpanishDescribable {
  /// The same one-line message in Spanish.
  public var spanishDescription: String {
    switch self {
    case .sizeOutOfRange(let n, let size):
      return "el tamaño de árbol \(n) está fuera de rango (el registro tiene \(size) entradas)"
    case .indexOutOfRange(let i, let size):
      return
        "la entrada \(i) no está en un árbol de \(size) entradas (las entradas se numeran de 0 a \(size - 1))"
    case .badConsistencyRange(let old, let new):
      return
        "una prueba de consistencia requiere 0 < tamaño anterior <= tamaño nuevo (se recibió \(old) y \(new))"
    case .io(let path, let reason):
      return "\(path): \(reason.es)"
    case .badLine(let path, let line, let reason):
      return "\(path):\(line): \(reason.es)"
    case .tornTail(let path, let line):
      return
        "\(path):\(line): la última línea está incompleta (una escritura interrumpida); ejecute 'veedor ledger repair' para apartarla"
    case .badCheckpoint(let reason):
      return "punto de control no válido: \(reason.es)"
    case .entryTooLong(let path, let bytes):
      return
        "\(path): la nueva entrada tendría \(bytes) bytes; una entrada puede tener como máximo \(LedgerFile.maxLineBytes) bytes (para que el registro pueda servirse como tlog-tiles); acorte el texto"
    }
  }
}
