import Foundation

/// A reply file (`veedor-reply/1`, or `veedor-respuesta/1` with Spanish field names): a short UTF-8 text
/// that names the draft it answers and what it is about, then the reply itself.
///
/// ```
/// veedor-reply/1
/// checkpoint: 42 BASE64ROOT=
/// party: dideco
/// commitment: CLPLN0003
/// scale: completion
/// proposed-level: substantial
/// evidence: https://example.org/acta.pdf
///
/// The reply, any number of lines.
/// ```
/// Field names in Spanish: `punto-de-control`, `parte`, `compromiso`, `escala`, `nivel-propuesto`,
/// `evidencia`. Without `commitment` the reply is about the whole report. A signed reply names the
/// party (its roster name), so the signature binds the name too. A party signs the exact bytes with
/// `ssh-keygen -Y sign -f KEY -n reply@veedor FILE`. A leading UTF-8 byte-order mark is ignored.
public struct ReplyText: Sendable, Hashable, Codable {
  /// The SSHSIG namespace replies are signed in.
  public static let namespace = "reply@veedor"
  /// The largest reply file accepted, in bytes.
  public static let maxBytes = 16 * 1024
  /// The first line of an English reply file.
  public static let headerEN = "veedor-reply/1"
  /// The first line of a Spanish reply file.
  public static let headerES = "veedor-respuesta/1"

  /// Size of the draft's checkpoint.
  public var checkpointSize: Int
  /// Base64 root hash of the draft's checkpoint.
  public var checkpointRoot: String
  /// The party the reply is from (its roster name), as the signed text states it.
  public var party: String?
  /// The commitment the reply is about; nil for the whole report.
  public var commitment: String?
  /// The scale, if the reply is about one score.
  public var scale: String?
  /// A level the party proposes instead, as written.
  public var proposedLevel: String?
  /// Web addresses the party offers as evidence.
  public var evidence: [String]
  /// The reply itself.
  public var text: String
  /// Whether the file uses the Spanish header and field names.
  public var spanish: Bool

  private static let fields: [String: String] = [
    "checkpoint": "checkpoint", "punto-de-control": "checkpoint", "party": "party", "parte": "party",
    "commitment": "commitment",
    "compromiso": "commitment", "scale": "scale", "escala": "scale", "proposed-level": "proposed-level",
    "nivel-propuesto": "proposed-level", "evidence": "evidence", "evidencia": "evidence",
  ]

  /// Parses reply bytes; errors name the line and field, with `file` as given.
  public init(parsing data: Data, file: String? = nil) throws(RecordsError) {
    func fail(_ message: String, es: String, line: Int? = nil, field: String? = nil) -> RecordsError {
      RecordsError(.badInput, message, es: es, file: file, line: line, field: field)
    }
    guard data.count <= Self.maxBytes else {
      throw fail(
        "a reply may be at most \(Self.maxBytes) bytes",
        es: "una respuesta puede tener como máximo \(Self.maxBytes) bytes")
    }
    // A byte-order mark some editors write is not part of the reply.
    let bytes = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
    guard let text = String(data: bytes, encoding: .utf8), Data(text.utf8) == bytes else {
      throw fail("is not UTF-8 text", es: "no es texto UTF-8")
    }
    if let bad = text.unicodeScalars.first(where: { $0.value < 0x20 && !"\n\r\t".unicodeScalars.contains($0) }) {
      throw fail(
        "contains the control character U+\(String(format: "%04X", bad.value))",
        es: "contiene el carácter de control U+\(String(format: "%04X", bad.value))")
    }
    // "\r\n" is one Character in Swift, so CRLF files are normalised before splitting.
    let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .map(String.init)
    guard let first = lines.first, first == Self.headerEN || first == Self.headerES else {
      throw fail(
        "the first line must be '\(Self.headerEN)' or '\(Self.headerES)'",
        es: "la primera línea debe ser '\(Self.headerEN)' o '\(Self.headerES)'", line: 1)
    }
    spanish = first == Self.headerES
    var values: [String: String] = [:]
    var evidence: [String] = []
    var index = 1
    while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).isEmpty {
      let line = lines[index]
      guard let colon = line.firstIndex(of: ":") else {
        throw fail(
          "expected 'field: value' (or an empty line before the reply text)",
          es: "se esperaba 'campo: valor' (o una línea vacía antes del texto de la respuesta)", line: index + 1)
      }
      let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      guard let field = Self.fields[name] else {
        throw fail(
          "unknown field (known: \(Self.fields.keys.sorted().joined(separator: ", ")))",
          es: "campo desconocido (conocidos: \(Self.fields.keys.sorted().joined(separator: ", ")))", line: index + 1,
          field: name)
      }
      guard !value.isEmpty else { throw fail("is empty", es: "está vacío", line: index + 1, field: name) }
      if field == "evidence" {
        evidence.append(value)
      } else {
        guard values[field] == nil else {
          throw fail("is given twice", es: "aparece dos veces", line: index + 1, field: name)
        }
        values[field] = value
      }
      index += 1
    }
    let body = lines.dropFirst(index + 1).joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    guard !body.isEmpty else {
      throw fail(
        "has no reply text after the empty line", es: "no tiene texto de respuesta después de la línea vacía",
        line: index + 1)
    }
    guard let checkpoint = values["checkpoint"] else {
      throw fail(
        "is missing: name the draft's checkpoint as 'SIZE ROOT'",
        es: "falta: indique el punto de control del borrador como 'SIZE ROOT'",
        field: spanish ? "punto-de-control" : "checkpoint")
    }
    let parts = checkpoint.split(separator: " ")
    guard parts.count == 2, let size = Int(parts[0]), size > 0, let root = Data(base64Encoded: String(parts[1])),
      root.count == 32
    else {
      throw fail(
        "expected 'SIZE ROOT' (the draft's checkpoint size and base64 root)",
        es: "se esperaba 'SIZE ROOT' (el tamaño y la raíz en base64 del punto de control del borrador)",
        field: spanish ? "punto-de-control" : "checkpoint")
    }
    checkpointSize = size
    checkpointRoot = String(parts[1])
    party = values["party"]
    commitment = values["commitment"]
    scale = values["scale"]
    proposedLevel = values["proposed-level"]
    if commitment == nil && (scale != nil || proposedLevel != nil) {
      throw fail(
        "a scale or proposed level needs a commitment", es: "una escala o un nivel propuesto necesita un compromiso",
        field: spanish ? "compromiso" : "commitment")
    }
    if scale == nil && proposedLevel != nil {
      throw fail(
        "a proposed level needs a scale", es: "un nivel propuesto necesita una escala",
        field: spanish ? "escala" : "scale")
    }
    self.evidence = evidence
    self.text = body
  }

  /// A reply file ready to fill in (or, with `text`, ready to sign).
  public static func template(
    checkpointSize: Int, checkpointRoot: String, party: String?, commitment: String?, scale: String?, text: String?,
    spanish: Bool
  ) -> String {
    var out = (spanish ? headerES : headerEN) + "\n"
    out += (spanish ? "punto-de-control" : "checkpoint") + ": \(checkpointSize) \(checkpointRoot)\n"
    if let party { out += (spanish ? "parte" : "party") + ": \(party)\n" }
    if let commitment { out += (spanish ? "compromiso" : "commitment") + ": \(commitment)\n" }
    if let scale { out += (spanish ? "escala" : "scale") + ": \(scale)\n" }
    let placeholder =
      spanish
      ? "Escriba aquí su respuesta. Puede añadir líneas 'nivel-propuesto: NIVEL' y 'evidencia: URL' arriba de la línea vacía."
      : "Write your reply here. You may add 'proposed-level: LEVEL' and 'evidence: URL' lines above the empty line."
    return out + "\n" + (text ?? placeholder) + "\n"
  }
}
