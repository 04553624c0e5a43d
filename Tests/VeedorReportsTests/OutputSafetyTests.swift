import Foundation
import Testing
import VeedorDataset
import VeedorPlan
import VeedorReports
import VeedorTestSupport

@testable import VeedorPublish

/// Nothing escapes: links, file names, spreadsheet cells and output folders.
@Suite("Output safety: links, names, cells, folders")
struct OutputSafetyTests {
  @Test("only http(s) addresses become links: a javascript: plan URL is shown as text, on the site and in the report")
  func linkPolicy() throws {
    let root = TestSupport.temporaryFolder("links")
    var plan = try PlanImporter.load(
      TestSupport.packageRoot.appendingPathComponent("scripts/example/penalolen-plan.json"))
    plan.commitments[0].url = "javascript:alert(document.domain)"
    plan.commitments[1].url = "data:text/html,<b>x</b>"
    let planFile = root.appendingPathComponent("plan.json")
    try JSONEncoder().encode(plan).write(to: planFile)
    let ws = root.appendingPathComponent("ws").path
    try ReportFixture.run(["init", ws, "--plan", planFile.path, "--rubric", "ogp-local-2021"])
    let key = root.appendingPathComponent("k/monitor.key").path
    try ReportFixture.run(["key", "generate", "--key", key, "--name", "Link Monitor", "--unencrypted"])
    try ReportFixture.run(["report", "export", "-w", ws, "--key", key, "--out", ws + "/report", "--lang", "all"])
    try ReportFixture.run(["key", "export", "--key", key, "--out", ws + "/public", "-w", ws])
    let site = root.appendingPathComponent("site")
    try ReportFixture.run(["publish", "-w", ws, "--out", site.path])
    let pages =
      try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasSuffix(".html") }
      .map { site.appendingPathComponent($0) }
      + ["report.en.html", "report.es.html"].map { URL(fileURLWithPath: ws + "/report/\($0)") }
    for page in pages {
      let html = try String(contentsOf: page, encoding: .utf8).lowercased()
      #expect(!html.contains("href=\"javascript:") && !html.contains("href=\"data:"), "\(page.lastPathComponent)")
    }
    let first = try String(contentsOf: site.appendingPathComponent("commitment-CLPLN0001.html"), encoding: .utf8)
    #expect(first.contains("javascript:alert(document.domain)"), "the address is still shown, as text")
  }

  @Test("control characters from data never reach a page raw")
  func pageControls() {
    let escaped = HTMLReport.escape("title\u{1B}]0;pwned\u{7}\u{1B}[2K\u{9B}31m\u{7F} end\nnext\tcol")
    #expect(!escaped.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
    #expect(!escaped.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) })
    #expect(escaped.contains("title\u{FFFD}]0;pwned") && escaped.contains("end\nnext\tcol"))
  }

  @Test("site file names from ids are injective: CLPLN.1 and CLPLN_1 get two pages, and names decode back")
  func injectiveNames() {
    #expect(SitePage.commitmentBase("CLPLN.1") != SitePage.commitmentBase("CLPLN_1"))
    #expect(SitePage.commitmentBase("CLPLN0001") == "commitment-CLPLN0001")
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("AZaz09._-/ñ%")
    var seen: [String: String] = [:]
    for _ in 0..<5000 {
      let id = String((0..<Int.random(in: 1...6, using: &generator)).map { _ in alphabet.randomElement()! })
      let name = SitePage.commitmentBase(id)
      #expect(name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
      if let other = seen[name] { #expect(other == id, "\(other) and \(id) share \(name)") }
      seen[name] = id
    }
  }

  @Test("CSV for spreadsheets neutralises formula cells, keeps numbers, and reads back exactly")
  func formulaCells() throws {
    var dataset = Dataset()
    let hostile = [
      "=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "'=quoted", "'plain",
      "-5", "+2.5", "- a bullet", "ordinary",
    ]
    for (i, cell) in hostile.enumerated() {
      dataset.add(["Commitment Unique Identifier": "X\(i)", "Lead Institution": cell])
    }
    let csv = dataset.csv()
    let parsed = try CSV.parse(Data(csv.utf8), file: "c")
    let column = try #require(parsed.first?.fields.firstIndex(of: "Lead Institution"))
    for row in parsed.dropFirst() {
      let cell = row.fields[column]
      let dangerous = cell.first.map { "=+-@\t\r".contains($0) } ?? false
      #expect(!dangerous || ["-5", "+2.5"].contains(cell), "\(cell) would run as a formula")
    }
    #expect(try Dataset.parse(csv: Data(csv.utf8), file: "c").rows == dataset.rows)
  }

  @Test("publish refuses a non-empty folder it did not make, unless --force, and then keeps the other files")
  func publishMarker() throws {
    let f = try ReportFixture()
    let site = TestSupport.temporaryFolder("home")
    try Data("someone's homepage".utf8).write(to: site.appendingPathComponent("index.html"))
    try Data("keep".utf8).write(to: site.appendingPathComponent("notes.txt"))
    let args = ["publish", "-w", f.ws, "--out", site.path, "--report", f.out.path, "--keys", f.keys.path]
    let refused = try ReportFixture.run(args, status: 2)
    #expect(refused.stderr.contains("was not made by 'veedor publish'"))
    #expect(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8) == "someone's homepage")
    try ReportFixture.run(args + ["--force"])
    #expect(try String(contentsOf: site.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep")
    #expect(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8).contains("<html"))
    // A site made by publish is replaced without --force.
    try ReportFixture.run(args)
  }

  @Test("symlinks planted in every output folder are never written through")
  func plantedSymlinks() throws {
    let f = try ReportFixture()
    let outside = TestSupport.temporaryFolder("outside")
    try Data("untouched".utf8).write(to: outside.appendingPathComponent("report.json"))
    func plant(_ folder: URL, _ names: [String]) throws {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      for name in names {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent(name), withDestinationURL: outside)
      }
    }
    let site = TestSupport.temporaryFolder("site")
    try ReportFixture.run(["publish", "-w", f.ws, "--out", site.path, "--report", f.out.path, "--keys", f.keys.path])
    try plant(site, ["data", "evidence"])
    try ReportFixture.run(["publish", "-w", f.ws, "--out", site.path, "--report", f.out.path, "--keys", f.keys.path])
    let report = TestSupport.temporaryFolder("report")
    try plant(report, ["keys"])
    try ReportFixture.run(["report", "export", "-w", f.ws, "--key", f.key, "--out", report.path])
    let keys = TestSupport.temporaryFolder("keys")
    try plant(keys, ["sub"])
    try FileManager.default.createSymbolicLink(
      at: keys.appendingPathComponent("monitor.pub"), withDestinationURL: outside.appendingPathComponent("report.json"))
    try ReportFixture.run(["key", "export", "--key", f.key, "--out", keys.path])
    let linkedOut = TestSupport.temporaryFolder("parent").appendingPathComponent("dataset")
    try FileManager.default.createSymbolicLink(at: linkedOut, withDestinationURL: outside)
    let trust = TestSupport.temporaryFolder().appendingPathComponent("trust")
    try ReportFixture.run([
      "trust", "add", "--member", "CLPLN", f.keys.appendingPathComponent("monitor.pub").path, "--trust", trust.path,
    ])
    try ReportFixture.run(["import", f.out.path, "--trust", trust.path, "--out", linkedOut.path])
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path) == ["report.json"])
    #expect(try String(contentsOf: outside.appendingPathComponent("report.json"), encoding: .utf8) == "untouched")
    #expect(FileManager.default.fileExists(atPath: linkedOut.appendingPathComponent("commitments.csv").path))
  }
}
