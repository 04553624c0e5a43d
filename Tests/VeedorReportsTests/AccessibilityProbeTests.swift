import Foundation
import Testing
import VeedorTestSupport

/// The WCAG probe finds what it looks for: a hand-made page breaking each rule once is reported rule
/// by rule, and the same page put right passes, so a page passing `BrowserLayoutTests` means something.
@Suite("The accessibility probe catches each rule it checks")
struct AccessibilityProbeTests {
  /// A page with one fault per rule; `fixed` puts every fault right.
  static func page(fixed: Bool) -> String {
    let style =
      fixed
      ? "p.faint{color:#595959}a:focus,.wide:focus{outline:3px solid #111}.wide{overflow-x:auto}"
      : "p.faint{color:#aaa}a:focus{outline:1px dotted #eee}.wide{overflow-x:auto}"
    let region = fixed ? "<div class=\"wide\" tabindex=\"0\" aria-label=\"Wide\">" : "<div class=\"wide\">"
    return """
      <!doctype html><html\(fixed ? " lang=\"es\"" : "")><head><meta charset="utf-8"><style>\(style)</style></head>
      <body><h1>Título</h1>\(fixed ? "<h2>Parte</h2>" : "")<h3>Detalle</h3>
      <p class="faint">Texto tenue</p><p><a href="#x">enlace</a> <a href="#y">\(fixed ? "otro" : "")</a></p>
      \(region)<table><tr><th\(fixed ? " scope=\"col\"" : "")>Columna</th></tr><tr><td style="white-space:nowrap">\(String(repeating: "ancho ", count: 200))</td></tr></table></div>
      <img src="x.png"\(fixed ? " alt=\"\"" : "")><svg width="10" height="10"\(fixed ? " aria-hidden=\"true\"" : "")></svg>
      <p><progress value="40" max="100"\(fixed ? " aria-label=\"Avance\"" : "")>40%</progress> 40%</p>
      </body></html>
      """
  }

  @Test("each rule broken once is reported; the page put right passes")
  func probeFindsFaults() throws {
    guard let browser = BrowserTests().chromium() else { return }
    let folder = TestSupport.temporaryFolder("a11y")
    let page = folder.appendingPathComponent("page.html")
    try Data().write(to: page)
    let bad = try #require(
      try BrowserLayoutTests.measure(page, html: Self.page(fixed: false), width: 360, browser: browser))
    let expected = [
      "1.4.3 contrast", "2.4.7 focus not visible", "2.1.1 a region that scrolls sideways cannot be focused",
      "1.3.1 heading level skipped", "1.3.1 th without scope", "1.1.1 img without alt", "1.1.1 svg without",
      "2.4.4 link without text", "4.1.2 progress bar without a name",
    ]
    let all = try #require(
      try BrowserLayoutTests.measure(page, html: Self.page(fixed: false), width: 1280, browser: browser))
    let found = Set(bad.a11y + all.a11y)
    for rule in expected {
      #expect(found.contains { $0.hasPrefix(rule) }, "not reported: \(rule) in \(found.sorted())")
    }
    #expect(bad.lang.isEmpty)
    let good = try #require(
      try BrowserLayoutTests.measure(page, html: Self.page(fixed: true), width: 360, browser: browser))
    #expect(good.a11y.isEmpty, "\(good.a11y)")
    #expect(good.lang == "es")
  }
}
