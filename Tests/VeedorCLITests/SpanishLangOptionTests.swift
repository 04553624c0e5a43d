import ArgumentParser
import Foundation
import Testing
import VeedorTestSupport

@testable import veedor

/// Every command that runs (a leaf of the command tree), as the words typed after `veedor`.
private func commandPaths(_ command: ParsableCommand.Type = Veedor.self, prefix: [String] = []) -> [[String]] {
  let children = command.configuration.subcommands
  guard !children.isEmpty else { return [prefix] }
  return children.flatMap { child in
    commandPaths(child, prefix: prefix + [child.configuration.commandName ?? child._commandName])
  }
}

/// `--lang` on every command, and the command line's errors in Spanish.
@Suite("Every command takes --lang")
struct SpanishLangOptionTests {
  /// Test: the command tree is walked: every leaf, from 'init' to 'ledger check-consistency'.
  @Test("the command tree is walked: every leaf, from 'init' to 'ledger check-consistency'")
  func walked() {
    let paths = commandPaths().map { $0.joined(separator: " ") }
    #expect(paths.count > 40, "\(paths)")
    for path in ["init", "score", "status", "evidence add", "ledger check-consistency", "reply answer", "demo"] {
      #expect(paths.contains(path), "\(path) not in \(paths)")
    }
  }

  /// Test: 'veedor PATH --lang es' is never refused as an unknown option, and the error that follows is in Spanish.
  @Test("'veedor PATH --lang es' is never refused as an unknown option, and the error that follows is in Spanish")
  func everyCommandTakesLang() throws {
    // An option no command has stops every command before it runs; the error must be about it (or a
    // missing argument), never about --lang, and in Spanish.
    for path in commandPaths() {
      let result = try TestSupport.veedor(path + ["--lang", "es", "--no-such-option-here"])
      let shown = "veedor \(path.joined(separator: " ")) --lang es → \(result.status): \(result.stderr)"
      #expect(result.status == 2, "\(shown)")
      #expect(!result.stderr.contains("'--lang'"), "\(shown)")
      #expect(result.stderr.contains("(véase --help)"), "\(shown)")
      #expect(!result.stderr.contains("Unknown option") && !result.stderr.contains("Missing"), "\(shown)")
    }
  }

  /// Test: a command group without --lang is caught by the same check (the check can fail).
  @Test("a command group without --lang is caught by the same check (the check can fail)")
  func groupRefusesLang() throws {
    let result = try TestSupport.veedor(["evidence", "--lang", "es", "--no-such-option-here"])
    #expect(result.status == 2 && result.stderr.contains("opción desconocida '--lang'"), "\(result.stderr)")
  }

  /// Test: ArgumentParser's own errors in Spanish: missing argument or value, unknown option, invalid or unexpected value.
  @Test(
    "ArgumentParser's own errors in Spanish: missing argument or value, unknown option, invalid or unexpected value")
  func parserErrors() throws {
    let cases: [([String], String)] = [
      (["score"], "falta el argumento '<commitment>'"),
      (["score", "CLPLN0001", "--rationale"], "falta el valor de '--rationale <rationale>'"),
      (["status", "--bogus"], "opción desconocida '--bogus'"),
      (["report", "export", "--clse-early"], "opción desconocida '--clse-early'; ¿quiso decir '--close-early'?"),
      (
        ["report", "export", "--lang", "xx"],
        "el valor 'xx' no es válido para '--lang <lang>'. Indique uno de estos: 'en', 'es' o 'all'"
      ),
      (
        ["evidence", "add", "C", "--title", "t", "--kind", "foo"],
        "el valor 'foo' no es válido para '--kind <kind>'. Indique uno de estos: document, webpage, meeting, interview, dataset, observation"
      ),
      (["ledger", "proof", "abc"], "el valor 'abc' no es válido para '<entry>'"),
      (["score", "CLPLN0001", "x", "y", "z"], "argumento inesperado 'z'"),
      (["score", "CLPLN0001", "x", "y", "z", "w"], "2 argumentos inesperados: 'z', 'w'"),
      (
        ["reply", "answer", "R1", "--accept", "--reject", "--rationale", "r"],
        "la opción '--reject' no puede usarse junto con la opción '--accept'"
      ),
      (["status", "--json=yes"], "la opción '--json' no lleva valor, pero se indicó 'yes'"),
    ]
    for (args, expected) in cases {
      let spanish = try TestSupport.veedor(args, environment: ["LANG": "es_CL.UTF-8", "LC_ALL": ""])
      #expect(
        spanish.status == 2 && spanish.stderr == "veedor: error: \(expected) (véase --help)\n",
        "\(args): \(spanish.stderr)")
      let flagged = try TestSupport.veedor(args + ["--lang", "es"])
      #expect(
        flagged.stderr.hasPrefix("veedor: error: ") && flagged.stderr.hasSuffix("(véase --help)\n"), "\(flagged.stderr)"
      )
      let english = try TestSupport.veedor(args)
      #expect(english.status == 2 && english.stderr.hasSuffix("(see --help)\n") && !english.stderr.contains("falta"))
    }
  }

  /// Test: usage errors from a command's own checks are in Spanish, with exit 2.
  @Test("usage errors from a command's own checks are in Spanish, with exit 2")
  func usageErrors() throws {
    let spanish = ["LANG": "es_CL.UTF-8", "LC_ALL": ""]
    let cases: [([String], String, String)] = [
      (["evidence", "add", "C", "--title", "t"], "indique FILE o bien --url URL", "give either FILE or --url URL"),
      (["score", "C", "verifiable"], "indique un LEVEL después de SCALE", "give a LEVEL after SCALE"),
      (["checkin", "add", "--reported", "r"], "indique al menos una unidad", "name at least one --unit present"),
      (["report", "progress", "--period", "2024"], "no es un trimestre", "is not a quarter such as 2024-Q1"),
      (["reply", "template", "--scale", "s"], "--scale requiere --commitment", "--scale needs --commitment"),
      (["agreement", "a.json"], "indique dos o más archivos report.json", "give two or more report.json files"),
      (
        ["ledger", "check-inclusion", "--index", "0", "--size", "1", "--root", "xx", "--leaf-hash", "yy"],
        "no es un hash de 32 bytes", "is not a 32-byte hash"
      ),
    ]
    for (args, es, en) in cases {
      let result = try TestSupport.veedor(args, environment: spanish)
      #expect(
        result.status == 2 && result.stderr.contains(es) && result.stderr.hasSuffix("(véase --help)\n"),
        "\(args): \(result.stderr)")
      let english = try TestSupport.veedor(args)
      #expect(english.status == 2 && english.stderr.hasPrefix("veedor: error: "), "\(english.stderr)")
      #expect(english.stderr.contains(en) && english.stderr.hasSuffix("(see --help)\n"), "\(args): \(english.stderr)")
    }
  }
}
