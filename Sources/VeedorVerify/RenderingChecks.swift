import Foundation
import VeedorLedger
import VeedorReports
import VeedorRubric

/// The human-readable files beside `report.json` (`report.en.md`, `report.es.html`, a form's `form.es.html`, …) are not signed;
/// they must be exactly what the verified report renders, so a reader who opens them sees what was proved.
enum RenderingChecks {
  /// Compares every rendering present with what the report renders.
  static func run(_ reportURL: URL, _ report: Report, _ result: inout ReportVerification) {
    let name = StepName.renderings
    let folder = reportURL.deletingLastPathComponent()
    var checked: [String] = []
    var other: [String] = []
    // A form's or progress report's pages beside a report that is not one would show what was not signed.
    let pages: [(String, String, (Report, Language) -> String)] =
      [("report", "md", MarkdownReport.render), ("report", "html", HTMLReport.render)]
      + (report.form == nil ? [] : [("form", "md", FormPages.markdown), ("form", "html", FormPages.html)])
      + (report.progress == nil
        ? [] : [("progress", "md", ProgressLayout.markdown), ("progress", "html", ProgressLayout.html)])
    for language in Language.allCases {
      let absent = [
        ("form", report.form == nil, "an assessment form", "un formulario de evaluación"),
        ("progress", report.progress == nil, "a progress report", "un informe de avance"),
      ]
      for (base, missing, what, whatES) in absent where missing {
        for ext in ["md", "html"]
        where FileManager.default.fileExists(
          atPath: folder.appendingPathComponent("\(base).\(language.rawValue).\(ext)").path)
        {
          let file = "\(base).\(language.rawValue).\(ext)"
          return result.fail(
            name, "\(file) lies beside a report that is not \(what)",
            es: "\(file) está junto a un informe que no es \(whatES)")
        }
      }
      for (base, ext, render) in pages {
        let file = "\(base).\(language.rawValue).\(ext)"
        let url = folder.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { continue }
        guard let bytes = try? BoundedRead.contents(of: url, limit: 256 << 20) else {
          return result.fail(name, "cannot read \(file)", es: "no se puede leer \(file)")
        }
        // Made with other templates (another version of Veedor): not comparable, and said so.
        guard bytes.range(of: Data(MarkdownReport.renderer.utf8)) != nil else {
          other.append(file)
          continue
        }
        guard bytes == Data(render(report, language).utf8) else {
          return result.fail(
            name, "\(file) is not what the verified report renders (edited after export?)",
            es: "\(file) no es lo que genera el informe verificado (¿se editó después de exportarlo?)")
        }
        checked.append(file)
      }
    }
    let list = other.joined(separator: ", ")
    let others =
      other.isEmpty ? "" : "; not compared, made with other templates than \(MarkdownReport.renderer): \(list)"
    let othersES =
      other.isEmpty ? "" : "; no se compararon, hechos con otras plantillas que \(MarkdownReport.renderer): \(list)"
    guard !checked.isEmpty else {
      return result.skip(
        name, other.isEmpty ? "no report.LANG.md or .html beside the report" : String(others.dropFirst(2)),
        es: other.isEmpty ? "no hay report.LANG.md ni .html junto al informe" : String(othersES.dropFirst(2)))
    }
    result.pass(
      name, "\(checked.joined(separator: ", ")): exactly what the verified report renders\(others)",
      es: "\(checked.joined(separator: ", ")): exactamente lo que genera el informe verificado\(othersES)")
  }
}
