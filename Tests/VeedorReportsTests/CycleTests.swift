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
