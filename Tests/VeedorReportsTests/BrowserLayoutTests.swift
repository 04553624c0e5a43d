import Foundation
import Testing
import VeedorReports
import VeedorTestSupport

@testable import VeedorPublish

/// Every page a reader sees — the site, the forms, the progress report — laid out by headless
/// Chromium: nothing wider than a 360 px or 1280 px page (a scroll region may hold a wide table, but
/// must itself fit), the right `lang`, and on Spanish pages no English phrase from the word tables in
/// the labels; and the WCAG 2.2 AA checks of `AccessibilityProbe`. Screenshots of each page at both widths are kept under `.build/artefacts/pages/`.
@Suite("Pages at 360 px and 1280 px in headless Chromium")
struct BrowserLayoutTests {
  /// Measures the page laid out `width` px wide: the elements sticking out, the page's `lang`, and the
  /// text of its labels (headings, terms, captions, column headers, navigation).
  static let probe = """
    <style>html{width:%WIDTH%px !important}</style>
    <script>
    const limit = %WIDTH% + 1;
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      // Inside a scroll region (overflow-x auto or scroll) an element may be wider: the region must fit.
      let inRegion = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(a).overflowX)) { inRegion = true; break; }
      }
      if (inRegion) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.right > limit || r.left < -1)) out.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''));
    }
    const labels = [...document.querySelectorAll('h1,h2,dt,caption,nav,th[scope=col],figcaption,p.partial')].map(e => e.textContent).join(' | ');
    %A11Y%
    document.body.setAttribute('data-probe', JSON.stringify({wide: out.slice(0, 5), lang: document.documentElement.lang, labels, a11y: a11y.slice(0, 12)}));
    </script>
    """

  struct Probe: Decodable {
    var wide: [String]
    var lang: String
    var labels: String
    var a11y: [String]
  }

  /// Lays a copy of `page` (written beside it, so relative links and the stylesheet resolve) out
  /// `width` px wide with the probe added; nil when the probe did not run.
  static func measure(_ page: URL, html: String, width: Int, browser: URL) throws -> Probe? {
    let copy = page.deletingLastPathComponent().appendingPathComponent("probe-\(width)-\(page.lastPathComponent)")
    let probe = Self.probe.replacingOccurrences(of: "%WIDTH%", with: String(width))
      .replacingOccurrences(of: "%A11Y%", with: AccessibilityProbe.script)
    try Data(html.replacingOccurrences(of: "</body>", with: probe + "</body>").utf8).write(to: copy)
    let dom = try TestSupport.run(
      browser,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(TestSupport.temporaryFolder().path)",
        "--allow-file-access-from-files", "--window-size=\(max(width, 500)),900", "--dump-dom", copy.absoluteString,
      ]
    ).stdout
    try FileManager.default.removeItem(at: copy)
    guard let start = dom.range(of: "data-probe=\""), let end = dom[start.upperBound...].firstIndex(of: "\"") else {
      return nil
    }
    let json = String(dom[start.upperBound..<end]).replacingOccurrences(of: "&quot;", with: "\"")
      .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
      .replacingOccurrences(of: "&gt;", with: ">")
    return try JSONDecoder().decode(Probe.self, from: Data(json.utf8))
  }

  @Test("no element wider than the page, the right lang, and no English labels on Spanish pages; screenshots kept")
  func layout() throws {
    guard let browser = BrowserTests().chromium() else { return }
    let root = TestSupport.temporaryFolder("layout")
    let demo = root.appendingPathComponent("demo")
    #expect(try TestSupport.veedor(["demo", demo.path]).status == 0)
    var pages: [URL] = []
    for folder in ["site", "form-inception", "form-end-of-commitment-CLPLN0001", "progress-2023-Q3", "report"] {
      let dir = demo.appendingPathComponent(folder)
      for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".html") {
        pages.append(dir.appendingPathComponent(name))
      }
    }
    #expect(pages.count > 30, "\(pages.count) pages")
    let english = (ReportWords.phrases + SiteWords.phrases).map(\.en).filter { phrase in
      phrase.count >= 8 && phrase.contains(" ") && !phrase.contains("%")
        && !(ReportWords.phrases + SiteWords.phrases).contains { $0.es == phrase }
    }
    let shots = TestSupport.packageRoot.appendingPathComponent(".build/artefacts/pages")
    try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
    for page in pages {
      let html = try String(contentsOf: page, encoding: .utf8)
      let spanish = !page.lastPathComponent.contains(".en.")
      for width in [360, 1280] {
        let name = "\(page.deletingLastPathComponent().lastPathComponent)/\(page.lastPathComponent) at \(width) px"
        guard let result = try Self.measure(page, html: html, width: width, browser: browser) else {
          Issue.record("\(name): the probe did not run")
          continue
        }
        #expect(result.wide.isEmpty, "\(name): wider than the page: \(result.wide)")
        #expect(result.lang == (spanish ? "es" : "en"), "\(name): lang \(result.lang)")
        #expect(result.a11y.isEmpty, "\(name): WCAG 2.2 AA: \(result.a11y)")
        if spanish {
          let found = english.filter { result.labels.contains($0) }
          #expect(found.isEmpty, "\(name): English labels \(found)")
        }
      }
      // Screenshots of the pages a reader meets first, in both languages, for a person to look at.
      let kept = ["index", "commitment-CLPLN0001", "form", "progress", "verify", "reply"]
      guard kept.contains(where: { page.deletingPathExtension().lastPathComponent.hasPrefix($0) }) else { continue }
      let shot = shots.appendingPathComponent(
        "\(page.deletingLastPathComponent().lastPathComponent)-\(page.deletingPathExtension().lastPathComponent)")
      for width in [360, 1280] {
        try TestSupport.run(
          browser,
          [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(TestSupport.temporaryFolder().path)",
            "--hide-scrollbars", "--window-size=\(width),1600", "--screenshot=\(shot.path)-\(width).png",
            page.absoluteString,
          ])
      }
    }
  }
}
