import Foundation
import VeedorLedger
import VeedorReports
import VeedorRubric
import VeedorVerify

/// The progress reports a site publishes beside its report: each verified against the same keys and
/// from the same ledger (its entries a prefix of the report's), served under `progress/` with its
/// signed files and pages, and listed newest first with what changed (`progress.html`).
struct SiteProgress {
  /// One progress report that verified.
  struct Published {
    /// The report as verified.
    var report: Report
    /// The bytes that were verified, by file name.
    var files: [String: Data]
    /// Its folder under the site's `progress/`.
    var folder: String
  }

  /// The progress reports that verified, newest period first; refuses any that does not verify, is not
  /// a progress report, is signed by another key, or covers entries the site's report does not.
  static func load(_ folders: [URL], site report: Report, trust: URL, trustFile: TrustFile) throws -> [Published] {
    var found: [Published] = []
    for folder in folders {
      let url = folder.appendingPathComponent("report.json")
      // A folder without the report is the user's input (exit 2), not a report that failed its check.
      guard FileManager.default.fileExists(atPath: url.path) else {
        throw PublishError(
          .badInput, "no report.json here; export a progress report first with 'veedor report progress'",
          es: "aquí no hay report.json; exporte primero un informe de avance con 'veedor report progress'",
          file: url.path)
      }
      let verification = ReportVerifier.verify(url, options: .init(trust: trust), trust: trustFile)
      guard verification.verified, let progress = verification.parsed else {
        throw SitePublisher.refusal(verification, file: url, kind: ("progress report", "informe de avance"))
      }
      guard let period = progress.progress else {
        throw PublishError(
          .badInput, "is not a progress report (export one with 'veedor report progress')",
          es: "no es un informe de avance (expórtelo con 'veedor report progress')", file: url.path)
      }
      let lines = progress.inputs.ledgerLines
      guard progress.monitor.publicKey == report.monitor.publicKey, progress.plan.id == report.plan.id,
        lines.count <= report.inputs.ledgerLines.count, Array(report.inputs.ledgerLines.prefix(lines.count)) == lines
      else {
        throw PublishError(
          .badInput,
          "covers \(lines.count) ledger entries that the published report (\(report.inputs.ledgerLines.count) entries) does not hold; export the report again ('veedor report export') so the site shows what the progress report does",
          es:
            "abarca \(lines.count) entradas del registro que el informe publicado (\(report.inputs.ledgerLines.count) entradas) no contiene; exporte el informe de nuevo ('veedor report export') para que el sitio muestre lo mismo que el informe de avance",
          file: url.path)
      }
      found.append(Published(report: progress, files: verification.files, folder: folderName(period.label)))
    }
    if let twice = Dictionary(grouping: found, by: \.folder).first(where: { $0.value.count > 1 }) {
      // Named by the period's label as the reports give it, not by its folder's escaped name.
      let label = twice.value[0].report.progress?.label ?? ""
      throw PublishError(
        .badInput, "two progress reports for the period \(label); give one",
        es: "dos informes de avance del período \(label); indique uno")
    }
    return found.sorted(by: newestFirst)
  }

  /// Newest period first: by last day, then first day, then the larger checkpoint.
  static func newestFirst(_ x: Published, _ y: Published) -> Bool {
    guard let a = x.report.progress, let b = y.report.progress else { return false }
    return (a.to, a.from, x.report.checkpoint.size) > (b.to, b.from, y.report.checkpoint.size)
  }

  /// The progress-report folders a site already serves (`progress/*/report.json`).
  static func published(in site: URL) -> [URL] {
    let root = site.appendingPathComponent("progress")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
    return names.sorted().map { root.appendingPathComponent($0) }.filter {
      FileManager.default.fileExists(atPath: $0.appendingPathComponent("report.json").path)
    }
  }

  /// A period's folder, safe as a file name whatever the label holds (`progress-2024-Q1`).
  static func folderName(_ label: String) -> String {
    "progress-" + SitePage.safeName(label)
  }

  /// Writes each report's verified files and pages into `progress/FOLDER/`; returns the files written,
  /// as paths inside the site.
  static func write(_ reports: [Published], into site: URL) throws -> [String] {
    var written: [String] = []
    for published in reports {
      let folder = site.appendingPathComponent("progress/\(published.folder)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      for name in SitePublisher.dataFiles {
        if let bytes = published.files[name] {
          try POSIXFile.writeAtomically(bytes, to: folder.appendingPathComponent(name))
          written.append("progress/\(published.folder)/\(name)")
        }
      }
      for language in [Language.es, .en] {
        let page = "progress.\(language.rawValue).html"
        try POSIXFile.writeAtomically(
          Data(ProgressLayout.html(published.report, language).utf8), to: folder.appendingPathComponent(page))
        written.append("progress/\(published.folder)/\(page)")
      }
    }
    return written
  }

  /// The body of the list page: each report, newest first, with what changed per commitment.
  static func page(_ reports: [Published], language: Language) -> String {
    let e = HTMLReport.escape
    let w = SiteWords(language: language)
    let words = ReportWords(language: language)
    let percent = { (v: Double?) in v.map { "\($0)%" } ?? words["noMilestones"] }
    var h = "<p>\(e(w["progressIntro"]))</p>\n"
    for published in reports {
      guard let period = published.report.progress else { continue }
      let link = "progress/\(published.folder)/progress.\(language.rawValue).html"
      h += "<section>\n<h2>\(e(words.format("periodDays", period.label, period.from, period.to)))</h2>\n"
      h +=
        "<p>\(e(w.format("progressSigned", String(published.report.generated.prefix(10)), String(published.report.checkpoint.size))))"
      h += " <a href=\"\(e(link))\">\(e(w["progressRead"]))</a> · "
      h += "<a href=\"progress/\(e(published.folder))/report.json\">report.json</a> · "
      h += "<a href=\"progress/\(e(published.folder))/report.json.sshsig\">report.json.sshsig</a></p>\n"
      let changed = period.commitments.filter {
        !$0.changes.isEmpty || !$0.overdue.isEmpty || $0.progress != $0.progressBefore
      }
      if changed.isEmpty {
        h += "<p>\(e(w["progressNoChange"]))</p>\n"
      } else {
        h += "<ul>\n"
        for c in changed {
          let line = w.format(
            "progressChange", c.commitment, percent(c.progressBefore), percent(c.progress), String(c.changes.count),
            String(c.overdue.count))
          h +=
            "<li><a href=\"\(e(SitePage.file(SitePage.commitmentBase(c.commitment), language)))\">\(e(line))</a></li>\n"
        }
        h += "</ul>\n"
      }
      h += "</section>\n"
    }
    return h
  }
}
