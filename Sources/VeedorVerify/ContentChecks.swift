import Foundation
import VeedorErrors
import VeedorJSON
import VeedorLedger
import VeedorReports

/// Steps 2–5: the report parses, its checkpoint is signed by the signer, its ledger lines are the
/// ledger's first N entries, and everything it shows is what those signed inputs derive.
enum ContentChecks {
  /// The head of the report (``ReportHead``), once its format tag and fields parse. Only the head is
  /// decoded: the rest is checked by re-deriving it and comparing bytes, and a report that fails a later
  /// step is decoded in full then (``recheck(_:_:)``), so its verdict names the same step as before.
  static func decode(_ bytes: Data, _ result: inout ReportVerification) -> ReportHead? {
    // The canonical reader builds the head's members only; `JSONDecoder` takes what it leaves.
    guard
      let head = CanonicalJSON.decode(ReportHead.self, from: bytes, members: ReportHead.members)
        ?? (try? JSONDecoder().decode(ReportHead.self, from: bytes))
    else {
      return decodeFull(bytes, &result).map(ReportHead.init)
    }
    // Not this format: the whole file is read as before, so a file that is not JSON at all says so.
    guard head.format == Report.formatTag else { return decodeFull(bytes, &result).map(ReportHead.init) }
    result.pass(StepName.format, Report.formatTag, es: Report.formatTag)
    return head
  }

  /// After a step past the format failed: the whole report decoded, as `parsed`; or, when it does not
  /// decode, the format step failed in place of the steps after it (as if it had been decoded first).
  static func recheck(_ bytes: Data, _ result: inout ReportVerification) {
    guard result.parsed == nil, let at = result.steps.firstIndex(where: { $0.name == StepName.format.en }) else {
      return
    }
    var scratch = result
    scratch.steps.removeSubrange(at...)
    if let report = decodeFull(bytes, &scratch) { result.parsed = report } else { result = scratch }
  }

  /// The whole report, once its format tag and fields parse. The bytes are parsed once when they are a
  /// report of this format; only a report that does not decode is parsed again for its tag alone.
  static func decodeFull(_ bytes: Data, _ result: inout ReportVerification) -> Report? {
    let name = StepName.format
    do {
      let report = try JSONDecoder().decode(Report.self, from: bytes)
      guard report.format == Report.formatTag else {
        wrongFormat(report.format, &result)
        return nil
      }
      result.pass(name, Report.formatTag, es: Report.formatTag)
      return report
    } catch {
      let tag = Report.formatTag(of: bytes)
      guard tag == Report.formatTag else {
        wrongFormat(tag, &result)
        return nil
      }
      result.fail(
        name, "does not parse as \(Report.formatTag): \(Self.describe(error))",
        es: "no se puede leer como \(Report.formatTag): \(Self.describe(error, spanish: true))")
      return nil
    }
  }

  /// The failure for a report whose format tag is not this version's (a first-format report is told
  /// apart: it cannot be re-derived; so is one of the format before this one).
  private static func wrongFormat(_ tag: String?, _ result: inout ReportVerification) {
    let name = StepName.format
    if let why = Report.earlierFormat(tag) {
      result.fail(name, why.en, es: why.es)
    } else {
      result.fail(
        name, "not a \(Report.formatTag) report (format: \(tag ?? "missing"))",
        es: "no es un informe \(Report.formatTag) (formato: \(tag ?? "falta"))")
    }
  }

  /// The embedded checkpoint, when the report's signer signed it.
  static func checkpoint(_ inputs: ReportInputs, _ signer: Data, _ result: inout ReportVerification) -> Checkpoint? {
    let name = StepName.checkpoint
    do {
      let checkpoint = try ReportDerivation.signedCheckpoint(inputs.checkpoint, signer: signer)
      result.pass(
        name, "\(checkpoint.origin), \(checkpoint.size) entries, signed by the report's signer",
        es: "\(checkpoint.origin), \(checkpoint.size) entradas, firmado por quien firma el informe")
      return checkpoint
    } catch {
      result.fail(name, error.description, es: error.spanishDescription)
      return nil
    }
  }

  /// The carried ledger lines, when they are exactly the checkpoint's tree: complete and unaltered;
  /// with their leaf hashes in hex.
  static func entries(
    _ inputs: ReportInputs, _ checkpoint: Checkpoint, _ result: inout ReportVerification
  ) -> (lines: [Data], leaves: [String])? {
    let name = StepName.entries
    let lines = inputs.ledgerLines
    let leaves: [String]
    do { leaves = try ReportDerivation.checkCompleteness(lines, checkpoint) } catch {
      result.fail(name, error.message, es: error.messageES)
      return nil
    }
    result.pass(
      name, "all \(lines.count) entries carried; they are the ledger's first \(lines.count) (RFC 6962 root matches)",
      es:
        "se traen las \(lines.count) entradas; son las primeras \(lines.count) del registro (la raíz RFC 6962 coincide)"
    )
    return (lines, leaves)
  }

  /// The re-derived report, when deriving it from its (already checked) inputs gives back exactly its
  /// bytes: then it is the report the file holds, field for field.
  static func content(
    _ head: ReportHead, _ lines: [Data], _ leaves: [String], _ checkpoint: Checkpoint, _ bytes: Data,
    _ signer: Data, _ result: inout ReportVerification
  ) -> Report? {
    let name = StepName.content
    let report: Report
    let derived: Data
    do {
      report = try ReportDerivation.derive(
        inputs: head.inputs, lines: lines, checkpoint: checkpoint, signer: signer, generated: head.generated,
        form: head.form, progress: head.progress, leaves: leaves)
      derived = try ReportDerivation.encode(report)
    } catch {
      result.fail(name, error.description, es: error.spanishDescription)
      return nil
    }
    // `JSONEncoder` has the last word when the canonical writer's bytes differ.
    guard derived != bytes && (try? ReportDerivation.encodeWithFoundation(report)) != bytes else {
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
      return report
    }
    guard let path = JSONDiff.firstDifference(bytes, derived) else {
      result.fail(
        name, "same content as the ledger derives, but not in the canonical encoding",
        es: "el mismo contenido que deriva el registro, pero no en la codificación canónica")
      return nil
    }
    result.fail(
      name, "\(path) differs from what the ledger derives", es: "\(path) difiere de lo que deriva el registro")
    return nil
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
