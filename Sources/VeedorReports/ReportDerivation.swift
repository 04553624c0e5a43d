import Foundation
import VeedorErrors
import VeedorJSON
import VeedorLedger
import VeedorPlan
import VeedorRecords
import VeedorRubric
import VeedorSigning

/// A report as a pure function of its signed inputs and the signing key.
///
/// The monitor's export and the reader's `veedor verify` both call ``derive(inputs:signer:generated:)``;
/// the verifier compares the encoded result with the bytes it was given.
public enum ReportDerivation {
  /// Derives every shown field from the inputs: checks the checkpoint signature, that the ledger lines
  /// hash to its root, that the first entry pins the plan and rubric bytes, and that the ledger
  /// records an identity for the signing key.
  /// With `form`, the report is that assessment form of the rubric (its deadline and gaps derived too).
  public static func derive(
    inputs: ReportInputs, signer: Data, generated: String, form: Report.FormRequest? = nil,
    progress: Report.ProgressRequest? = nil
  ) throws(ReportsError) -> Report {
    let checkpoint = try signedCheckpoint(inputs.checkpoint, signer: signer)
    let lines = inputs.ledgerLines
    let leaves = try checkCompleteness(lines, checkpoint)
    return try derive(
      inputs: inputs, lines: lines, checkpoint: checkpoint, signer: signer, generated: generated, form: form,
      progress: progress, leaves: leaves)
  }

  /// Refuses ledger lines that are not exactly the checkpoint's tree: as many as it covers, hashing
  /// to its root (so none is missing, extra, reordered or altered). Returns their leaf hashes in hex.
  @discardableResult
  public static func checkCompleteness(_ lines: [Data], _ checkpoint: Checkpoint) throws(ReportsError) -> [String] {
    guard lines.count == checkpoint.size else {
      throw ReportsError(
        .integrity, "the report carries \(lines.count) ledger lines; the checkpoint signed \(checkpoint.size)",
        es: "el informe trae \(lines.count) líneas del registro; el punto de control firmó \(checkpoint.size)",
        field: "inputs.ledger")
    }
    let tree = MerkleTree(entries: lines)
    guard (try? tree.root()) == checkpoint.root else {
      throw ReportsError(
        .integrity,
        "the \(lines.count) ledger lines do not hash to the checkpoint root (not the ledger's first \(lines.count) entries)",
        es:
          "el hash de las \(lines.count) líneas del registro no da la raíz del punto de control (no son las primeras \(lines.count) entradas del registro)",
        field: "inputs.ledger")
    }
    return tree.leafHexes
  }

  /// Derives the report from inputs whose `checkpoint` has been checked with ``signedCheckpoint(_:signer:)``
  /// and whose `lines` (the decoded `inputs.ledger`) with ``checkCompleteness(_:_:)``, so a verifier
  /// that reports those checks as steps does not hash the ledger twice (`leaves`, the hex leaf hashes
  /// that check returned, spare replay hashing the lines again).
  public static func derive(
    inputs: ReportInputs, lines: [Data], checkpoint: Checkpoint, signer: Data, generated: String,
    form: Report.FormRequest? = nil, progress: Report.ProgressRequest? = nil, leaves: [String]? = nil
  ) throws(ReportsError) -> Report {
    let state: LedgerState
    do { state = try LedgerState.replay(lines, file: "inputs.ledger", leaves: leaves) } catch {
      throw ReportsError(
        .integrity, error.message, es: error.messageES, field: "inputs.ledger[\((error.line ?? 1) - 1)]")
    }
    guard let pinned = state.plan else {
      throw ReportsError(.integrity, "the ledger is empty", es: "el registro está vacío", field: "inputs.ledger")
    }
    let planBytes = try inputs.planBytes()
    let rubricBytes = try inputs.rubricBytes()
    guard ReportInputs.sha256(planBytes) == pinned.sha256 else {
      throw ReportsError(
        .integrity, "is not the plan.json the ledger's first entry pins",
        es: "no es el plan.json que fija la primera entrada del registro", field: "inputs.plan")
    }
    guard DecodedInputs.shared.sha256(rubricBytes) == pinned.rubricSHA256 else {
      throw ReportsError(
        .integrity, "is not the rubric.json the ledger's first entry pins",
        es: "no es el rubric.json que fija la primera entrada del registro", field: "inputs.rubric")
    }
    let plan = try DecodedInputs.shared.plan(sha256: pinned.sha256) { () throws(ReportsError) -> ActionPlan in
      // The canonical reader where it reads the plan as `JSONDecoder` does; `JSONDecoder` otherwise.
      if let plan = CanonicalJSON.decodeUnrepeated(ActionPlan.self, from: planBytes) { return plan }
      do { return try PlanImporter.decodeJSON(planBytes, file: "inputs.plan") } catch {
        throw ReportsError(.integrity, String(describing: error), es: spanishText(error), field: "inputs.plan")
      }
    }
    let rubric = try DecodedInputs.shared.rubric(sha256: pinned.rubricSHA256) { () throws(ReportsError) -> Rubric in
      do { return try Rubric.load(rubricBytes) } catch {
        throw ReportsError(.integrity, String(describing: error), es: spanishText(error), field: "inputs.rubric")
      }
    }
    try SignedInputChecks.check(state: state, plan: plan, rubric: rubric)
    let sshKey = MonitorKey.sshPublicKey(signer)
    guard let identity = state.monitor(publicKey: sshKey) else {
      throw ReportsError(
        .integrity, "the ledger records no monitor.key entry for the signing key \(MonitorKey.sshFingerprint(signer))",
        es:
          "el registro no tiene una entrada monitor.key para la clave que firma \(MonitorKey.sshFingerprint(signer))",
        field: "inputs.ledger")
    }
    // `generated` is the signer's claim, but never one the ledger contradicts.
    let lastTime = state.acts.last?.time ?? ""
    guard
      Self.isUTCTime(generated),
      generated >= lastTime
    else {
      throw ReportsError(
        .integrity, "'\(generated)' is not a UTC time at or after the last ledger entry (\(lastTime))",
        es: "'\(generated)' no es una hora UTC igual o posterior a la última entrada del registro (\(lastTime))",
        field: "generated")
    }
    do { try state.voices.checkDraftRoots(lines) } catch {
      throw ReportsError(
        .integrity, error.message, es: error.messageES, field: "inputs.ledger[\((error.line ?? 1) - 1)]")
    }
    let content = ReportContent(plan: plan, rubric: rubric, state: state)
    let voices = ReportVoices(state: state, lines: lines)
    let formInfo = try form.map { request throws(ReportsError) in
      try FormDerivation.derive(request, plan: plan, rubric: rubric, state: state)
    }
    return Report(
      format: Report.formatTag, generated: generated, inputs: inputs, plan: plan,
      rubric: Report.RubricInfo(
        id: rubric.id, version: rubric.version, sha256: pinned.rubricSHA256, title: rubric.title,
        ogpColumns: rubric.ogpColumns),
      monitor: Report.Monitor(
        name: identity.name, email: identity.email, publicKey: sshKey,
        sshFingerprint: MonitorKey.sshFingerprint(signer),
        openpgpFingerprint: OpenPGP.fingerprint(publicKey: signer, created: identity.created).hexString.uppercased(),
        verifierKey: (try? NoteKey(name: checkpoint.origin, publicKey: signer))?.description ?? ""),
      checkpoint: Report.CheckpointInfo(
        origin: checkpoint.origin, size: checkpoint.size, root: checkpoint.root.base64EncodedString()),
      commitments: content.commitments(), evidence: content.evidence(), aggregates: content.aggregates(),
      review: voices.review(), replies: voices.replies(), reconciliations: voices.reconciliations(),
      process: content.process(), form: formInfo, cycle: content.cycle(today: String(generated.prefix(10))),
      progress: try progress.map { request throws(ReportsError) in
        try ProgressDerivation.derive(request, plan: plan, state: state)
      })
  }

  /// The form a report would be, derived from the workspace's own plan, rubric and state (a check
  /// before export; the report derives it again from its signed inputs). With `enforcingLimits`
  /// false, a form whose answers break its evidence limits is still derived (for a status to show).
  public static func form(
    _ request: Report.FormRequest, plan: ActionPlan, rubric: Rubric, state: LedgerState,
    enforcingLimits: Bool = true
  ) throws(ReportsError) -> Report.FormInfo {
    try FormDerivation.derive(request, plan: plan, rubric: rubric, state: state, enforcingLimits: enforcingLimits)
  }

  /// The checkpoint in a signed note, if `signer` signed it under its origin.
  public static func signedCheckpoint(_ text: String, signer: Data) throws(ReportsError) -> Checkpoint {
    guard let note = try? SignedNote(parsing: text), let checkpoint = try? Checkpoint(text: note.text) else {
      throw ReportsError(
        .integrity, "is not a signed checkpoint note", es: "no es una nota de punto de control firmada",
        field: "inputs.checkpoint")
    }
    guard let key = try? NoteKey(name: checkpoint.origin, publicKey: signer), note.isSigned(by: key) else {
      throw ReportsError(
        .integrity, "is not signed by the report's signer under origin \(checkpoint.origin)",
        es: "no está firmado por quien firma el informe con el origen \(checkpoint.origin)", field: "inputs.checkpoint")
    }
    return checkpoint
  }

  /// The plain form of a UTC time, `d` standing for a digit.
  private static let utcShape = Array("dddd-dd-ddTdd:dd:ddZ".utf8)

  /// Whether `text` matches `^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$` as Foundation's
  /// regular expressions read it. Twenty bytes of that form answer at once; any other text is asked of
  /// the expression (whose `$` also matches before a final line end).
  static func isUTCTime(_ text: String) -> Bool {
    if text.utf8.count == utcShape.count,
      zip(text.utf8, utcShape).allSatisfy({ byte, want in
        want == UInt8(ascii: "d") ? (0x30...0x39).contains(byte) : byte == want
      })
    {
      return true
    }
    return text.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"#, options: .regularExpression)
      != nil
  }

  /// The exact bytes of `report.json`: sorted keys, no indentation (the Markdown and HTML are for
  /// reading), a final newline. Written by ``CanonicalJSON`` when it can, else by `JSONEncoder`.
  public static func encode(_ report: Report) throws(ReportsError) -> Data {
    if var bytes = CanonicalJSON.encode(report) {
      bytes.append(0x0A)
      return Data(bytes)
    }
    return try encodeWithFoundation(report)
  }

  /// The same bytes as ``encode(_:)``, always by `JSONEncoder` (the reference the canonical writer matches).
  public static func encodeWithFoundation(_ report: Report) throws(ReportsError) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    do { return try encoder.encode(report) + Data("\n".utf8) } catch {
      throw ReportsError(
        .badInput, "cannot encode the report: \(error)", es: "no se puede codificar el informe: \(spanishText(error))")
    }
  }
}
