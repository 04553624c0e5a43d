import VeedorErrors

/// Errors raised by the ledger: its file, its tree and its proofs.
public enum LedgerError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A tree size larger than the tree.
  case sizeOutOfRange(Int, size: Int)
  /// A leaf index outside the tree.
  case indexOutOfRange(Int, size: Int)
  /// A consistency range that is not `0 < old <= new`.
  case badConsistencyRange(oldSize: Int, newSize: Int)
  /// The ledger file could not be read or written.
  case io(path: String, reason: Phrase)
  /// A line of the ledger is not a valid entry.
  case badLine(path: String, line: Int, reason: Phrase)
  /// The last line was cut short by a crash; `veedor ledger repair` moves it aside.
  case tornTail(path: String, line: Int)
  /// A checkpoint text could not be parsed.
  case badCheckpoint(Phrase)
  /// An entry longer than a tlog-tiles entry bundle can hold (65,535 bytes).
  case entryTooLong(path: String, bytes: Int)

  /// A one-line, user-facing message.
  public var description: String { phrase.en }

  /// The message in English and Spanish.
  var phrase: Phrase {
    switch self {
    case .sizeOutOfRange(let n, let size):
      return Phrase(
        "tree size \(n) is out of range (the ledger has \(size) entries)",
        es: "el tamaño de árbol \(n) está fuera de rango (el registro tiene \(size) entradas)")
    case .indexOutOfRange(let i, let size):
      return Phrase(
        "entry \(i) is not in a tree of \(size) entries (entries are numbered 0 to \(size - 1))",
        es: "la entrada \(i) no está en un árbol de \(size) entradas (las entradas se numeran de 0 a \(size - 1))")
    case .badConsistencyRange(let old, let new):
      return Phrase(
        "a consistency proof needs 0 < old size <= new size (got \(old) and \(new))",
        es: "una prueba de consistencia requiere 0 < tamaño anterior <= tamaño nuevo (se recibió \(old) y \(new))")
    case .io(let path, let reason):
      return Phrase(
        "\(path): \(reason)",
        es: "\(path): \(reason.es)")
    case .badLine(let path, let line, let reason):
      return Phrase(
        "\(path):\(line): \(reason)",
        es: "\(path):\(line): \(reason.es)")
    case .tornTail(let path, let line):
      return Phrase(
        "\(path):\(line): the last line is incomplete (an interrupted write); run 'veedor ledger repair' to move it aside",
        es:
          "\(path):\(line): la última línea está incompleta (una escritura interrumpida); ejecute 'veedor ledger repair' para apartarla"
      )
    case .badCheckpoint(let reason):
      return Phrase(
        "invalid checkpoint: \(reason)",
        es: "punto de control no válido: \(reason.es)")
    case .entryTooLong(let path, let bytes):
      return Phrase(
        "\(path): the new entry would be \(bytes) bytes; an entry may be at most \(LedgerFile.maxLineBytes) bytes (so the log can be served as tlog-tiles); shorten the text",
        es:
          "\(path): la nueva entrada tendría \(bytes) bytes; una entrada puede tener como máximo \(LedgerFile.maxLineBytes) bytes (para que el registro pueda servirse como tlog-tiles); acorte el texto"
      )
    }
  }
}

extension LedgerError: SpanishDescribable {
  /// The same one-line message in Spanish.
  public var spanishDescription: String { phrase.es }
}
