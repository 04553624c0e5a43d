import Foundation
import Testing
import VeedorLedger
import VeedorPlan
import VeedorRecords
import VeedorReports
import VeedorTestSupport

/// What readers see of the cycle: the report's milestones, the site, and `status` in Spanish (part of
/// the cycle's suite).
extension CycleTests {
  @Test("the report carries the milestones on its day, and the site shows a bar, the milestone table and dated updates")
  func site() throws {
    let f = try Fixture()
    #expect(
      try f.veedor([
        "milestone", "update", "CLPLN0001.M1", "--status", "substantial", "--progress", "70", "--note", "Piloto",
      ]).status == 0)
    // A hostile note: markup, a control character and U+FFFF (which XML 1.0 does not allow).
    #expect(
      try f.veedor([
        "milestone", "update", "CLPLN0001.M2", "--status", "complete", "--met", "2022-12-10", "--note",
        "Cierre <b>&</b> \u{1}\u{FFFF}",
      ]).status == 0)
    let key = f.root.appendingPathComponent("k/monitor.key").path
    #expect(
      try f.veedor(["key", "generate", "--key", key, "--name", "T", "--unencrypted"], workspace: false).status == 0)
    let out = f.root.appendingPathComponent("report")
    let keys = f.root.appendingPathComponent("public")
    #expect(try f.veedor(["report", "export", "--key", key, "--out", out.path]).status == 0)
    #expect(try f.veedor(["key", "export", "--key", key, "--out", keys.path]).status == 0)
    let json = try String(contentsOf: out.appendingPathComponent("report.json"), encoding: .utf8)
    #expect(json.contains("\"cycle\":{\"checkins\":[],\"commitments\":"))
    let site = f.root.appendingPathComponent("site")
    #expect(try f.veedor(["publish", "--out", site.path, "--report", out.path, "--keys", keys.path]).status == 0)
    let page = try String(contentsOf: site.appendingPathComponent("commitment-CLPLN0001.html"), encoding: .utf8)
    #expect(
      page.contains("<progress value=\"60.0\" max=\"100\" aria-label=\"Avance según sus hitos\">60.0%</progress>"))
    #expect(page.contains("sustancial <strong class=\"overdue\">(atrasado)</strong>"))
    // The plan gives the milestones' titles in English only: marked so on the Spanish page (WCAG 3.1.2).
    #expect(page.contains("CLPLN0001.M1<br><span lang=\"en\">Unified request system</span></th>"), "\(page)")
    let pageEN = try String(contentsOf: site.appendingPathComponent("commitment-CLPLN0001.en.html"), encoding: .utf8)
    #expect(pageEN.contains("CLPLN0001.M1<br>Unified request system</th>"))
    #expect(page.contains("<time datetime=\"2024-01-01\">2024-01-01</time>: CLPLN0001.M1 sustancial, 70% — Piloto"))
    // The feeds parse as Atom: a feed with id, title, updated, and entries that each have them too.
    for name in ["feed.atom", "feed.en.atom", "commitment-CLPLN0001.atom"] {
      let atom = try AtomShape(Data(contentsOf: site.appendingPathComponent(name)))
      #expect(atom.root == "feed" && atom.feedFields.isSuperset(of: ["id", "title", "updated"]), "\(name)")
      #expect(!atom.entries.isEmpty && atom.entries.allSatisfy { $0.isSuperset(of: ["id", "title", "updated"]) })
    }
    #expect(page.contains("Cierre &lt;b&gt;&amp;&lt;/b&gt;") && !page.contains("<b>&"))
    let feed = try String(contentsOf: site.appendingPathComponent("commitment-CLPLN0001.atom"), encoding: .utf8)
    #expect(feed.contains("<title>CLPLN0001.M1: sustancial, 70%</title>") && feed.contains("xml:lang=\"es\""))
    #expect(page.contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"commitment-CLPLN0001.atom\">"))
    // Every page says the report is partial, and who signed it, what was checked and where to check it.
    #expect(page.contains("<p class=\"partial\" role=\"note\">Informe parcial: 0 de 121 puntajes registrados"))
    #expect(page.contains("Quién firmó esto: T (clave SHA256:") && page.contains("<a href=\"verify.html\">"))
    let english = try String(contentsOf: site.appendingPathComponent("commitment-CLPLN0001.en.html"), encoding: .utf8)
    #expect(
      english.contains("substantial <strong class=\"overdue\">(overdue)</strong>") && !english.contains("sustancial"))
  }

  @Test("status speaks Spanish with --lang es or a Spanish locale; its JSON keeps English keys")
  func spanishStatus() throws {
    let f = try Fixture()
    #expect(
      try f.veedor(["milestone", "update", "CLPLN0001.M1", "--status", "limited", "--progress", "10"]).status == 0)
    let english = try f.veedor(["status"]).stdout
    #expect(english.contains("\nAggregates\n") && english.contains("  missing: verifiable"))
    for spanish in [
      try f.veedor(["status", "--lang", "es"]),
      try f.veedor(["status"], environment: ["LC_ALL": "", "LANG": "es_CL.UTF-8"]),
    ] {
      let text = spanish.stdout
      #expect(
        text.contains("\nAgregados\n") && text.contains("  falta: Verificable, Relevante para los valores de OGP"),
        "\(text.prefix(600))")
      #expect(text.contains("entradas en el registro") && text.contains("Hitos (avance calculado"))
      for english in ["Aggregates", "missing:", "ledger entries", "Still missing", "Milestones (", "complete;"] {
        #expect(!text.contains(english), "\(english)")
      }
    }
    // The lists speak it too.
    #expect(
      try f.veedor(["milestone", "list", "--lang", "es"]).stdout.contains(
        "CLPLN0001  avance 5.0%, 2 atrasados\n  CLPLN0001.M1  limitado 10% plazo 2023-06 · Digital Commune  ATRASADO"))
    #expect(
      try f.veedor([
        "checkin", "add", "--date", "2023-12-01", "--unit", "U", "--reported", "r", "--follow-up", "x",
        "--follow-up-due", "2023-12-15",
      ]).status == 0)
    #expect(
      try f.veedor(["checkin", "list", "--lang", "es"]).stdout.contains("    seguimiento: x (para el 2023-12-15)"))
    let log = try f.veedor(["log", "--lang", "es"]).stdout
    #expect(
      log.contains("actualización de hito U1: CLPLN0001.M1 limitado 10% el 2024-01-01")
        && log.contains("plan importado"))
    #expect(try f.veedor(["log"]).stdout.contains("milestone update U1: CLPLN0001.M1 limited 10% on 2024-01-01"))
    // Data is put in once: a URL's %20 is not read as a placeholder.
    #expect(
      ReportWords(language: .en).format("log.evidence", "E1", "C1", "T", "https://x.org/a%20b%1")
        == "evidence E1 for C1: T (https://x.org/a%20b%1)")
    let json = try f.veedor(["status", "--json"], environment: ["LANG": "es_CL.UTF-8", "LC_ALL": ""]).stdout
    #expect(json.contains("\"aggregates\"") && json.contains("\"milestones\""))
  }
}
