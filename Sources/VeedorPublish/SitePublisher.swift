import Foundation
import VeedorLedger
import VeedorReports
import VeedorRubric
import VeedorSigning
import VeedorTiles
import VeedorVerify

/// Writes the static site: Spanish and English pages, the signed report, keys and evidence files.
public enum SitePublisher {
  static let dataFiles = [
    "report.json", "report.json.sshsig", "report.json.sig", "report.json.asc", "report.json.tlog-proof",
  ]
  /// The folder of the site holding the ledger as C2SP tlog-tiles.
  public static let logFolder = "log"
  static let keyFiles = [
    "allowed_signers", "monitor.pub", "monitor.pub.pem", "monitor.pgp", "monitor.asc", "verifier.vkey",
  ]

  /// Verifies the report against the exported keys, then writes the site from the bytes that were
  /// verified; returns the pages written.
  ///
  /// The site is built in a fresh folder and swapped into place. A non-empty `site` that this
  /// command did not make (no `.veedor-site` marker) is refused unless `force`. Each folder in
  /// `progress` holds a progress report, verified the same way and published under `progress/`;
  /// the progress reports the site already serves stay when they still verify against this report
  /// (`kept`), and are dropped otherwise (`dropped`), by period label.
  public static func publish(
    report reportFolder: URL, keys: URL, evidence: URL?, to site: URL, progress: [URL] = [], force: Bool = false
  ) throws -> (pages: [URL], report: Report, tiles: TileWriter.Result, kept: [String], dropped: [String]) {
    let reportURL = reportFolder.appendingPathComponent("report.json")
    let trust = keys.appendingPathComponent("allowed_signers")
    let trustFile: TrustFile
    do { trustFile = try ReportVerifier.loadTrust(trust) } catch {
      throw PublishError(
        .badInput, "\(error.description) (export the keys with 'veedor key export')",
        es: "\(error.spanishDescription) (exporte las claves con 'veedor key export')")
    }
    let verification = ReportVerifier.verify(
      reportURL, options: .init(trust: trust, evidenceDir: evidence), trust: trustFile)
    guard verification.verified, let report = verification.parsed else {
      throw refusal(verification, file: reportURL, kind: ("report", "informe"))
    }
    var progressReports = try SiteProgress.load(progress, site: report, trust: trust, trustFile: trustFile)
    let fm = FileManager.default
    let existing = (try? fm.contentsOfDirectory(atPath: site.path)) ?? []
    if !existing.isEmpty && !existing.contains(marker) && !force {
      throw PublishError(
        .badInput,
        "is not empty and was not made by 'veedor publish'; choose a new folder, or pass --force to replace the site files in it",
        es:
          "no está vacía y no la creó 'veedor publish'; elija una carpeta nueva, o indique --force para reemplazar los archivos del sitio que contiene",
        file: site.path)
    }
    if existing.contains(marker) && !force {
      try checkExtends(report, site.appendingPathComponent("\(logFolder)/checkpoint"))
    }
    // Progress reports already on the site stay, checked again, unless the same period is given anew.
    var (kept, dropped): ([String], [String]) = ([], [])
    let earlier = existing.contains(marker) ? SiteProgress.published(in: site) : []
    for folder in earlier where !progressReports.contains(where: { $0.folder == folder.lastPathComponent }) {
      if let old = try? SiteProgress.load([folder], site: report, trust: trust, trustFile: trustFile).first {
        progressReports.append(old)
        kept.append(old.report.progress?.label ?? folder.lastPathComponent)
      } else {
        dropped.append(folder.lastPathComponent)
      }
    }
    progressReports.sort(by: SiteProgress.newestFirst)
    let allProgress = progressReports
    var written: [String] = []
    var tiles = TileWriter.Result()
    let previous = existing.contains(marker) ? site : nil
    final class Linked: @unchecked Sendable { var paths: Set<String> = [] }
    let linked = Linked()
    // Progress pages are written afresh from the reports kept: when none is, the old site's must not
    // stay. Only the names this command writes, and only in a site it made: anything else is kept.
    let progressNames: Set<String> = ["progress", SitePage.file("progress", .es), SitePage.file("progress", .en)]
    let owned = { (name: String) in previous != nil && progressNames.contains(name) }
    try FolderSwap.replace(site, keeping: { !owned($0) }, alreadyDurable: { linked.paths.contains($0) }) {
      staging in
      written = try build(
        report, verification, allProgress, keys, evidence, staging, trust, previous, &tiles)
      linked.paths = Set(tiles.linked.map { "\(logFolder)/\($0)" })
    }
    return (written.map { site.appendingPathComponent($0) }, report, tiles, kept, dropped)
  }

  /// Refuses to replace a published log by one that does not extend it: another origin or key, fewer
  /// entries, or a different history. The public log only grows (`--force` overrides, knowingly).
  static func checkExtends(_ report: Report, _ checkpointFile: URL) throws {
    guard let text = try? String(contentsOf: checkpointFile, encoding: .utf8),
      let note = try? SignedNote(parsing: text), let old = try? Checkpoint(text: note.text)
    else { return }
    let signer = MonitorKey.publicKey(sshLine: report.monitor.publicKey) ?? Data()
    let new = report.checkpoint
    guard old.origin == new.origin, let key = try? NoteKey(name: old.origin, publicKey: signer), note.isSigned(by: key)
    else {
      throw PublishError(
        .badInput,
        "serves the log \(old.origin) signed by another key; publishing this report would replace it (pass --force to do so)",
        es:
          "sirve el registro \(old.origin) firmado por otra clave; publicar este informe lo reemplazaría (indique --force para hacerlo)",
        file: checkpointFile.path)
    }
    let lines = report.inputs.ledgerLines
    guard old.size <= lines.count,
      (try? MerkleTree(entries: lines.prefix(old.size)).root()) ?? RFC6962.emptyRoot == old.root
    else {
      throw PublishError(
        .badInput,
        "serves \(old.size) entries that this report (\(lines.count) entries) does not extend; publishing it would roll the public log back or rewrite it (pass --force to do so)",
        es:
          "sirve \(old.size) entradas que este informe (\(lines.count) entradas) no extiende; publicarlo haría retroceder o reescribiría el registro público (indique --force para hacerlo)",
        file: checkpointFile.path)
    }
  }

  /// The error for a report (`kind`: its name in English and Spanish) that did not verify, naming
  /// the step that failed.
  static func refusal(_ verification: ReportVerification, file: URL, kind: (en: String, es: String)) -> PublishError {
    PublishError(
      .failed, "refusing to publish a \(kind.en) that does not verify: \(verification.failureReason)",
      es: "no se publica un \(kind.es) que no se verifica: \(verification.spanishFailureReason)", file: file.path)
  }

  /// The marker file that says a folder is a site this command made.
  static let marker = ".veedor-site"

  private static func build(
    _ report: Report, _ verification: ReportVerification, _ progress: [SiteProgress.Published], _ keys: URL,
    _ evidence: URL?,
    _ site: URL, _ trust: URL, _ previous: URL?, _ tiles: inout TileWriter.Result
  ) throws -> [String] {
    let fm = FileManager.default
    try POSIXFile.writeAtomically(Data("made by veedor publish\n".utf8), to: site.appendingPathComponent(marker))
    let data = site.appendingPathComponent("data")
    try fm.createDirectory(at: data.appendingPathComponent("keys"), withIntermediateDirectories: true)
    for name in dataFiles {
      if let verified = verification.files[name] {
        try POSIXFile.writeAtomically(verified, to: data.appendingPathComponent(name))
      }
    }
    for name in keyFiles where fm.fileExists(atPath: keys.appendingPathComponent(name).path) {
      try copy(keys.appendingPathComponent(name), to: data.appendingPathComponent("keys/\(name)"))
    }
    var stored: Set<String> = []
    if let evidence {
      try fm.createDirectory(at: site.appendingPathComponent("evidence"), withIntermediateDirectories: true)
      for item in report.evidence {
        guard let sha = item.record.sha256, sha.count == 64, sha.allSatisfy(\.isHexDigit) else { continue }
        let source = [
          evidence.appendingPathComponent(sha),
          evidence.appendingPathComponent(String(sha.prefix(2))).appendingPathComponent(sha),
        ]
        .first { fm.fileExists(atPath: $0.path) }
        guard let source else { continue }
        try copy(source, to: site.appendingPathComponent("evidence/\(sha)"))
        stored.insert(sha)
      }
    }
    // The ledger the report carries, as tlog-tiles; tiles the previous site already serves are linked.
    try FileManager.default.createDirectory(
      at: site.appendingPathComponent(logFolder), withIntermediateDirectories: true)
    tiles = try TileWriter.build(
      lines: report.inputs.ledgerLines, checkpoint: report.inputs.checkpoint, sizes: [report.checkpoint.size],
      into: site.appendingPathComponent(logFolder), previous: previous?.appendingPathComponent(logFolder))
    let replyFiles = SiteReplies.files(report)
    if !replyFiles.isEmpty {
      try fm.createDirectory(at: data.appendingPathComponent("replies"), withIntermediateDirectories: true)
      try POSIXFile.writeAtomically(Data(SiteReplies.roster(report).utf8), to: data.appendingPathComponent("parties"))
      for file in replyFiles {
        try POSIXFile.writeAtomically(file.bytes, to: data.appendingPathComponent("replies/\(file.id).txt"))
        if let signature = file.signature {
          try POSIXFile.writeAtomically(
            Data(signature.utf8), to: data.appendingPathComponent("replies/\(file.id).txt.sig"))
        }
      }
    }
    let principal =
      (try? String(contentsOf: trust, encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "MONITOR"
    var pages: [(String, String)] = [("style.css", SitePage.css)]
    for language in [Language.es, .en] {
      let frame = SitePage(language: language, report: report, progressPage: !progress.isEmpty)
      let bodies = SiteBodies(report: report, language: language, storedEvidence: stored)
      let words = SiteWords(language: language)
      let planTitle = report.plan.title?.best(language.rawValue) ?? report.plan.id
      pages.append(
        (
          SitePage.file("index", language),
          frame.render(
            base: "index", title: planTitle,
            heading: report.plan.title?.html(language.rawValue) ?? HTMLReport.escape(report.plan.id),
            body: bodies.index())
        ))
      if report.review != nil || report.replies != nil {
        pages.append(
          (
            SitePage.file("reply", language),
            frame.render(
              base: "reply", title: words["replyTitle"],
              body: SiteReplies(report: report, language: language).page())
          ))
      }
      pages.append(
        (
          SitePage.file("verify", language),
          frame.render(base: "verify", title: words["verifyTitle"], body: bodies.verify(principal: principal))
        ))
      // Atom feeds of what changed: the plan's and each commitment's.
      let feed = SiteFeed(report: report, language: language, progress: progress)
      pages.append((SiteFeed.file(nil, language), feed.render(commitment: nil)))
      for c in report.commitments {
        pages.append((SiteFeed.file(c.id, language), feed.render(commitment: c.id)))
      }
      if !progress.isEmpty {
        pages.append(
          (
            SitePage.file("progress", language),
            frame.render(
              base: "progress", title: words["progressNav"], body: SiteProgress.page(progress, language: language))
          ))
      }
      // A report that is an assessment form carries the form's own page, as verify checked it.
      if report.form != nil {
        pages.append((SitePage.file("form", language), FormPages.html(report, language: language)))
      }
      for c in report.commitments {
        let base = SitePage.commitmentBase(c.id)
        let title = "\(c.id) — \(c.title.best(language.rawValue))"
        pages.append(
          (
            SitePage.file(base, language),
            frame.render(
              base: base, title: title,
              heading: "\(HTMLReport.escape(c.id)) — \(c.title.html(language.rawValue))", body: bodies.commitment(c))
          ))
      }
    }
    for (name, text) in pages { try POSIXFile.writeAtomically(Data(text.utf8), to: site.appendingPathComponent(name)) }
    return pages.map(\.0) + (try SiteProgress.write(progress, into: site))
  }

  private static func copy(_ source: URL, to target: URL) throws {
    try POSIXFile.copyAtomically(from: source, to: target)
  }
}
