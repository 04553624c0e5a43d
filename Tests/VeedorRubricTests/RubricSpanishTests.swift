import Foundation
import Testing
import VeedorRubric

@Suite("Rubric errors in Spanish")
struct RubricSpanishTests {
  let legacy: Rubric

  init() throws { legacy = try bundledRubric("irm-legacy") }

  /// The rubric error a score selection throws.
  func refusal(_ scale: String, _ levels: [String]) -> RubricError? {
    do { _ = try legacy.resolve(scale: scale, levels: levels) } catch { return error }
    return nil
  }

  @Test("an unknown scale keeps its id and the valid ids; the words are Spanish")
  func unknownScale() throws {
    let error = try #require(refusal("nope", ["x"]))
    #expect(error.description.hasPrefix("unknown scale 'nope' (valid: "))
    #expect(error.spanishDescription.hasPrefix("escala desconocida 'nope' (válidas: "))
    #expect(error.spanishDescription.contains("completion-end-of-term"))
  }

  @Test("an unknown level names the level and the scale as the English line does")
  func unknownLevel() throws {
    let error = try #require(refusal("specificity", ["sky-high"]))
    #expect(error.description.hasPrefix("unknown level 'sky-high' on scale 'specificity' (valid: "))
    #expect(error.spanishDescription.hasPrefix("nivel desconocido 'sky-high' en la escala 'specificity' (válidos: "))
  }

  @Test("a bad selection on a single-choice scale or with an exclusive level is said in Spanish")
  func badSelection() throws {
    let single = try #require(refusal("completion-end-of-term", ["limited", "complete"]))
    #expect(single.description == "scale 'completion-end-of-term': takes exactly one level")
    #expect(single.spanishDescription == "escala 'completion-end-of-term': admite exactamente un nivel")
    let exclusive = try #require(refusal("relevance", ["none", "civic-participation"]))
    #expect(exclusive.description == "scale 'relevance': level 'none' cannot be combined")
    #expect(exclusive.spanishDescription == "escala 'relevance': el nivel 'none' no se puede combinar")
  }

  @Test("an invalid rubric lists every problem with its JSON path, in Spanish")
  func invalidRubric() throws {
    let broken = """
      {"format":"veedor-rubric/1","id":"x","version":"1","title":{"en":"X"},"sources":[],
       "scales":[{"id":"a","title":{"en":"A","es":"A"},"question":{"en":"?","es":"?"},"phase":"later",
         "selection":"single","rationaleRequired":true,"minimumEvidence":-1,
         "levels":[{"id":"l","ordinal":1,"label":{"en":"L","es":"L"},"definition":{"en":"d","es":"d"}},
                   {"id":"l","ordinal":2,"label":{"en":"L","es":"L"},"definition":{"en":"d","es":"d"}}]}],
       "indicators":[{"id":"i","title":{"en":"I","es":"I"},"rule":{"scale":"b","in":["zz"]}}]}
      """
    var thrown: RubricError?
    do { _ = try Rubric.load(Data(broken.utf8)) } catch { thrown = error }
    let error = try #require(thrown)
    let english = error.description
    let spanish = error.spanishDescription
    #expect(english.hasPrefix("invalid rubric: ") && spanish.hasPrefix("rúbrica no válida: "))
    #expect(english.contains("$.title.es: is missing") && spanish.contains("$.title.es: falta"))
    #expect(
      english.contains("$.scales[0].phase: must be one of design, implementation, results")
        && spanish.contains("$.scales[0].phase: debe ser design, implementation o results"))
    #expect(spanish.contains("$.scales[0].minimumEvidence: no puede ser negativo"))
    #expect(spanish.contains("$.scales[0].levels[1].id: id de nivel duplicado 'l'"))
    #expect(spanish.contains("$.indicators[0].rule.scale: escala desconocida 'b'"))
    #expect(spanish.components(separatedBy: "; ").count == english.components(separatedBy: "; ").count)
    let garbage = RubricValidator.validate(Data("{".utf8))
    #expect(garbage.first?.description == "$: not valid JSON")
    #expect(garbage.first?.spanishDescription == "$: no es JSON válido")
  }
}
