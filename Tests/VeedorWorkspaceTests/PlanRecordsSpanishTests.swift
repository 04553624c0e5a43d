import Foundation
import Testing
import VeedorPlan
import VeedorRecords
import VeedorTestSupport

/// The plan error reading a file with these contents throws.
func planRefusal(_ name: String, _ text: String) throws -> PlanError? {
  let url = try temporaryFile(name, Data(text.utf8))
  do { _ = try PlanImporter.load(url) } catch { return error }
  return nil
}

/// Checks that an error's Spanish line has the same place as the English one and different words.
func expectSamePlace(
  _ english: String, _ spanish: String, prefix: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(english.hasPrefix(prefix), "\(english)", sourceLocation: sourceLocation)
  #expect(spanish.hasPrefix(prefix), "\(spanish)", sourceLocation: sourceLocation)
  #expect(english != spanish, sourceLocation: sourceLocation)
}

@Suite("Plan and records errors in Spanish")
struct PlanRecordsSpanishTests {
  @Test("a bad plan CSV: the same file, line and column, the words in Spanish")
  func badCSV() throws {
    let width = try #require(try planRefusal("plan.csv", "id,title_en\nCL0001,One\nCL0002,Two,extra\n"))
    let place = "\(width.file ?? ""):3: "
    expectSamePlace(width.description, width.spanishDescription, prefix: place)
    #expect(width.description == place + "has 3 fields, the header has 2")
    #expect(width.spanishDescription == place + "tiene 3 campos, el encabezado tiene 2")
    let date = try #require(try planRefusal("dates.csv", "id,title_en,start\nCL0001,One,soon\n"))
    #expect(date.description.hasSuffix(":2: field 'start': 'soon' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"))
    #expect(date.spanishDescription.hasSuffix(":2: campo 'start': 'soon' no es una fecha (YYYY-MM-DD, YYYY-MM o YYYY)"))
    let duplicate = try #require(try planRefusal("dup.csv", "id,title_en\nCL0001,One\nCL0001,Again\n"))
    #expect(duplicate.spanishDescription.hasSuffix(":3: campo 'id': id de compromiso duplicado 'CL0001'"))
    let quote = try #require(try planRefusal("quote.csv", "id,title_en\n\"CL0001,One\n"))
    #expect(quote.spanishDescription.hasSuffix(":2: un campo entre comillas nunca se cierra"))
  }

  @Test("a bad plan JSON: the field path is kept, the reason is Spanish")
  func badJSON() throws {
    let missing = try #require(try planRefusal("plan.json", #"{"format":"veedor-plan/1","id":"AP1"}"#))
    #expect(missing.field != nil)
    #expect(missing.description.hasSuffix(": is missing"))
    #expect(missing.spanishDescription.hasSuffix(": falta"))
    #expect(missing.spanishDescription.contains("campo '\(missing.field ?? "")'"))
    let type = try #require(
      try planRefusal(
        "typed.json", #"{"format":"veedor-plan/1","id":7,"member":"Chile","commitments":[]}"#))
    #expect(type.field == "id")
    #expect(type.description.contains("Expected to decode String but found"))
    #expect(type.spanishDescription.contains("campo 'id': se esperaba String pero se encontró un número"))
    let broken = try #require(try planRefusal("broken.json", "{\"format\": "))
    #expect(broken.description.hasSuffix("broken.json: not valid JSON"))
    #expect(broken.spanishDescription.hasSuffix("broken.json: no es JSON válido"))
  }

  @Test("ENOENT and a folder: the plan file is named, the reason is Spanish")
  func missingPlan() throws {
    let folder = TestSupport.temporaryFolder()
    var thrown: PlanError?
    do { _ = try PlanImporter.load(folder.appendingPathComponent("none.csv")) } catch { thrown = error }
    let missing = try #require(thrown)
    #expect(missing.spanishDescription == "\(folder.path)/none.csv: no existe el archivo")
    do { _ = try PlanImporter.load(folder) } catch { thrown = error }
    #expect(thrown?.spanishDescription == "\(folder.path): es una carpeta, no un archivo de plan")
  }

  @Test("a ledger that does not replay: line and field kept through the recoded error")
  func replay() throws {
    let note = try Act(after: [], type: .note, time: Date(timeIntervalSince1970: 0)).line()
    var thrown: RecordsError?
    do { _ = try LedgerState.replay([note], file: "ledger.jsonl") } catch { thrown = error }
    let error = try #require(thrown)
    #expect(error.description == "ledger.jsonl:1: field 'type': the first entry must be plan.imported")
    #expect(error.spanishDescription == "ledger.jsonl:1: campo 'type': la primera entrada debe ser plan.imported")
    do { _ = try LedgerState.replay([Data("{}".utf8)], file: "ledger.jsonl") } catch { thrown = error }
    #expect(thrown?.spanishDescription == "ledger.jsonl:1: no es una entrada válida del registro")
  }

  @Test("a malformed reply file: the same line and field, Spanish words")
  func badReply() throws {
    func refusal(_ text: String) -> RecordsError? {
      do { _ = try ReplyText(parsing: Data(text.utf8), file: "reply.txt") } catch { return error }
      return nil
    }
    let header = try #require(refusal("hello\n"))
    #expect(header.description == "reply.txt:1: the first line must be 'veedor-reply/1' or 'veedor-respuesta/1'")
    #expect(
      header.spanishDescription == "reply.txt:1: la primera línea debe ser 'veedor-reply/1' o 'veedor-respuesta/1'")
    let twice = try #require(refusal("veedor-respuesta/1\nparte: A\nparte: B\n\ntexto\n"))
    #expect(twice.description == "reply.txt:3: field 'parte': is given twice")
    #expect(twice.spanishDescription == "reply.txt:3: campo 'parte': aparece dos veces")
  }
}
