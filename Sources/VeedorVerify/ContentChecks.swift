import Foundation
import VeedorLedger
import VeedorReports

/// Steps 2–5: the report parses, its checkpoint is signed by the signer, its ledger lines are the
/// ledger's first N entries, and everything it shows is what those signed inputs derive.
enum ContentChecks {
  /// The report, once its format tag and fields parse.
  static func decode(_ bytes: Data, _ result: inout ReportVerification) -> Report? {
    let name = StepName.format
    struct Tag: Decodable { var format: String? }
    let tag = (try? JSONDecoder().decode(Tag.self, from: bytes))?.format
    guard tag == Report.formatTag else {
      if tag == Report.formatTagV1 {
        result.fail(
          name,
          "a \(Report.formatTagV1) report carries only the ledger entries it cites, so what it shows cannot be re-derived; ask the monitor to export it again with this version (\(Report.formatTag))",
          es:
            "un informe \(Report.formatTagV1) trae solo las entradas del registro que cita, así que lo que muestra no se puede volver a derivar; pida al evaluador que lo exporte de nuevo con esta versión (\(Report.formatTag))"
        )
      } else {
        result.fail(
          name, "not a \(Report.formatTag) report (format: \(tag ?? "missing"))",
          es: "no es un informe \(Report.formatTag) (formato: \(tag ?? "falta"))")
      }
      return nil
    }
    do {
      let report = try JSONDecoder().decode(Report.self, from: bytes)
      result.pass(name, Report.formatTag, es: Report.formatTag)
      return report
    } catch {
      result.fail(
        name, "does not parse as \(Report.formatTag): \(Self.describe(error))",
        es: "no se puede leer como \(Report.formatTag): \(Self.describe(error, spanish: true))")
      return nil
    }
  }

  /// The embedded checkpoint, when the report's signer signed it.
  static func checkpoint(_ report: Report, _ signer: Data, _ result: inout ReportVerification) -> Checkpoint? {
    let name = StepName.checkpoint
    do {
      let checkpoint = try ReportDerivation.signedCheckpoint(report.inputs.checkpoint, signer: signer)
      result.pass(
        name, "\(checkpoint.origin), \(checkpoint.size) entries, signed by the report's signer",
        es: "\(checkpoint.origin), \(checkpoint.size) entradas, firmado por quien firma el informe")
      return checkpoint
    } catch {
      result.fail(name, error.description, es: error.spanishDescription)
      return nil
    }
  }

  /// The carried ledger lines, when they are exactly the checkpoint's tree: complete and unaltered.
  static func entries(_ report: Report, _ checkpoint: Checkpoint, _ result: inout ReportVerification) -> [Data]? {
    let name = StepName.entries
    let lines = report.inputs.ledgerLines
    do { try ReportDerivation.checkCompleteness(lines, checkpoint) } catch {
      result.fail(name, error.message, es: error.messageES)
      return nil
    }
    result.pass(
      name, "all \(lines.count) entries carried; they are the ledger's first \(lines.count) (RFC 6962 root matches)",
      es:
        "se traen las \(lines.count) entradas; son las primeras \(lines.count) del registro (la raíz RFC 6962 coincide)"
    )
    return lines
  }

  /// Whether re-deriving the report from its (already checked) inputs gives back exactly its bytes.
  static func content(
    _ report: Report, _ lines: [Data], _ checkpoint: Checkpoint, _ bytes: Data, _ signer: Data,
    _ result: inout ReportVerification
  ) -> Bool {
    let name = StepName.content
    let derived: Data
    do {
      derived = try ReportDerivation.encode(
        try ReportDerivation.derive(
          inputs: report.inputs, lines: lines, checkpoint: checkpoint, signer: signer, generated: report.generated,
          form: report.form.map { Report.FormRequest(id: $0.id, commitment: $0.commitment) },
          progress: report.progress.map { Report.ProgressRequest(label: $0.label, from: $0.from, to: $0.to) }))
    } catch {
      result.fail(name, error.description, es: error.spanishDescription)
      return false
    }
    guard derived != bytes else {
      let replies = report.replies ?? []
      let signed = replies.filter { $0.party != nil }.count
      let voices =
        replies.isEmpty
        ? "" : " (\(replies.count) replies, \(signed) signed: each signature checked again against the roster)"
      let voicesES =
        replies.isEmpty
        ? ""
        : " (\(replies.count) respuestas, \(signed) firmadas: cada firma se comprobó de nuevo contra el registro de partes)"
      result.pass(
        name,
        "re-derived from the \(lines.count) entries, the pinned plan and rubric and the checkpoint: identical\(voices)",
        es:
          "derivado de nuevo a partir de las \(lines.count) entradas, el plan y la rúbrica fijados y el punto de control: idéntico\(voicesES)"
      )
      return true
    }
    guard let path = JSONDiff.firstDifference(bytes, derived) else {
      result.fail(
        name, "same content as the ledger derives, but not in the canonical encoding",
        es: "el mismo contenido que deriva el registro, pero no en la codificación canónica")
      return false
    }
    result.fail(
      name, "\(path) differs from what the ledger derives", es: "\(path) difiere de lo que deriva el registro")
    return false
  }

  /// A decoding error as a JSON path and reason (in Spanish, where the words are Veedor's).
  static func describe(_ error: any Error, spanish: Bool = false) -> String {
    guard let error = error as? DecodingError else { return spanish ? spanishText(error) : "\(error)" }
    let (context, what): (DecodingError.Context, String)
    switch error {
    case .keyNotFound(let key, let c): (context, what) = (c, "\(spanish ? "falta" : "missing") \(key.stringValue)")
    case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
      (context, what) = (c, c.debugDescription)
    @unknown default: return "\(error)"
    }
    let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    return "$\(path): \(what)"
  }
}
