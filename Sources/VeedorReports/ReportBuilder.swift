import Foundation
import VeedorLedger
import VeedorRubric
import VeedorSigning
import VeedorWorkspace

/// Builds `report.json` from a workspace, its signed checkpoint and the monitor's key.
public enum ReportBuilder {
  /// The report of a workspace's ledger as of `checkpoint`.
  public static func build(
    workspace: Workspace, checkpoint: CheckpointStore.Entry, key: MonitorKey, now: Date
  ) throws(WorkspaceError) -> ReportV1 {
    let contents = try workspace.readLedger()
    let size = checkpoint.checkpoint.size
    guard size <= contents.lines.count else {
      throw WorkspaceError(.integrity, "the checkpoint covers more entries than the ledger holds")
    }
    let lines = Array(contents.lines.prefix(size))
    let tree = MerkleTree(entries: lines)
    guard (try? tree.root()) == checkpoint.checkpoint.root else {
      throw WorkspaceError(.integrity, "the ledger does not match the checkpoint", file: checkpoint.url.path)
    }
    let state = try workspace.state(of: lines)
    let rubric = workspace.rubric
    var seqOf: [String: Int] = [:]
    var timeOf: [String: String] = [:]
    var cited: Set<Int> = [0]
    for act in state.acts {
      if let evidence = act.evidence {
        seqOf["E:" + evidence.id] = act.seq
        cited.insert(act.seq)
      }
      if let score = act.score {
        seqOf["S:" + score.id] = act.seq
        timeOf[score.id] = act.time
        cited.insert(act.seq)
      }
    }
    let commitments = workspace.plan.commitments.map {
      commitmentReport($0, rubric: rubric, state: state, seqOf: seqOf, timeOf: timeOf)
    }
    let titles = Dictionary(rubric.aggregates.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    let aggregates = rubric.aggregateValues(over: workspace.plan.commitments.map { state.sheet(for: $0.id) }).map {
      ReportV1.Aggregate(title: titles[$0.id] ?? LocalizedText(en: $0.id, es: $0.id), value: $0)
    }
    var entries: [ReportV1.CitedEntry] = []
    for seq in cited.sorted() {
      let proof: [Data]
      do { proof = try tree.inclusionProof(index: seq, size: size) } catch {
        throw WorkspaceError(.integrity, error.description)
      }
      entries.append(
        ReportV1.CitedEntry(
          seq: seq, line: String(decoding: lines[seq], as: UTF8.self), leafHash: tree.leafHash(at: seq).hexString,
          proof: proof.map(\.hexString)))
    }
    var consistency: [ReportV1.ConsistencyProof] = []
    for earlier in try CheckpointStore(workspace: workspace).all()
    where earlier.checkpoint.size > 0 && earlier.checkpoint.size < size {
      guard let proof = try? tree.consistencyProof(oldSize: earlier.checkpoint.size, newSize: size) else { continue }
      consistency.append(
        ReportV1.ConsistencyProof(
          oldSize: earlier.checkpoint.size, oldRoot: earlier.checkpoint.root.base64EncodedString(),
          proof: proof.map(\.hexString)))
    }
    let verifier = (try? NoteKey(name: workspace.config.origin, publicKey: key.publicKey))?.description ?? ""
    return ReportV1(
      format: ReportV1.formatTag, generated: Act.timestamp(now), plan: workspace.plan,
      rubric: ReportV1.RubricInfo(
        id: rubric.id, version: rubric.version, sha256: state.plan?.rubricSHA256 ?? "",
        title: rubric.title,
        ogpColumns: rubric.scales.flatMap { [$0.ogpColumn].compactMap { $0 } + $0.levels.compactMap(\.ogpColumn) }),
      monitor: ReportV1.Monitor(
        name: key.name, email: key.email, publicKey: key.sshPublicKey, sshFingerprint: key.sshFingerprint,
        openpgpFingerprint: OpenPGP.fingerprint(key).hexString.uppercased(), verifierKey: verifier),
      checkpoint: ReportV1.CheckpointInfo(
        note: checkpoint.note.serialized, origin: checkpoint.checkpoint.origin, size: size,
        root: checkpoint.checkpoint.root.base64EncodedString()),
      commitments: commitments,
      evidence: state.evidence.map { ReportV1.EvidenceItem(record: $0, entry: seqOf["E:" + $0.id] ?? -1) },
      aggregates: aggregates, entries: entries, consistency: consistency)
  }

  private static func commitmentReport(
    _ commitment: Commitment, rubric: Rubric, state: WorkspaceState, seqOf: [String: Int], timeOf: [String: String]
  ) -> ReportV1.CommitmentReport {
    var scores: [ReportV1.ScaleScore] = []
    var missing: [String] = []
    for scale in rubric.scales {
      let records = state.history[.init(commitment: commitment.id, scale: scale.id)] ?? []
      let history = records.map { record -> ReportV1.ScoreEntry in
        let chosen: [ReportV1.LevelInfo] = record.levels.compactMap { id in
          guard let level = scale.levels.first(where: { $0.id == id }) else { return nil }
          return ReportV1.LevelInfo(
            id: level.id, label: level.label, definition: level.definition, confirmed: level.confirmed,
            ogp: level.ogpValue, ogpColumn: level.ogpColumn)
        }
        return ReportV1.ScoreEntry(
          score: record.id, levels: chosen, rationale: record.rationale, evidence: record.evidence,
          supersedes: record.supersedes, entry: seqOf["S:" + record.id] ?? -1, time: timeOf[record.id] ?? "")
      }
      guard
        let score = ReportV1.ScaleScore(
          scale: scale.id, ogpColumn: scale.ogpColumn, ogpValueColumns: scale.levels.compactMap(\.ogpColumn),
          title: scale.title, phase: scale.phase, history: history)
      else {
        missing.append(scale.id)
        continue
      }
      scores.append(score)
    }
    var indicators: [String: Truth] = [:]
    for (indicator, truth) in rubric.indicatorValues(for: state.sheet(for: commitment.id)) {
      indicators[indicator.id] = truth
    }
    return ReportV1.CommitmentReport(
      id: commitment.id, title: commitment.title, url: commitment.url, scores: scores, indicators: indicators,
      missing: missing)
  }

  /// The exact bytes of `report.json`: sorted keys, no indentation (the Markdown and HTML are for
  /// reading), a final newline.
  public static func encode(_ report: ReportV1) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(report) + Data("\n".utf8)
  }
}
