import Foundation
import VeedorLedger
import VeedorSigning

extension Voices {
  /// The reviewer named by a reconciliation, once its levels, rationale, proof and score check out.
  func check(_ record: ReconciliationRecord, scores: (String) -> ScoreRecord?) throws(RecordsError)
    -> PartyRecord
  {
    guard let reviewer = parties[record.reviewer], reviewer.role == .reviewer else {
      throw RecordsError(
        .integrity, "'\(record.reviewer)' is not an active reviewer",
        es: "'\(record.reviewer)' no es un revisor activo", field: "reconciliation.reviewer")
    }
    guard !record.rationale.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, !record.reviewerLevels.isEmpty
    else {
      throw RecordsError(
        .integrity, "needs the reviewer's levels and a rationale",
        es: "necesita los niveles del revisor y un fundamento", field: "reconciliation")
    }
    if let proof = record.reviewerProof { try check(proof, of: record, by: reviewer) }
    switch record.stands {
    case .monitor:
      guard record.score == nil else {
        throw RecordsError(
          .integrity, "names a score although the monitor's reading stands",
          es: "nombra un puntaje aunque se mantiene la lectura del evaluador", field: "reconciliation.score")
      }
    case .reviewer:
      guard let id = record.score, let score = scores(id), score.commitment == record.commitment,
        score.scale == record.scale, score.levels == record.reviewerLevels
      else {
        throw RecordsError(
          .integrity, "the reviewer's reading stands, so it must name the score that records those levels",
          es: "se mantiene la lectura del revisor, así que debe nombrar el puntaje que registra esos niveles",
          field: "reconciliation.score")
      }
    }
    return reviewer
  }

  /// The reviewer's checkpoint is signed by their roster key and includes the entry, which records
  /// exactly the reconciled item and levels.
  func check(
    _ proof: ReconciliationRecord.ReviewerProof, of record: ReconciliationRecord, by reviewer: PartyRecord
  )
    throws(RecordsError)
  {
    let fail = RecordsError(
      .integrity, "the reviewer's proof does not show their signed score for this item",
      es: "la prueba del revisor no muestra su puntaje firmado para este ítem",
      field: "reconciliation.reviewerProof")
    guard let reviewerKey = MonitorKey.publicKey(sshLine: reviewer.publicKey),
      let note = try? SignedNote(parsing: proof.checkpoint), let body = try? Checkpoint(text: note.text),
      let key = try? NoteKey(name: body.origin, publicKey: reviewerKey), note.isSigned(by: key)
    else { throw fail }
    let hashes = proof.proof.compactMap { Data(base64Encoded: $0) }
    let entry = Data(proof.entry.utf8)
    guard hashes.count == proof.proof.count,
      ProofVerifier.verifyInclusion(
        leafHash: RFC6962.leafHash(entry), index: proof.index, size: body.size, proof: hashes, root: body.root),
      let act = try? JSONDecoder().decode(Act.self, from: entry),
      act.type == .scoreRecorded || act.type == .scoreCorrected, let score = act.score,
      score.commitment == record.commitment, score.scale == record.scale, score.levels == record.reviewerLevels
    else { throw fail }
  }
}
