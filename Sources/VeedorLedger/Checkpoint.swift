import Foundation
import VeedorErrors

/// A tree head as the body of a C2SP tlog-checkpoint: origin, size and root.
public struct Checkpoint: Sendable, Hashable, Codable {
  /// The log's origin line, e.g. `veedor.example/penalolen-2021`.
  public var origin: String
  /// Number of entries covered.
  public var size: Int
  /// RFC 6962 root of those entries.
  public var root: Data

  /// Creates a checkpoint body.
  public init(origin: String, size: Int, root: Data) {
    self.origin = origin
    self.size = size
    self.root = root
  }

  /// The note text: `origin\nsize\nbase64(root)\n`.
  public var text: String {
    "\(origin)\n\(size)\n\(root.base64EncodedString())\n"
  }

  /// Parses a checkpoint body (extension lines after the root are ignored).
  public init(text: String) throws(LedgerError) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.count >= 4, text.hasSuffix("\n") else {
      throw .badCheckpoint(
        Phrase(
          "expected origin, size and root lines",
          es: "se esperaban las líneas de origen, tamaño y raíz"))
    }
    let origin = String(lines[0])
    guard !origin.isEmpty else { throw .badCheckpoint(Phrase("empty origin", es: "origen vacío")) }
    let sizeText = String(lines[1])
    guard let size = Int(sizeText), size >= 0, String(size) == sizeText else {
      throw .badCheckpoint(
        Phrase(
          "tree size '\(sizeText)' is not a decimal number without leading zeros",
          es: "el tamaño de árbol '\(sizeText)' no es un número decimal sin ceros a la izquierda"))
    }
    guard let root = Data(base64Encoded: String(lines[2])), root.count == RFC6962.hashSize else {
      throw .badCheckpoint(
        Phrase("root is not a base64 32-byte hash", es: "la raíz no es un hash de 32 bytes en base64"))
    }
    self.init(origin: origin, size: size, root: root)
  }
}
