import Foundation
import VeedorLedger
import VeedorRecords
import VeedorReports
import VeedorRubric
import VeedorSigning
import VeedorTiles
import VeedorWorkspace

/// Writes a signed report: `report.json`, its three detached signatures, and Markdown/HTML per language.
public enum ReportExporter {
  /// File names written next to `report.json`.
  public static let signatureFiles = ["report.json.sshsig", "report.json.sig", "report.json.asc"]

  /// A draft's review window: first and last day (`YYYY-MM-DD`) replies count as on time.
  public struct DraftWindow: Sendable {
    /// First day.
    public var opens: String
    /// Last day.
    public var closes: String

    /// Creates a window.
    public init(opens: String, closes: String) {
      self.opens = opens
      self.closes = closes
    }
  }

  /// Records the key's identity in the ledger if needed; for a draft opens its review window, for a
  /// final report closes an open one (refused while a reply recorded in time is unanswered, unless
  /// `allowUnanswered`); signs the ledger head (if not yet signed), derives the report from the
  /// signed inputs and writes every file.
  ///
  /// - Returns: the report and the files written.
  public static func export(
    workspace: Workspace, key: MonitorKey, to folder: URL, languages: [Language], now: Date,
    draft: DraftWindow? = nil, allowUnanswered: Bool = false, closeEarly: Bool = false,
    form: Report.FormRequest? = nil, progress: Report.ProgressRequest? = nil,
    onWitness: (WitnessClient.Outcome) -> Void = { _ in }
  ) throws -> (Report, [URL]) {
    // A form that cannot be derived is refused before anything is appended or signed.
    if let form { try checkForm(form, workspace: workspace) }
    // One replay tells which appends are needed; each append still re-checks under the ledger lock.
    let before = try workspace.currentState()
    if before.monitor(publicKey: key.sshPublicKey)
      != MonitorRecord(name: key.name, email: key.email, publicKey: key.sshPublicKey, created: key.created)
    {
      try workspace.recordMonitor(key, now: now)
    }
    if let draft {
      _ = try workspace.openReview(opens: draft.opens, closes: draft.closes, now: now)
    } else if before.voices.openWindow != nil && progress == nil {
      // A progress report is no final report: it leaves an open review window open.
      try workspace.closeReview(allowUnanswered: allowUnanswered, closeEarly: closeEarly, now: now)
    }
    var checkpoint = try CheckpointStore(workspace: workspace).sign(workspace, key: key)
    // With a `witnesses` file, the report carries the checkpoint as the witnesses cosigned it.
    if let policy = try CheckpointWitnessing.policy(workspace) {
      let (cosigned, outcomes) = try CheckpointWitnessing.run(
        workspace: workspace, entry: checkpoint, policy: policy, only: [])
      checkpoint = cosigned
      outcomes.forEach(onWitness)
    }
    let (inputs, lastTime) = try inputs(workspace, checkpoint)
    // A clock behind the ledger still dates the report no earlier than its last entry.
    let report = try ReportDerivation.derive(
      inputs: inputs, signer: key.publicKey, generated: max(Act.timestamp(now), lastTime), form: form,
      progress: progress)
    let json = try ReportDerivation.encode(report)
    var files: [(String, Data)] = [
      ("report.json", json),
      ("report.json.sshsig", Data(try SSHSignature.sign(json, namespace: SSHSignature.reportNamespace, key: key).utf8)),
      ("report.json.sig", try key.sign(json)),
      ("report.json.asc", Data(try OpenPGP.sign(json, key: key, created: Int64(now.timeIntervalSince1970)).utf8)),
    ]
    files.append(("report.json.tlog-proof", Data(try offlineProof(inputs).text.utf8)))
    for language in languages {
      files.append(("report.\(language.rawValue).md", Data(MarkdownReport.render(report, language: language).utf8)))
      files.append(("report.\(language.rawValue).html", Data(HTMLReport.render(report, language: language).utf8)))
      if report.form != nil {
        files.append(("form.\(language.rawValue).md", Data(FormPages.markdown(report, language: language).utf8)))
        files.append(("form.\(language.rawValue).html", Data(FormPages.html(report, language: language).utf8)))
      }
      if report.progress != nil {
        files.append(("progress.\(language.rawValue).md", Data(ProgressLayout.markdown(report, language).utf8)))
        files.append(("progress.\(language.rawValue).html", Data(ProgressLayout.html(report, language).utf8)))
      }
    }
    try write(files, to: folder)
    return (report, files.map { folder.appendingPathComponent($0.0) })
  }

  /// Refuses, before the ledger changes, a form the rubric does not have or whose answers break its limits.
  static func checkForm(_ form: Report.FormRequest, workspace: Workspace) throws {
    _ = try ReportDerivation.form(form, plan: workspace.plan, rubric: workspace.rubric, state: try workspace.state())
  }

  /// The signed inputs of a report: the checkpoint, the pinned plan and rubric bytes and every line it covers.
  static func inputs(_ workspace: Workspace, _ checkpoint: CheckpointStore.Entry) throws -> (ReportInputs, String) {
    let contents = try workspace.readLedger()
    let size = checkpoint.checkpoint.size
    guard size <= contents.lines.count else {
      throw WorkspaceError(
        .integrity, "the checkpoint covers more entries than the ledger holds",
        es: "el punto de control abarca más entradas de las que tiene el registro", file: workspace.ledgerPath)
    }
    let lines = Array(contents.lines.prefix(size))
    // The report's derivation replays every line; here only the last entry's time is needed.
    let lastTime = lines.last.flatMap { try? JSONDecoder().decode(Act.self, from: $0) }?.time ?? ""
    let plan = try Data(contentsOf: workspace.root.appendingPathComponent("plan.json"))
    let rubric = try Data(contentsOf: workspace.root.appendingPathComponent("rubric.json"))
    return (
      try ReportInputs(checkpoint: checkpoint.note.serialized, plan: plan, rubric: rubric, ledger: lines), lastTime
    )
  }

  /// The C2SP tlog-proof of the last entry the report covers, in its (possibly cosigned) checkpoint.
  static func offlineProof(_ inputs: ReportInputs) throws -> TlogProof {
    let lines = inputs.ledgerLines
    let proof = try MerkleTree(entries: lines).inclusionProof(index: lines.count - 1, size: lines.count)
    return TlogProof(index: lines.count - 1, proof: proof, checkpoint: inputs.checkpoint)
  }

  /// Writes the files as one folder swapped into place: a crash leaves the old folder or the new one.
  /// Other entries of an existing folder (e.g. `keys/`) are kept.
  static func write(_ files: [(String, Data)], to folder: URL) throws {
    try FolderSwap.replace(folder) { staging in
      for (name, data) in files {
        try POSIXFile.writeAtomically(data, to: staging.appendingPathComponent(name))
      }
    }
  }
}

/// The public material a monitor hands out so anyone can check their signatures.
public enum PublicKeyExport {
  /// The `allowed_signers` principal: the e-mail address, else the name without spaces.
  public static func principal(_ key: MonitorKey) -> String {
    key.email ?? String(key.name.map { $0.isWhitespace || $0 == "," ? "-" : $0 })
  }

  /// Writes `allowed_signers`, `monitor.pub`, `monitor.pub.pem`, `monitor.pgp`, `monitor.asc`, and
  /// with an origin `verifier.vkey`.
  public static func export(_ key: MonitorKey, origin: String?, to folder: URL) throws -> [URL] {
    let pgp = try OpenPGP.publicKey(key)
    var files: [(String, Data)] = [
      ("allowed_signers", Data(SSHSignature.allowedSigners(principal: principal(key), key: key).utf8)),
      ("monitor.pub", Data("\(key.sshPublicKey) \(principal(key))\n".utf8)),
      ("monitor.pub.pem", Data(key.publicKeyPEM.utf8)),
      ("monitor.pgp", pgp),
      ("monitor.asc", Data(OpenPGP.armor(pgp, kind: "PUBLIC KEY BLOCK").utf8)),
    ]
    if let origin {
      files.append(
        ("verifier.vkey", Data((try NoteKey(name: origin, publicKey: key.publicKey).description + "\n").utf8)))
    }
    try ReportExporter.write(files, to: folder)
    return files.map { folder.appendingPathComponent($0.0) }
  }
}
