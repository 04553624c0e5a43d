import Foundation
import Testing
import VeedorLedger
import VeedorPlan
import VeedorRecords
import VeedorReports
import VeedorTestSupport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Milestones over time and check-ins: the status vocabulary and roll-up, overdue on fixed dates,
/// the spreadsheet round trip, and bad rows that leave the ledger as it was.
@Suite("Monitoring cycle: milestones and check-ins")
struct CycleTests {
  /// A workspace on the example plan with three milestones on CLPLN0001, at 2024-01-01 (epoch 1704067200).
  struct Fixture {
    let root = TestSupport.temporaryFolder("cycle")
    let ws: String

    init() throws {
      let url = TestSupport.packageRoot.appendingPathComponent("scripts/example/penalolen-plan.json")
      var plan = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
      var commitments = plan["commitments"] as! [[String: Any]]
      commitments[0]["milestones"] = [
        ["title": ["en": "Unified request system"], "due": "2023-06", "responsible": "Digital Commune", "weight": 2],
        ["title": ["en": "External diagnostic"], "due": "2022-12-15", "responsible": "Municipal Secretary"],
        ["title": ["en": "Staff training"], "due": "2024-06"],
      ]
      plan["commitments"] = commitments
      let file = root.appendingPathComponent("plan.json")
      try JSONSerialization.data(withJSONObject: plan).write(to: file)
      ws = root.appendingPathComponent("ws").path
      #expect(
        try veedor(["init", ws, "--plan", file.path, "--rubric", "ogp-local-2021"], workspace: false).status == 0)
    }

    func veedor(
      _ args: [String], workspace: Bool = true, at epoch: Int = 1_704_067_200, environment: [String: String] = [:]
    ) throws -> TestSupport.Result {
      try TestSupport.veedor(
        args + (workspace ? ["-w", ws] : []),
        environment: ["SOURCE_DATE_EPOCH": String(epoch)].merging(environment) { $1 })
    }

    var ledger: URL { URL(fileURLWithPath: ws).appendingPathComponent("ledger.jsonl") }

    func board() throws -> [[String: Any]] {
      let json = try veedor(["milestone", "list", "CLPLN0001", "--json"]).stdout
      return try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [[String: Any]]
    }
  }

  @Test("updates roll up by weight; complete is 100, not started 0; withdrawn and dropped ones do not count")
  func rollUp() throws {
    let f = try Fixture()
    #expect(
      try f.veedor(["milestone", "update", "CLPLN0001.M1", "--status", "substantial", "--progress", "70"]).status == 0)
    #expect(
      try f.veedor(["milestone", "update", "clpln0001.m2", "--status", "completo", "--met", "2022-12-10"]).status == 0)
    var c = try #require(try f.board().first)
    // (2 × 70 + 1 × 100 + 1 × 0) / 4
    #expect(c["progress"] as? Double == 60)
    let m2 = (c["milestones"] as! [[String: Any]])[1]
    #expect(
      m2["status"] as? String == "complete" && m2["progress"] as? Int == 100 && m2["met"] as? String == "2022-12-10")
    #expect(m2["ocds"] as? String == "met")
    #expect((c["milestones"] as! [[String: Any]])[2]["ocds"] as? String == "scheduled")  // due 2024-06, not started
    #expect((c["milestones"] as! [[String: Any]])[0]["ocds"] as? String == "partiallyMet")
    #expect(
      try f.veedor(["milestone", "update", "CLPLN0001.M3", "--status", "withdrawn", "--progress", "0"]).status == 0)
    c = try #require(try f.board().first)
    #expect(c["progress"] as? Double == 80)  // (140 + 100) / 3
    #expect(try f.veedor(["milestone", "drop", "CLPLN0001.M2", "--reason", "Council decision 45"]).status == 0)
    c = try #require(try f.board().first)
    #expect(c["progress"] as? Double == 70)
    let dropped = try f.veedor(["milestone", "update", "CLPLN0001.M2", "--status", "complete"])
    #expect(dropped.status == 2 && dropped.stderr.contains("was dropped"))
    #expect(
      try f.veedor([
        "milestone", "add", "CLPLN0001", "--title", "Second survey", "--due", "2024-09", "--reason", "Agreed at C1",
      ]).stdout.contains("CLPLN0001.M4 added"))
    #expect((try f.board().first?["milestones"] as? [[String: Any]])?.count == 4)
  }

  @Test("overdue: a day after the due day, or from the month after a due month, unless complete or withdrawn")
  func overdue() {
    let cases: [(String?, String, Bool)] = [
      ("2023-06-30", "2023-06-30", false), ("2023-06-30", "2023-07-01", true), ("2023-06", "2023-06-30", false),
      ("2023-06", "2023-07-01", true), ("2023-12", "2024-01-01", true), ("2023", "2023-12-31", false),
      ("2023", "2024-01-01", true), (nil, "2030-01-01", false),
    ]
    for (due, today, expected) in cases {
      #expect(
        MilestoneBoard.isPast(due.flatMap(PlanDate.init(iso:)), today: today) == expected, "\(due ?? "-") on \(today)")
    }
    #expect(
      MilestoneStatus.notStarted.ocds(overdue: false) == "scheduled"
        && MilestoneStatus.notStarted.ocds(overdue: true) == "notMet")
    #expect(
      MilestoneStatus.substantial.ocds(overdue: true) == "partiallyMet"
        && MilestoneStatus.complete.ocds(overdue: true) == "met")
  }

  @Test(
    "the spreadsheet round trip: the template imports as no change; filled rows import as updates, in Spanish or English"
  )
  func roundTrip() throws {
    let f = try Fixture()
    for lang in ["es", "en"] {
      let out = f.root.appendingPathComponent("hitos-\(lang).csv")
      #expect(try f.veedor(["milestone", "template", "--lang", lang, "--out", out.path]).status == 0)
      let same = try f.veedor(["milestone", "import", out.path])
      #expect(same.status == 0 && same.stderr.contains("0 update(s), 3 row(s) unchanged"), "\(same.stderr)")
    }
    let es = f.root.appendingPathComponent("hitos-es.csv")
    let text = try String(contentsOf: es, encoding: .utf8).replacingOccurrences(
      of: "CLPLN0001.M1,CLPLN0001,Unified request system,2023-06,Digital Commune,no iniciado,0,,,,",
      with:
        "CLPLN0001.M1,CLPLN0001,Unified request system,2023-06,Digital Commune,limitado,25,2023-12-01,,,\"Piloto, en curso\""
    )
    try Data(text.utf8).write(to: es)
    let imported = try f.veedor(["milestone", "import", es.path])
    #expect(imported.status == 0 && imported.stdout.contains("U1 recorded: CLPLN0001.M1 limited 25% on 2023-12-01"))
    // Exported again, the row reads back as it was written: import format = export format.
    let again = f.root.appendingPathComponent("again.csv")
    #expect(try f.veedor(["milestone", "template", "--lang", "es", "--out", again.path]).status == 0)
    #expect(
      try String(contentsOf: again, encoding: .utf8).contains(
        "CLPLN0001.M1,CLPLN0001,Unified request system,2023-06,Digital Commune,limitado,25,,,,"))
    #expect(try f.veedor(["milestone", "import", again.path]).stderr.contains("0 update(s)"))
  }

  @Test("bad rows: one line each with line and column, nothing recorded; Latin-1 with ';' is read")
  func badRows() throws {
    let f = try Fixture()
    let rows = [
      "hito;compromiso;título;plazo;responsable;estado;avance;fecha;cumplido;evidencia;nota",
      "CLPLN0001.M1;CLPLN0001;Sistema;2023-06;;sustancial;70;2023-12-20;;;Piloto en dos oficinas",
      "CLPLN0001.M2;CLPLN0001;Diagnóstico;2022-12-15;;terminado;;2023-12-01;;;",
      "CLPLN0001.M9;CLPLN0001;X;;;limitado;10;2023-12-01;;;",
      "CLPLN0001.M3;CLPLN0001;Capacitación;2024-06;;limitado;10;2023-13-01;;;",
      "CLPLN0001.M1;CLPLN0001;Sistema;2023-06;;limitado;40;2023-12-21;;;",
    ]
    let bad = f.root.appendingPathComponent("bad.csv")
    try #require(rows.joined(separator: "\r\n").data(using: .windowsCP1252)).write(to: bad)
    let before = try Data(contentsOf: f.ledger)
    let result = try f.veedor(["milestone", "import", bad.path])
    #expect(result.status == 2)
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(lines.count == 4, "\(lines)")
    #expect(lines.contains { $0.contains("line 3, column 'estado': 'terminado' is not a status") })
    #expect(lines.contains { $0.contains("line 4, column 'hito': unknown milestone 'CLPLN0001.M9'") })
    #expect(lines.contains { $0.contains("line 5, column 'fecha': '2023-13-01' is not a day") })
    #expect(lines.contains { $0.contains("line 6, column 'nota': progress goes back from 70% to 40%") })
    #expect(try Data(contentsOf: f.ledger) == before)
    let good = f.root.appendingPathComponent("good.csv")
    try #require(rows.prefix(2).joined(separator: "\r\n").data(using: .windowsCP1252)).write(to: good)
    let read = try f.veedor(["milestone", "import", good.path])
    #expect(read.status == 0 && read.stderr.contains("as Latin-1, ';'-separated: 1 update(s)"))
  }

  @Test("a forged ledger line that goes back without a note, or updates an unknown milestone, is refused")
  func replayRules() throws {
    let f = try Fixture()
    #expect(
      try f.veedor(["milestone", "update", "CLPLN0001.M1", "--status", "substantial", "--progress", "70"]).status == 0)
    #expect(
      try f.veedor([
        "milestone", "update", "CLPLN0001.M1", "--status", "limited", "--progress", "40", "--note", "Rolled back",
      ]).status == 0)
    let lines = try String(contentsOf: f.ledger, encoding: .utf8).split(separator: "\n").map(String.init)
    for (find, replace, why) in [
      ("\"note\":\"Rolled back\"", "\"note\":\"\"", "without a note"),
      (
        "\"milestone\":\"CLPLN0001.M1\",\"note\":\"Rolled", "\"milestone\":\"CLPLN0001.M7\",\"note\":\"Rolled",
        "not in the plan"
      ),
    ] {
      var forged = lines
      forged[forged.count - 1] = forged[forged.count - 1].replacingOccurrences(of: find, with: replace)
      #expect(forged[forged.count - 1] != lines[lines.count - 1], "\(why): the edit applies")
      try Data((forged.joined(separator: "\n") + "\n").utf8).write(to: f.ledger)
      // The monitor forging its own ledger also drops the head cache that would name the edit.
      try? FileManager.default.removeItem(at: f.ledger.appendingPathExtension("head"))
      let key = f.root.appendingPathComponent("k/monitor.key").path
      _ = try f.veedor(["key", "generate", "--key", key, "--name", "T", "--unencrypted"], workspace: false)
      let export = try f.veedor(["report", "export", "--key", key, "--out", f.root.appendingPathComponent("r").path])
      #expect(export.status == 1 && export.stderr.contains(why), "\(export.stderr)")
    }
  }

  @Test(
    "a forged ledger line dated after it was recorded, met after its day, or adding a milestone id that is taken or rewording another commitment's, is refused"
  )
  func forgedCycleLines() throws {
    let key = TestSupport.temporaryFolder("cycle-key").appendingPathComponent("monitor.key").path
    _ = try TestSupport.veedor(["key", "generate", "--key", key, "--name", "T", "--unencrypted"])
    // Each case: the acts recorded (on 2024-01-01), the edit of the last line, and what export names.
    let cases: [([[String]], String, String, String)] = [
      (
        [["milestone", "update", "CLPLN0001.M1", "--status", "limited", "--progress", "10"]],
        "\"date\":\"2024-01-01\"", "\"date\":\"2030-01-01\"", "after the day it is recorded"
      ),
      (
        [["milestone", "update", "CLPLN0001.M1", "--status", "complete", "--date", "2023-12-01"]],
        "\"met\":\"2023-12-01\"", "\"met\":\"2023-12-20\"", "after the day the update describes"
      ),
      (
        [["checkin", "add", "--date", "2023-12-01", "--unit", "Digital Commune", "--reported", "Pilot"]],
        "\"date\":\"2023-12-01\"", "\"date\":\"2031-12-01\"", "after the day it is recorded"
      ),
      (
        [["milestone", "add", "CLPLN0002", "--title", "Survey", "--reason", "Agreed"]],
        "\"milestone\":\"CLPLN0002.M1\"", "\"milestone\":\"CLPLN0001.M2\"", "but 'CLPLN0001' already has that id"
      ),
      (
        [["milestone", "reword", "CLPLN0001.M2", "--title", "Diagnostic", "--reason", "Agreed"]],
        "\"commitment\":\"CLPLN0001\"", "\"commitment\":\"CLPLN0002\"", "not in the plan"
      ),
    ]
    for (acts, find, replace, why) in cases {
      let f = try Fixture()
      for act in acts { #expect(try f.veedor(act).status == 0, "\(act)") }
      var lines = try String(contentsOf: f.ledger, encoding: .utf8).split(separator: "\n").map(String.init)
      let edited = lines[lines.count - 1].replacingOccurrences(of: find, with: replace)
      #expect(edited != lines[lines.count - 1], "\(why): the edit applies to \(lines[lines.count - 1])")
      lines[lines.count - 1] = edited
      try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: f.ledger)
      try? FileManager.default.removeItem(at: f.ledger.appendingPathExtension("head"))
      let export = try f.veedor(["report", "export", "--key", key, "--out", f.root.appendingPathComponent("r").path])
      #expect(export.status == 1 && export.stderr.contains(why), "\(why): \(export.stderr)")
    }
    // Recorded by the tool, the same acts are refused as bad input, with the ledger unchanged.
    let f = try Fixture()
    let before = try Data(contentsOf: f.ledger)
    let met = try f.veedor([
      "milestone", "update", "CLPLN0001.M1", "--status", "complete", "--date", "2023-12-01", "--met", "2023-12-20",
    ])
    #expect(met.status == 2 && met.stderr.contains("after the day the update describes"), "\(met.stderr)")
    let future = try f.veedor([
      "checkin", "add", "--date", "2024-02-01", "--unit", "Digital Commune", "--reported", "r",
    ])
    #expect(future.status == 2 && future.stderr.contains("after the day it is recorded"), "\(future.stderr)")
    #expect(try Data(contentsOf: f.ledger) == before)
  }

  @Test("an update recorded late about an earlier day does not become the milestone's current state")
  func backfilledUpdate() throws {
    let f = try Fixture()
    #expect(
      try f.veedor([
        "milestone", "update", "CLPLN0001.M1", "--status", "substantial", "--progress", "70", "--date", "2023-12-01",
      ]).status == 0)
    #expect(
      try f.veedor([
        "milestone", "update", "CLPLN0001.M1", "--status", "limited", "--progress", "30", "--date", "2023-06-01",
        "--note", "Recorded late: where it stood in June",
      ]).status == 0)
    let m1 = try #require((try f.board().first?["milestones"] as? [[String: Any]])?.first)
    #expect(
      m1["status"] as? String == "substantial" && m1["progress"] as? Int == 70
        && m1["updated"] as? String == "2023-12-01")
  }

  @Test("the template guards cells a spreadsheet would run as formulas; blank rows a spreadsheet keeps are skipped")
  func sheetCells() throws {
    let f = try Fixture()
    #expect(
      try f.veedor([
        "milestone", "add", "CLPLN0001", "--title", "=HYPERLINK(\"http://x\")", "--responsible=-Unit",
        "--reason", "Agreed",
      ]).status == 0)
    let out = f.root.appendingPathComponent("hitos.csv")
    #expect(try f.veedor(["milestone", "template", "--lang", "es", "--out", out.path]).status == 0)
    var text = try String(contentsOf: out, encoding: .utf8)
    #expect(
      text.contains("CLPLN0001.M4,CLPLN0001,\"'=HYPERLINK(\"\"http://x\"\")\",,'-Unit,no iniciado,0,,,,"), "\(text)")
    // Read back unchanged, with a spreadsheet's trailing blank rows.
    text += ",,,,,,,,,,\r\n , ,,,,,,,,,\r\n"
    try Data(text.utf8).write(to: out)
    let same = try f.veedor(["milestone", "import", out.path])
    #expect(same.status == 0 && same.stderr.contains("0 update(s), 4 row(s) unchanged"), "\(same.stderr)")
  }

  @Test("check-ins: recorded with units and follow-ups; status shows each unit's last one and the monthly rhythm")
  func checkins() throws {
    let f = try Fixture()
    let add = try f.veedor([
      "checkin", "add", "--date", "2023-11-20", "--unit", "Digital Commune", "--commitment", "clpln0001",
      "--reported", "Pilot in two offices", "--agreement", "Publish the pilot data", "--follow-up", "Send figures",
      "--follow-up-due", "2023-12-15",
    ])
    #expect(add.status == 0 && add.stdout.contains("C1 recorded: 2023-11-20 with Digital Commune"))
    #expect(try f.veedor(["checkin", "add", "--date", "2023-11-31", "--unit", "X", "--reported", "r"]).status == 2)
    // On 2024-01-01 (the plan runs to 2024-09) the unit met on 2023-11-20 is overdue, like every unit never met.
    let status = try f.veedor(["status", "--json"]).stdout
    let json = try JSONSerialization.jsonObject(with: Data(status.utf8)) as! [String: Any]
    let units = json["checkins"] as! [[String: Any]]
    let digital = try #require(units.first { $0["name"] as? String == "Digital Commune" })
    #expect(digital["last"] as? String == "2023-11-20" && digital["overdue"] as? Bool == true)
    let recent = try f.veedor([
      "checkin", "add", "--date", "2023-12-15", "--unit", "digital commune", "--reported", "r",
    ])
    #expect(recent.status == 0)
    let later =
      try JSONSerialization.jsonObject(with: Data(try f.veedor(["status", "--json"]).stdout.utf8)) as! [String: Any]
    let unit = (later["checkins"] as! [[String: Any]]).first { $0["name"] as? String == "Digital Commune" }
    #expect(
      unit?["last"] as? String == "2023-12-15" && unit?["overdue"] as? Bool == false && unit?["count"] as? Int == 2)
    #expect(try f.veedor(["log", "CLPLN0001"]).stdout.contains("check-in C1 on 2023-11-20"))
  }

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

/// What an Atom document holds, as an XML parser reads it: the root element, the feed's own child
/// elements and each entry's.
final class AtomShape: NSObject, XMLParserDelegate {
  private(set) var root = ""
  private(set) var feedFields: Set<String> = []
  private(set) var entries: [Set<String>] = []
  private var path: [String] = []

  /// Parses the bytes, failing on anything that is not well-formed XML.
  init(_ data: Data) throws {
    super.init()
    let parser = XMLParser(data: data)
    parser.delegate = self
    guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    if path.isEmpty { root = name }
    if path == ["feed"] {
      if name == "entry" { entries.append([]) } else { feedFields.insert(name) }
    }
    if path == ["feed", "entry"] { entries[entries.count - 1].insert(name) }
    path.append(name)
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    path.removeLast()
  }
}
