import Foundation
import Testing
import VeedorTestSupport

/// One command of the bilingual scenario: what is typed, the exit status, and what each language says.
private struct Step {
  /// A short name for failure messages.
  var name: String
  /// The arguments after `veedor`.
  var args: [String]
  /// The exit status expected.
  var status: Int32 = 0
  /// In Spanish, every line printed (stdout and stderr) holds one of these, unless it is a path.
  var spanish: [String]
  /// In English, the output holds each of these.
  var english: [String]
  /// Whether standard output is data (a signed note, an id) rather than lines for people.
  var dataOut = false
}

/// A Chilean locale, as a monitor's machine would have it (LC_ALL unset).
private let chileanLocale = ["LANG": "es_CL.UTF-8", "LC_ALL": ""]

/// The scenario, on a fresh copy of the bundled example workspace under `root`.
private func steps(_ root: URL) -> [Step] {
  let ws = root.appendingPathComponent("ws").path
  let key = root.appendingPathComponent("keys/monitor.key").path
  let pub = root.appendingPathComponent("public").path
  let report = root.appendingPathComponent("report").path
  return [
    Step(
      name: "init",
      args: ["init", root.appendingPathComponent("new").path, "--plan", examplePlan, "--rubric", "ogp-local-2021"],
      spanish: ["Espacio de trabajo creado en", "Siguiente paso: veedor evidence add"],
      english: [
        "Created workspace ", "11 commitments, rubric ogp-local-2021", "Next: veedor evidence add COMMITMENT FILE",
      ]),
    Step(
      name: "evidence add",
      args: ["evidence", "add", "CLPLN0003", "--url", "https://example.org/acta", "--title", "Acta", "-w", ws],
      spanish: [], english: [], dataOut: true),
    Step(
      name: "score",
      args: [
        "score", "CLPLN0003", "verifiable", "yes", "--rationale", "Hitos con fecha", "--evidence", "E6", "-w", ws,
      ],
      spanish: ["registrado: CLPLN0003 verifiable = yes"], english: ["recorded: CLPLN0003 verifiable = yes"]),
    Step(
      name: "note", args: ["note", "Reunión con la unidad", "-w", ws], spanish: ["nota registrada"], english: ["noted"]),
    Step(
      name: "key generate", args: ["key", "generate", "--key", key, "--name", "Demo Monitor", "--unencrypted"],
      spanish: [
        "ADVERTENCIA: se escribe una clave SIN CIFRAR", "Clave creada: ", "clave pública: ssh-ed25519",
        "huella: SHA256:",
      ],
      english: ["WARNING: writing an UNENCRYPTED key", "Created ", "public key: ssh-ed25519", "fingerprint: SHA256:"]),
    Step(
      name: "checkpoint", args: ["checkpoint", "-w", ws, "--key", key], spanish: ["guardado en "], english: ["stored "],
      dataOut: true),
    Step(
      name: "report export", args: ["report", "export", "-w", ws, "--key", key, "--out", report],
      spanish: ["informe de AP_CLPLN01 en el punto de control", "compruébelo con: veedor verify"],
      english: ["report of AP_CLPLN01 at checkpoint", "check it with: veedor verify"]),
    Step(name: "key export", args: ["key", "export", "--key", key, "--out", pub, "-w", ws], spanish: [], english: []),
    Step(
      name: "publish",
      args: [
        "publish", "-w", ws, "--out", root.appendingPathComponent("site").path, "--report", report, "--keys", pub,
      ],
      spanish: ["teselas y paquetes escritos", "se escribieron", "abra "],
      english: ["tiles and bundles written", "wrote ", " files; open "]),
    Step(
      name: "milestone update",
      args: [
        "milestone", "update", "CLPLN0001.M4", "--status", "limited", "--progress", "10", "--note", "Inicio", "-w", ws,
      ],
      spanish: ["registrada: CLPLN0001.M4 limitado 10% el 2023-11-14"],
      english: ["recorded: CLPLN0001.M4 limited 10% on 2023-11-14"]),
    Step(
      name: "checkin add", args: ["checkin", "add", "--unit", "Digital Commune", "--reported", "Avance", "-w", ws],
      spanish: ["registrada: 2023-11-14 con Digital Commune"], english: ["recorded: 2023-11-14 with Digital Commune"]),
    Step(
      name: "party add",
      args: ["party", "add", "revisora", "--role", "reviewer", "--key", pub + "/monitor.pub", "-w", ws],
      spanish: ["parte agregada: revisora (revisor)", "registro de partes: "],
      english: ["party added: revisora (reviewer)", "roster: "]),
    Step(
      name: "trust add",
      args: [
        "trust", "add", "--member", "CLPLN", pub + "/monitor.pub", "--trust",
        root.appendingPathComponent("trusted").path,
      ],
      spanish: ["agregada a ", "principales CLPLN"], english: ["added to ", "principals CLPLN"]),
    Step(
      name: "ledger verify", args: ["ledger", "verify", "-w", ws],
      spanish: ["registro OK: ", "no están cubiertas por un punto de control firmado", "nota: se comprobó"],
      english: ["ledger OK: ", "not yet covered by a signed checkpoint", "note: checked against"]),
    Step(
      name: "usage error", args: ["evidence", "add", "CLPLN0001", "--title", "t", "-w", ws], status: 2,
      spanish: ["veedor: error: indique FILE o bien --url URL, solo uno de los dos (véase --help)"],
      english: ["veedor: error: give either FILE or --url URL, not both or neither (see --help)"]),
    Step(
      name: "missing argument", args: ["score", "-w", ws], status: 2,
      spanish: ["veedor: error: falta el argumento '<commitment>' (véase --help)"],
      english: ["veedor: error: Missing expected argument '<commitment>' (see --help)"]),
    Step(
      name: "unknown option", args: ["status", "--bogus", "-w", ws], status: 2,
      spanish: ["veedor: error: opción desconocida '--bogus' (véase --help)"],
      english: ["veedor: error: Unknown option '--bogus' (see --help)"]),
    Step(
      name: "library error", args: ["milestone", "drop", "CLPLN0002.M9", "--reason", "r", "-w", ws], status: 2,
      spanish: ["veedor: error: campo 'milestone': "], english: ["veedor: error: field 'milestone': "]),
  ]
}

/// Runs the scenario in a fresh folder with `extra` after every command's arguments.
private func run(extra: [String], environment: [String: String]) throws -> [(Step, TestSupport.Result)] {
  let root = TestSupport.temporaryFolder("veedor-es")
  try FileManager.default.copyItem(
    at: TestSupport.packageRoot.appendingPathComponent("evidence"), to: root.appendingPathComponent("ws"))
  return try steps(root).map { step in (step, try TestSupport.veedor(step.args + extra, environment: environment)) }
}

/// The lines people read: stderr always, stdout unless it is data; file paths aside.
private func readableLines(_ step: Step, _ result: TestSupport.Result) -> [String] {
  let text = (step.dataOut ? "" : result.stdout) + "\n" + result.stderr
  return text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("/") }
}

/// Words only an English line has, never a Spanish one.
private let englishWords = [
  "recorded", "Created", "wrote", "added to", "Missing", "Unknown", "see --help", "Next:", "stored", " entries",
  "WARNING", "fingerprint", "party added", "roster", "not yet covered", "error: give", "field '",
]

/// A broad run of commands on the bundled workspace, in Spanish and in English.
@Suite("The command line in Spanish")
struct SpanishScenarioTests {
  /// Test: under LANG=es_CL.UTF-8 and with --lang es, every line of a broad scenario is Spanish.
  @Test(
    "under LANG=es_CL.UTF-8 and with --lang es, every line of a broad scenario is Spanish",
    arguments: [("locale", [String](), chileanLocale), ("flag", ["--lang", "es"], [String: String]())])
  func spanish(_ label: String, _ extra: [String], _ environment: [String: String]) throws {
    for (step, result) in try run(extra: extra, environment: environment) {
      let shown = "[\(label)] veedor \(step.name) → \(result.status)\n\(result.stdout)\n\(result.stderr)"
      #expect(result.status == step.status, "\(shown)")
      for line in readableLines(step, result) {
        #expect(step.spanish.contains { line.contains($0) }, "not a Spanish line: \(line)\n\(shown)")
        #expect(!englishWords.contains { line.contains($0) }, "English in: \(line)\n\(shown)")
      }
      for words in step.spanish { #expect((result.stdout + result.stderr).contains(words), "\(words)\n\(shown)") }
    }
  }

  /// Test: in English (the default, and --lang en under a Spanish locale) the same scenario prints what it always did.
  @Test(
    "in English (the default, and --lang en under a Spanish locale) the same scenario prints what it always did",
    arguments: [[String: String](), chileanLocale])
  func english(_ environment: [String: String]) throws {
    let extra = environment.isEmpty ? [] : ["--lang", "en"]
    for (step, result) in try run(extra: extra, environment: environment) {
      let output = result.stdout + result.stderr
      let shown = "veedor \(step.name) → \(result.status)\n\(result.stdout)\n\(result.stderr)"
      #expect(result.status == step.status, "\(shown)")
      for words in step.english { #expect(output.contains(words), "\(words)\n\(shown)") }
      for words in ["registrad", "véase", "Espacio de trabajo", "clave pública", "opción desconocida", "falta el"] {
        #expect(!output.contains(words), "\(words)\n\(shown)")
      }
      if step.name == "evidence add" { #expect(result.stdout == "E6\n") }
    }
  }

  /// Test: the demo narrates in Spanish with --lang es.
  @Test("'veedor demo --lang es' narrates in Spanish, and the commands it runs speak Spanish too")
  func demo() throws {
    let folder = TestSupport.temporaryFolder("veedor-demo-es").appendingPathComponent("demo").path
    let result = try TestSupport.veedor(["demo", folder, "--lang", "es"])
    #expect(result.status == 0, "\(result.stderr)")
    for words in [
      "== Espacio de trabajo de ejemplo", "== Clave del evaluador", "== Punto de control firmado", "registro OK:",
      "== Partes que pueden responder", "parte agregada: unidad-ejemplo", "R1 registrada: firmada por unidad-ejemplo",
      "R2 contestada: aceptada", "R1 registrada: firmada por unidad-ejemplo (gobierno)", "Compruebe el mismo informe",
      "Siguiente paso: veedor log -w", "Agregados", "en el sitio: \(folder)/site/progress.html",
    ] {
      #expect(result.stdout.contains(words), "\(words)")
    }
    for words in ["== Example workspace", "Check the same report", "Next: veedor log", "party added", "recorded:"] {
      #expect(!result.stdout.contains(words) && !result.stderr.contains(words), "\(words)")
    }
  }
}
