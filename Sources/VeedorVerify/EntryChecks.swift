import Foundation
import VeedorLedger
import VeedorReports
import VeedorWorkspace

/// Step 3: every cited ledger entry is in the signed tree, and says what the report claims.
struct EntryChecks {
  let report: ReportV1
  let checkpoint: Checkpoint

  func run(_ result: inout ReportVerification) {
    let name = "ledger entries"
    var lines: [Int: Act] = [:]
    for entry in report.entries {
      let line = Data(entry.line.utf8)
      let leaf = RFC6962.leafHash(line)
      let proof = entry.proof.compactMap { Data(hex: $0) }
      guard leaf.hexString == entry.leafHash, proof.count == entry.proof.count,
        ProofVerifier.verifyInclusion(
          leafHash: leaf, index: entry.seq, size: checkpoint.size, proof: proof, root: checkpoint.root)
      else {
        result.fail(name, "entry #\(entry.seq): inclusion proof does not lead to the checkpoint root")
        return
      }
      guard let act = try? JSONDecoder().decode(Act.self, from: line), act.seq == entry.seq else {
        result.fail(name, "entry #\(entry.seq): not a ledger entry")
        return
      }
      lines[entry.seq] = act
    }
    if let problem = claimsProblem(lines) {
      result.fail(name, problem)
      return
    }
    result.pass(
      name,
      "\(report.entries.count) cited entries proven included in the checkpoint's tree; every score and evidence item matches its entry"
    )
  }

  /// The first claim of the report that its cited entries do not back.
  private func claimsProblem(_ lines: [Int: Act]) -> String? {
    for item in report.evidence {
      guard let act = lines[item.entry], act.evidence == item.record else {
        return "evidence \(item.record.id) does not match ledger entry #\(item.entry)"
      }
    }
    for commitment in report.commitments {
      for scale in commitment.scores {
        for score in scale.history {
          guard let recorded = lines[score.entry]?.score, recorded.id == score.score,
            recorded.commitment == commitment.id, recorded.scale == scale.scale,
            recorded.levels == score.levels.map(\.id), recorded.rationale == score.rationale,
            recorded.evidence == score.evidence, recorded.supersedes == score.supersedes
          else { return "score \(score.score) of \(commitment.id) does not match ledger entry #\(score.entry)" }
          for id in score.evidence where !report.evidence.contains(where: { $0.record.id == id }) {
            return "score \(score.score) cites evidence \(id), which the report does not include"
          }
        }
      }
    }
    guard let first = lines[0], first.type == .planImported, first.plan?.id == report.plan.id,
      first.plan?.rubricSHA256 == report.rubric.sha256
    else { return "entry #0 does not pin this report's plan and rubric" }
    return nil
  }
}

/// Step 4: every stored evidence file has the SHA-256 the ledger recorded.
enum EvidenceChecks {
  static func run(_ report: ReportV1, _ folder: URL?, _ result: inout ReportVerification) {
    let name = "evidence files"
    guard let folder else {
      result.skip(name, "not requested (--evidence-dir DIR)")
      return
    }
    var checked = 0
    for item in report.evidence {
      guard let sha = item.record.sha256 else { continue }
      let candidates =
        [
          folder.appendingPathComponent(sha),
          folder.appendingPathComponent(String(sha.prefix(2))).appendingPathComponent(sha),
        ]
        + (item.record.fileName.map { [folder.appendingPathComponent(URL(fileURLWithPath: $0).lastPathComponent)] }
          ?? [])
      guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
        result.fail(name, "evidence \(item.record.id) (sha256 \(sha.prefix(12))…) is not in \(folder.path)")
        return
      }
      guard (try? EvidenceStore.sha256(of: found)) == sha else {
        result.fail(name, "evidence \(item.record.id): \(found.path) does not have the recorded SHA-256")
        return
      }
      checked += 1
    }
    result.pass(name, "\(checked) file(s) match their recorded SHA-256")
  }
}
