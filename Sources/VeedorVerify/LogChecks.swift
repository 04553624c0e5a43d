import Foundation
import VeedorLedger
import VeedorReports
import VeedorSigning
import VeedorTiles

/// The checks beyond one machine: witness cosignatures against a policy, consistency with the log the
/// monitor publishes as tiles, and the offline `report.json.tlog-proof`.
enum LogChecks {
  /// The report's checkpoint must carry the cosignatures the reader's witness policy asks for.
  static func witnesses(_ report: Report, _ policy: WitnessPolicy?, _ result: inout ReportVerification) {
    let name = StepName.witnesses
    guard let policy else {
      return result.skip(name, "not requested (--witness-policy FILE)", es: "no se pidió (--witness-policy FILE)")
    }
    guard let note = try? SignedNote(parsing: report.inputs.checkpoint) else {
      return result.fail(
        name, "the report's checkpoint is not a signed note",
        es: "el punto de control del informe no es una nota firmada")
    }
    let signed = policy.cosigned(note)
    let names = signed.isEmpty ? "" : " (\(signed.joined(separator: ", ")))"
    let detail = "\(signed.count) of \(policy.witnesses.count) known witnesses cosigned\(names)"
    let detailES = "\(signed.count) de \(policy.witnesses.count) testigos conocidos cofirmaron\(names)"
    policy.isSatisfied(by: note)
      ? result.pass(
        name, "\(detail); the quorum '\(policy.quorum)' is met",
        es: "\(detailES); se alcanza el quórum '\(policy.quorum)'")
      : result.fail(
        name, "\(detail); the quorum '\(policy.quorum)' is not met",
        es: "\(detailES); no se alcanza el quórum '\(policy.quorum)'")
  }

  /// The published log (tiles) is signed by the report's signer and extends the report's checkpoint
  /// (and an older one the reader kept), proved from the tiles fetched.
  static func log(
    _ report: Report, _ checkpoint: Checkpoint, _ signer: Data, _ options: ReportVerifier.Options,
    _ result: inout ReportVerification
  ) {
    let name = StepName.log
    guard let location = options.log else {
      return result.skip(name, "not requested (--log URL|DIR)", es: "no se pidió (--log URL|DIR)")
    }
    do throws(TilesError) {
      guard let key = try? NoteKey(name: checkpoint.origin, publicKey: signer) else {
        throw TilesError(
          .integrity, "the report's origin cannot name a verifier key",
          es: "el origen del informe no puede nombrar una clave de verificación")
      }
      var held = [checkpoint]
      if let url = options.since, let text = try? String(contentsOf: url, encoding: .utf8),
        let note = try? SignedNote(parsing: text), let old = try? Checkpoint(text: note.text), note.isSigned(by: key)
      {
        held.append(old)
      }
      let source = try TileSource(location)
      let check = try LogCheck(source: source, key: key, held: held)
      let fetched = "(\(check.fetched.joined(separator: ", ")))"
      var detail =
        "\(location) serves \(check.checkpoint.size) entries signed by the same key; the report's \(checkpoint.size)"
        + "\(held.count > 1 ? " and the older \(held[1].size)" : "") are a prefix of it; "
        + "\(check.fetched.count) files fetched \(fetched)"
      var detailES =
        "\(location) sirve \(check.checkpoint.size) entradas firmadas por la misma clave; las \(checkpoint.size) del informe"
        + "\(held.count > 1 ? " y las \(held[1].size) del anterior" : "") son un prefijo de ellas; "
        + "\(check.fetched.count) archivos descargados \(fetched)"
      if let policy = options.witnessPolicy {
        let signed = policy.cosigned(check.note)
        guard policy.isSatisfied(by: check.note) else {
          return result.fail(
            name, "the log's checkpoint has \(signed.count) cosignature(s); the quorum '\(policy.quorum)' is not met",
            es:
              "el punto de control del registro publicado tiene \(signed.count) cofirma(s); no se alcanza el quórum '\(policy.quorum)'"
          )
        }
        detail += "; the log's checkpoint is cosigned by \(signed.joined(separator: ", "))"
        detailES += "; el punto de control del registro publicado está cofirmado por \(signed.joined(separator: ", "))"
      }
      result.pass(name, detail, es: detailES)
    } catch {
      result.fail(name, error.description, es: error.spanishDescription)
    }
  }

  /// `report.json.tlog-proof`, when present beside the report: the last entry's inclusion proof in
  /// the report's checkpoint, checkable offline.
  static func offlineProof(
    _ url: URL, _ report: Report, _ lines: [Data], _ checkpoint: Checkpoint, _ result: inout ReportVerification
  ) {
    let name = StepName.offlineProof
    let file = url.deletingLastPathComponent().appendingPathComponent("report.json.tlog-proof")
    guard let data = try? BoundedRead.contents(of: file, limit: 1 << 20) else {
      return result.skip(
        name, "no report.json.tlog-proof beside the report", es: "no hay report.json.tlog-proof junto al informe")
    }
    // The proof must carry the report's own checkpoint note, byte for byte: its signature by the signer
    // was checked at the checkpoint step, so only the inclusion proof is left to check here.
    guard let proof = try? TlogProof(parsing: String(decoding: data, as: UTF8.self)), proof.index == lines.count - 1,
      proof.checkpoint.utf8.elementsEqual(report.inputs.checkpoint.utf8),
      proof.proves(entry: lines[proof.index], in: checkpoint)
    else {
      return result.fail(
        name, "report.json.tlog-proof does not prove the last entry in the report's checkpoint note as carried",
        es:
          "report.json.tlog-proof no prueba la última entrada en la nota del punto de control tal como la trae el informe"
      )
    }
    result.files["report.json.tlog-proof"] = data
    result.pass(
      name, "report.json.tlog-proof proves entry \(proof.index) in the checkpoint of \(checkpoint.size) entries",
      es:
        "report.json.tlog-proof prueba la entrada \(proof.index) en el punto de control de \(checkpoint.size) entradas"
    )
  }
}
