import Foundation
import Testing
import VeedorLedger
import VeedorPlan
import VeedorRecords
import VeedorReports
import VeedorTestSupport

/// The units' spreadsheet: the template, its round trip, and bad rows (part of the cycle's suite).
extension CycleTests {
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
}
