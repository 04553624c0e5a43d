import Foundation
import Testing
import VeedorTestSupport

/// A published site of a plan whose commitment titles are hostile HTML.
struct HostileSite {
  let site: URL

  init() throws {
    let root = TestSupport.temporaryFolder()
    let plan = root.appendingPathComponent("plan.json")
    let json = """
      {"format":"veedor-plan/1","id":"AP_XSS01","member":"Test <b>member</b>","memberCode":"XSS","leadInstitutions":[],
       "commitments":[
        {"id":"XSS0001","title":{"en":"<script>alert(1)</script>","es":"<script>alert(1)</script>"},"supportingInstitutions":[],"milestones":[]},
        {"id":"XSS0002","title":{"en":"\\"><img src=x onerror=alert(2)>","es":"\\"><img src=x onerror=alert(2)>"},"supportingInstitutions":[],"milestones":[]}]}
      """
    try Data(json.utf8).write(to: plan)
    let ws = root.appendingPathComponent("ws").path
    try ReportFixture.run(["init", ws, "--plan", plan.path, "--rubric", "irm-2021"])
    try ReportFixture.run([
      "evidence", "add", "XSS0001", "--url", "https://example.org/\"><script>alert(3)</script>", "--title", "<i>t</i>",
      "-w", ws,
    ])
    try ReportFixture.run([
      "score", "XSS0001", "completion", "substantial", "--rationale", "<script>alert(4)</script>", "--evidence", "E1",
      "-w", ws,
    ])
    let key = root.appendingPathComponent("k/monitor.key").path
    try ReportFixture.run(["key", "generate", "--key", key, "--name", "M", "--unencrypted"])
    try ReportFixture.run(["report", "export", "-w", ws, "--key", key])
    try ReportFixture.run(["key", "export", "--key", key, "--out", ws + "/public", "-w", ws])
    site = root.appendingPathComponent("site")
    try ReportFixture.run(["publish", "-w", ws, "--out", site.path])
  }
}

@Suite("The published site")
struct SiteTests {
  /// Every href and src in a page.
  func links(_ html: String) -> [String] {
    let pattern = try! NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
    return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap {
      Range($0.range(at: 1), in: html).map { String(html[$0]).replacingOccurrences(of: "&amp;", with: "&") }
    }
  }

  @Test("--force into a folder the publisher did not make keeps its other files, a progress/ folder included")
  func forceKeepsOthers() throws {
    let f = try ReportFixture()
    try ReportFixture.run(["key", "export", "--key", f.key, "--out", f.ws + "/public", "-w", f.ws])
    let site = TestSupport.temporaryFolder().appendingPathComponent("site")
    try FileManager.default.createDirectory(
      at: site.appendingPathComponent("progress"), withIntermediateDirectories: true)
    try Data("pdf".utf8).write(to: site.appendingPathComponent("progress/2023.pdf"))
    try Data("mine".utf8).write(to: site.appendingPathComponent("progress.html"))
    try ReportFixture.run(["publish", "-w", f.ws, "--out", site.path, "--report", f.out.path, "--force"])
    #expect(try String(contentsOf: site.appendingPathComponent("progress/2023.pdf"), encoding: .utf8) == "pdf")
    #expect(try String(contentsOf: site.appendingPathComponent("progress.html"), encoding: .utf8) == "mine")
    #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path))
  }

  @Test("both languages, correct lang attributes, and every link resolves inside the site or is absolute")
  func linksResolve() throws {
    let f = try ReportFixture()
    try ReportFixture.run(["key", "export", "--key", f.key, "--out", f.ws + "/public", "-w", f.ws])
    let site = TestSupport.temporaryFolder().appendingPathComponent("site")
    try ReportFixture.run(["publish", "-w", f.ws, "--out", site.path, "--report", f.out.path])
    let pages = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasSuffix(".html") }
    #expect(
      pages.contains("index.html") && pages.contains("index.en.html") && pages.contains("commitment-CLPLN0002.html"))
    for page in pages {
      let html = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8)
      #expect(html.contains("<html lang=\"\(page.hasSuffix(".en.html") ? "en" : "es")\">"), "\(page)")
      for link in links(html) {
        if link.hasPrefix("https://") || link.hasPrefix("http://") { continue }
        #expect(
          FileManager.default.fileExists(atPath: site.appendingPathComponent(link).path),
          "\(page) links to missing \(link)")
      }
    }
    let page = try String(contentsOf: site.appendingPathComponent("commitment-CLPLN0002.html"), encoding: .utf8)
    #expect(page.contains("Sustancial") && page.contains("evidence/") && page.contains("corrige \(f.limitedScore)"))
  }

  @Test("a report that does not verify is never published")
  func refusesTampered() throws {
    let f = try ReportFixture()
    try ReportFixture.run(["key", "export", "--key", f.key, "--out", f.ws + "/public", "-w", f.ws])
    let copy = try f.copy()
    let url = copy.appendingPathComponent("report.json")
    var bytes = try Data(contentsOf: url)
    bytes[try #require(bytes.range(of: Data("greener".utf8))).lowerBound] ^= 0x01
    try bytes.write(to: url)
    let site = TestSupport.temporaryFolder().appendingPathComponent("site")
    let result = try ReportFixture.run(["publish", "-w", f.ws, "--out", site.path, "--report", copy.path], status: 1)
    #expect(result.stderr.contains("refusing to publish"))
    #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path))
  }

  @Test("hostile titles are escaped in the HTML")
  func escaped() throws {
    let site = try HostileSite().site
    for page in ["index.html", "commitment-XSS0001.html", "commitment-XSS0002.en.html"] {
      let html = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8)
      #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("<i>"), "\(page)")
    }
  }
}

@Suite("The site in a real browser (headless Chromium)")
struct BrowserTests {
  func chromium() -> URL? {
    for name in ["chromium", "chromium-browser", "google-chrome"] { if let url = TestSupport.tool(name) { return url } }
    if TestSupport.toolsRequired { Issue.record("chromium is required (VEEDOR_REQUIRE_TOOLS=1) but not installed") }
    print("SKIPPED: chromium is not installed")
    return nil
  }

  func dom(_ browser: URL, _ page: URL) throws -> String {
    let profile = TestSupport.temporaryFolder()
    return try TestSupport.run(
      browser,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)", "--dump-dom",
        page.absoluteString,
      ]
    ).stdout
  }

  @Test("the rendered index and a commitment page show scores and Spanish labels; a screenshot is kept")
  func rendered() throws {
    guard let browser = chromium() else { return }
    let f = try ReportFixture()
    try ReportFixture.run(["key", "export", "--key", f.key, "--out", f.ws + "/public", "-w", f.ws])
    let site = TestSupport.temporaryFolder().appendingPathComponent("site")
    try ReportFixture.run(["publish", "-w", f.ws, "--out", site.path, "--report", f.out.path])
    let index = try dom(browser, site.appendingPathComponent("index.html"))
    #expect(index.contains("lang=\"es\"") && index.contains("Puntajes por compromiso y escala"))
    #expect(
      index.contains("Sustancial") && index.contains("Acceso a la información") && index.contains("% verificables"))
    let page = try dom(browser, site.appendingPathComponent("commitment-CLPLN0002.html"))
    #expect(page.contains("Se realizó la mayoría de las actividades prometidas, pero no todas."))
    #expect(page.contains("Fundamento") && page.contains("corrige \(f.limitedScore)"))
    let english = try dom(browser, site.appendingPathComponent("commitment-CLPLN0002.en.html"))
    #expect(
      english.contains("lang=\"en\"") && english.contains("Most of the promised activities were done, but not all."))
    let artefacts = TestSupport.packageRoot.appendingPathComponent(".build/artefacts")
    try FileManager.default.createDirectory(at: artefacts, withIntermediateDirectories: true)
    let shot = artefacts.appendingPathComponent("site-index.png")
    try TestSupport.run(
      browser,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(TestSupport.temporaryFolder().path)",
        "--window-size=1200,1600", "--screenshot=\(shot.path)",
        site.appendingPathComponent("index.html").absoluteString,
      ])
    #expect(((try? FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0) > 10_000)
  }

  @Test("hostile titles render as inert text")
  func inert() throws {
    guard let browser = chromium() else { return }
    let site = try HostileSite().site
    for page in ["index.html", "commitment-XSS0001.html", "commitment-XSS0002.html"] {
      let rendered = try dom(browser, site.appendingPathComponent(page))
      #expect(!rendered.contains("<script") && !rendered.contains("<img"), "\(page)")
    }
    let index = try dom(browser, site.appendingPathComponent("index.html"))
    #expect(index.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(index.contains("\"&gt;&lt;img src=x onerror=alert(2)&gt;"))
  }
}
