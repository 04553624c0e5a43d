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
    let name = "witness cosignatures"
    guard let policy else { return result.skip(name, "not requested (--witness-policy FILE)") }
    guard let note = try? SignedNote(parsing: report.inputs.checkpoint) else {
      return result.fail(name, "the report's checkpoint is not a signed note")
    }
    let signed = policy.cosigned(note)
    let detail =
      "\(signed.count) of \(policy.witnesses.count) known witnesses cosigned\(signed.isEmpty ? "" : " (\(signed.joined(separator: ", ")))")"
    policy.isSatisfied(by: note)
      ? result.pass(name, "\(detail); the quorum '\(policy.quorum)' is met")
      : result.fail(name, "\(detail); the quorum '\(policy.quorum)' is not met")
  }

  /// The published log (tiles) is signed by the report's signer and extends the report's checkpoint
  /// (and an older one the reader kept), proved from the tiles fetched.
  static func log(
    _ report: Report, _ checkpoint: Checkpoint, _ signer: Data, _ options: ReportVerifier.Options,
    _ result: inout ReportVerification
  ) {
    let name = "published log"
    guard let location = options.log else { return result.skip(name, "not requested (--log URL|DIR)") }
    do throws(TilesError) {
      guard let key = try? NoteKey(name: checkpoint.origin, publicKey: signer) else {
        throw TilesError(.integrity, "the report's origin cannot name a verifier key")
      }
      var held = [checkpoint]
      if let url = options.since, let text = try? String(contentsOf: url, encoding: .utf8),
        let note = try? SignedNote(parsing: text), let old = try? Checkpoint(text: note.text), note.isSigned(by: key)
      {
        held.append(old)
      }
      let source = try TileSource(location)
      let check = try LogCheck(source: source, key: key, held: held)
      var detail =
        "\(location) serves \(check.checkpoint.size) entries signed by the same key; the report's \(checkpoint.size)"
        + "\(held.count > 1 ? " and the older \(held[1].size)" : "") are a prefix of it; "
        + "\(check.fetched.count) files fetched (\(check.fetched.joined(separator: ", ")))"
      if let policy = options.witnessPolicy {
        let signed = policy.cosigned(check.note)
        guard policy.isSatisfied(by: check.note) else {
          return result.fail(
            name, "the log's checkpoint has \(signed.count) cosignature(s); the quorum '\(policy.quorum)' is not met")
        }
        detail += "; the log's checkpoint is cosigned by \(signed.joined(separator: ", "))"
      }
      result.pass(name, detail)
    } catch {
      result.fail(name, error.description)
    }
  }

  /// `report.json.tlog-proof`, when present beside the report: the last entry's inclusion proof in
  /// the report's checkpoint, checkable offline.
  static func offlineProof(
    _ url: URL, _ report: Report, _ lines: [Data], _ checkpoint: Checkpoint, _ signer: Data,
    _ result: inout ReportVerification
  ) {
    let name = "offline proof"
    let file = url.deletingLastPathComponent().appendingPathComponent("report.json.tlog-proof")
    guard let data = try? BoundedRead.contents(of: file, limit: 1 << 20) else {
      return result.skip(name, "no report.json.tlog-proof beside the report")
    }
    guard let proof = try? TlogProof(parsing: String(decoding: data, as: UTF8.self)),
      let key = try? NoteKey(name: checkpoint.origin, publicKey: signer), proof.index == lines.count - 1,
      proof.checkpoint == report.inputs.checkpoint,
      let proved = proof.verify(entry: lines[proof.index], key: key), proved == checkpoint
    else {
      return result.fail(
        name, "report.json.tlog-proof does not prove the last entry in the report's checkpoint note as carried")
    }
    result.files["report.json.tlog-proof"] = data
    result.pass(
      name, "report.json.tlog-proof proves entry \(proof.index) in the checkpoint of \(checkpoint.size) entries")
  }
}
