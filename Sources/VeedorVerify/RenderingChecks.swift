import Foundation
import VeedorLedger
import VeedorReports
import VeedorRubric

/// The human-readable files beside `report.json` (`report.en.md`, `report.es.html`, …) are not signed;
/// they must be exactly what the verified report renders, so a reader who opens them sees what was proved.
enum RenderingChecks {
  /// Compares every rendering present with what the report renders.
  static func run(_ reportURL: URL, _ report: Report, _ result: inout ReportVerification) {
    let name = "renderings"
    let folder = reportURL.deletingLastPathComponent()
    var checked: [String] = []
    for language in Language.allCases {
      for (ext, render) in [("md", MarkdownReport.render), ("html", HTMLReport.render)] {
        let file = "report.\(language.rawValue).\(ext)"
        let url = folder.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { continue }
        guard let bytes = try? BoundedRead.contents(of: url, limit: 256 << 20),
          bytes == Data(render(report, language).utf8)
        else {
          return result.fail(name, "\(file) is not what the verified report renders (edited after export?)")
        }
        checked.append(file)
      }
    }
    guard !checked.isEmpty else { return result.skip(name, "no report.LANG.md or .html beside the report") }
    result.pass(name, "\(checked.joined(separator: ", ")): exactly what the verified report renders")
  }
}
