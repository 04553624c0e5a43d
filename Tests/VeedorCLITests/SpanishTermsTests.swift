import Foundation
import Testing
import VeedorTestSupport

/// The values of records (a party's role, an answer's decision, a milestone change, a scale's phase)
/// and counted phrases, as the command line shows them: in Spanish in words and in agreement with the
/// number ("1 evidencia"), in English the value itself, as scripts read it.
@Suite("Spanish words for record values and counts on the command line")
struct SpanishTermsTests {
  /// The demo workspace, made once per test.
  static func demo() throws -> String {
    let folder = TestSupport.temporaryFolder("terms").appendingPathComponent("demo").path
    #expect(try TestSupport.veedor(["demo", folder]).status == 0)
    return folder
  }

  /// `veedor ARGS` in a Chilean locale and in English: the two outputs (stdout and stderr together).
  static func both(_ args: [String]) throws -> (es: String, en: String) {
    let es = try TestSupport.veedor(args, environment: ["LANG": "es_CL.UTF-8", "LC_ALL": ""])
    let en = try TestSupport.veedor(args)
    #expect(es.status == 0 && en.status == 0, "\(args): \(es.stderr) \(en.stderr)")
    return (es.stdout + es.stderr, en.stdout + en.stderr)
  }

  @Test("log, party list, reply list, status, rubric show and milestone list say the values in Spanish")
  func terms() throws {
    let ws = try Self.demo()
    let log = try Self.both(["log", "-w", ws])
    for spanish in ["(gobierno, ", "(sociedad civil, ", "respuesta a R1: no aceptada —", "respuesta a R2: aceptada —"] {
      #expect(log.es.contains(spanish), "\(spanish) not in \(log.es)")
    }
    #expect(log.es.contains("hito CLPLN0001.M1 agregado —"))
    for english in ["(government, ", "(civil-society, ", "answer to R1: reject —", "milestone CLPLN0001.M1 added —"] {
      #expect(log.en.contains(english), "\(english) not in \(log.en)")
    }
    for word in ["(government", "(civil-society", ": reject", ": accept", " added —"] {
      #expect(!log.es.contains(word), "English '\(word)' in the Spanish log")
    }
    let parties = try Self.both(["party", "list", "-w", ws])
    #expect(parties.es.contains("unidad-ejemplo  gobierno  ") && parties.es.contains("  sociedad civil  "))
    #expect(parties.en.contains("unidad-ejemplo  government  "))
    let replies = try Self.both(["reply", "list", "-w", ws])
    #expect(replies.es.contains("no aceptada") && !replies.es.contains("reject"), "\(replies.es)")
    #expect(replies.en.contains("  reject"))
    let status = try Self.both(["status", "-w", ws])
    #expect(status.es.contains("[S2, 1 evidencia]") && !status.es.contains("1 evidencias"), "\(status.es)")
    #expect(status.es.contains("[S1, 2 evidencias]"))
    #expect(status.en.contains("[S2, 1 evidence]"))
    let rubric = try Self.both(["rubric", "show", "ogp-local-2021"])
    #expect(rubric.es.contains("Verificable [diseño; ") && rubric.es.contains("[implementación; "), "\(rubric.es)")
    #expect(!rubric.es.contains("[design"))
    #expect(rubric.en.contains("[design; "))
  }

  @Test("one overdue milestone is 'atrasado', not 'atrasados'")
  func overdueCount() throws {
    // On the tests' day (2023-11-14) only CLPLN0001.M3 (due 2023-06) is overdue.
    let list = try Self.both(["milestone", "list", "-w", try Self.demo()])
    #expect(list.es.contains("avance 57.5%, 1 atrasado\n"), "\(list.es)")
    #expect(list.en.contains("progress 57.5%, 1 overdue\n"), "\(list.en)")
  }
}

/// `ledger verify` on an altered ledger: the finding in the run's language, exit 1 in both.
@Suite("ledger verify's finding in Spanish")
struct LedgerVerifySpanishTests {
  @Test("an altered line: the finding is said in Spanish, with the same file and line, exit 1")
  func alteredLine() throws {
    let ws = try SpanishTermsTests.demo()
    let ledger = URL(fileURLWithPath: ws).appendingPathComponent("ledger.jsonl")
    var lines = try String(contentsOf: ledger, encoding: .utf8).components(separatedBy: "\n")
    lines[2] = lines[2].replacingOccurrences(of: "\"E2\"", with: "\"E9\"")
    try lines.joined(separator: "\n").write(to: ledger, atomically: true, encoding: .utf8)
    let es = try TestSupport.veedor(
      ["ledger", "verify", "-w", ws], environment: ["LANG": "es_CL.UTF-8", "LC_ALL": ""])
    let en = try TestSupport.veedor(["ledger", "verify", "-w", ws])
    #expect(es.status == 1 && en.status == 1)
    #expect(en.stderr.contains("ledger.jsonl:3: entry was altered after it was written"), "\(en.stderr)")
    #expect(es.stderr.contains("ledger.jsonl:3: la entrada fue alterada después de escribirse"), "\(es.stderr)")
    #expect(!es.stderr.contains("altered"), "\(es.stderr)")
  }
}
