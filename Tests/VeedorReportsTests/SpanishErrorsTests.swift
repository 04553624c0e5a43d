import Foundation
import Testing
import VeedorTestSupport
import VeedorVerify

/// The failing commands civil society and monitors meet most, run under a Spanish locale.
@Suite("Errors and verification lines in Spanish under a Spanish locale")
struct SpanishErrorsTests {
  static let spanish = ["LANG": "es_CL.UTF-8", "LC_ALL": ""]

  /// English words that no Spanish line should carry (ids, paths and namespaces have none of them).
  static let englishWords = [
    " the ", " is ", " not ", " of ", " with ", " and ", " does ", "no such", "unknown", "already", "refus",
    "cannot", " give ", "choose", " failed", "integrity only",
  ]

  /// One failing command: its arguments, exit status, the Spanish it must say and the data it must keep.
  struct Case: CustomStringConvertible {
    var args: [String]
    var status: Int32
    var spanish: [String]
    var kept: [String]
    var description: String { args.joined(separator: " ") }
  }

  func expectSpanish(_ line: String, _ context: String) {
    for word in Self.englishWords {
      #expect(!line.contains(word), "\(context): English '\(word)' in \(line)")
    }
  }

  @Test("failing score, evidence, verify, import and publish commands say what is wrong in Spanish, same exit status")
  func failingCommands() throws {
    let f = try ReportFixture()
    let tampered = try f.copy()
    let json = tampered.appendingPathComponent("report.json")
    let text = try String(contentsOf: json, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "Started", with: "Stopped").utf8).write(to: json)
    let badTrust = TestSupport.temporaryFolder().appendingPathComponent("allowed_signers")
    try Data("CLPLN ssh-ed25519 not-base64\n".utf8).write(to: badTrust)
    let site = TestSupport.temporaryFolder().appendingPathComponent("site")
    try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
    try Data("mine".utf8).write(to: site.appendingPathComponent("index.html"))
    let dataset = TestSupport.temporaryFolder().appendingPathComponent("dataset").path
    let trust = f.keys.appendingPathComponent("allowed_signers").path
    let cases = [
      Case(
        args: ["score", "CLPLN0042", "verifiable", "yes", "--rationale", "r", "--evidence", "E1", "-w", f.ws],
        status: 2, spanish: ["compromiso desconocido", "válidos"], kept: ["'CLPLN0042'", "campo 'commitment'"]),
      Case(
        args: [
          "score", "CLPLN0002", "completion", "complete", "--rationale", "r", "--evidence", f.minutes, "-w", f.ws,
        ],
        status: 2, spanish: ["ya tiene puntaje", "agregue --correct"], kept: ["CLPLN0002", "'completion'"]),
      Case(
        args: ["evidence", "add", "CLPLN0001", "/no/such/file.pdf", "--title", "t", "-w", f.ws],
        status: 2, spanish: ["no existe el archivo"], kept: ["/no/such/file.pdf"]),
      Case(
        args: ["verify", f.report.path, "--trust", badTrust.path],
        status: 2, spanish: ["clave no válida"], kept: [badTrust.path + ":1", "campo 'key'"]),
      Case(
        args: ["verify", f.out.appendingPathComponent("nothing.json").path],
        status: 2, spanish: ["no existe el archivo", "indique el report.json"], kept: ["nothing.json"]),
      Case(
        args: ["import", tampered.path, "--trust", trust, "--out", dataset],
        status: 1, spanish: ["rechazado", "firma del informe", "no se verifica sobre report.json"],
        kept: [json.path, "report.json.sshsig"]),
      Case(
        args: ["publish", "-w", f.ws, "--report", f.out.path, "--keys", f.keys.path, "--out", site.path],
        status: 2, spanish: ["no está vacía", "indique --force"], kept: [site.path, "'veedor publish'"]),
    ]
    for c in cases {
      let english = try TestSupport.veedor(c.args)
      let result = try TestSupport.veedor(c.args, environment: Self.spanish)
      #expect(result.status == c.status && english.status == c.status, "\(c): \(english.status) \(result.status)")
      let lines = result.stderr.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("verified ") }
      #expect(!lines.isEmpty, "\(c): \(result.stderr)")
      #expect(result.stderr != english.stderr, "\(c): \(result.stderr)")
      for line in lines { expectSpanish(line, "\(c)") }
      for word in c.spanish + c.kept {
        #expect(result.stderr.contains(word), "\(c): '\(word)' not in \(result.stderr)")
      }
    }
    // A tampered report: every step line and the verdict in Spanish, exit 1 as in English.
    let verify = try TestSupport.veedor(["verify", json.path], environment: Self.spanish)
    #expect(verify.status == 1)
    #expect(verify.stdout.contains("✗ 2. firma del informe: report.json.sshsig no se verifica sobre report.json"))
    #expect(verify.stdout.hasSuffix("NO VERIFICADO: falló el paso firma del informe\n"), "\(verify.stdout)")
    for line in verify.stdout.split(separator: "\n") { expectSpanish(String(line), "verify tampered") }
  }

  @Test(
    "verify prints every step and the verdict in Spanish under LANG=es_CL; --json keeps its English keys and values")
  func verifySteps() throws {
    let f = try ReportFixture()
    let english = try f.verify()
    let result = try TestSupport.veedor(["verify", f.report.path], environment: Self.spanish)
    #expect(result.status == 0 && english.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == english.stdout.split(separator: "\n").count)
    for line in lines { expectSpanish(line, "verify") }
    for expected in [
      "✓ 1. archivo del informe: ", "✓ 2. firma del informe: firma SSHSIG (assessment-report@veedor)",
      "✓ 3. formato del informe: ", "✓ 4. firma del punto de control: ", "✓ 5. entradas del registro: se traen las",
      "✓ 6. el contenido del informe coincide con el registro: derivado de nuevo",
      "– 7. archivos de evidencia: no se pidió (--evidence-dir DIR)",
    ] {
      #expect(result.stdout.contains(expected), "'\(expected)' not in \(result.stdout)")
    }
    #expect(lines.last == "VERIFICADO (solo integridad: no se comprobó la identidad de quien firmó)")
    let jsonEnglish = try f.verify(nil, ["--json"])
    let jsonSpanish = try TestSupport.veedor(["verify", f.report.path, "--json"], environment: Self.spanish)
    #expect(jsonSpanish.stdout == jsonEnglish.stdout)
    #expect(jsonSpanish.stdout.contains("\"name\" : \"report signature\""))
  }

  @Test("a step keeps its Spanish beside the English, outside the JSON; read back from JSON it falls back to English")
  func stepWords() throws {
    let f = try ReportFixture()
    let result = ReportVerifier.verify(f.report)
    let first = try #require(result.steps.first)
    #expect(first.name == "report file" && first.spanishName == "archivo del informe")
    #expect(first.spanishDetail.contains("dentro del límite"))
    let json = try JSONEncoder().encode(result)
    #expect(!String(decoding: json, as: UTF8.self).contains("archivo del informe"))
    let decoded = try JSONDecoder().decode(ReportVerification.self, from: json)
    #expect(decoded.steps.first?.spanishName == "report file")
    #expect(decoded.steps.first?.spanishDetail == first.detail)
  }

  @Test("a report file that cannot be read is explained in Spanish, the system's reason included")
  func unreadableReportInSpanish() throws {
    let missing = TestSupport.temporaryFolder().appendingPathComponent("report.json")
    let first = try #require(ReportVerifier.verify(missing).steps.first)
    #expect(first.ok == false && first.detail.contains("No such file or directory"), "\(first.detail)")
    #expect(first.spanishDetail.contains("no existe el archivo o la carpeta"), "\(first.spanishDetail)")
    expectSpanish(first.spanishDetail, "unreadable report")
  }
}
