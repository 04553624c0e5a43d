import Foundation
import Testing
import VeedorRubric
import VeedorTestSupport

@Suite("rubric forms")
struct FormsValidatorTests {
  /// The bundled OGP Local rubric with its forms replaced by `forms`.
  static func localRubric(forms: String) throws -> Data {
    let url = TestSupport.packageRoot.appendingPathComponent("rubrics/ogp-local-2021.json")
    var object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    object["forms"] = try JSONSerialization.jsonObject(with: Data(forms.utf8))
    return try JSONSerialization.data(withJSONObject: object)
  }

  @Test("the bundled OGP Local rubric's two forms name only questions it has, in the forms' order")
  func bundled() throws {
    let url = TestSupport.packageRoot.appendingPathComponent("rubrics/ogp-local-2021.json")
    let rubric = try Rubric.load(Data(contentsOf: url))
    let inception = try #require(rubric.form("inception"))
    #expect(inception.title.es == "Informe Inicial" && inception.due.months == 2 && inception.subject == .plan)
    #expect(inception.sections.map(\.scope) == [.plan, .commitment])
    #expect(inception.sections[0].scales.allSatisfy { rubric.planScale($0) != nil })
    let end = try #require(rubric.form("end-of-commitment"))
    #expect(end.title.es == "Informe de fin de compromiso" && end.due.months == 1)
    #expect(end.evidenceLimits?.files == 3 && end.evidenceLimits?.bytesPerFile == 10 * 1024 * 1024)
    #expect(end.sections.flatMap(\.scales).allSatisfy { rubric.scale($0) != nil })
  }

  @Test("a form naming unknown questions, a plan section in a per-commitment form or a bad deadline is refused")
  func problems() throws {
    let forms = """
      [{"id":"a","title":{"en":"A","es":"A"},"subject":"commitment","source":"s",
        "due":{"months":1.5,"after":"score","scale":"completion","levels":["done"]},
        "sections":[{"number":"1","title":{"en":"S","es":"S"},"scope":"plan","scales":["verifiable"]},
                    {"number":"2","title":{"en":"S","es":"S"},"scope":"commitment","scales":["forum"]}],
        "evidenceLimits":{"files":0,"bytesPerFile":10}},
       {"id":"a","title":{"en":"B"},"subject":"both","source":"s","due":{"months":1,"after":"later"},"sections":[]}]
      """
    let paths = Set(RubricValidator.validate(try Self.localRubric(forms: forms)).map(\.path))
    for expected in [
      "$.forms[0].due.months", "$.forms[0].due.levels", "$.forms[0].sections[0].scope",
      "$.forms[0].sections[0].scales[0]", "$.forms[0].sections[1].scales[0]", "$.forms[0].evidenceLimits.files",
      "$.forms[1].id", "$.forms[1].title.es", "$.forms[1].subject", "$.forms[1].due.after", "$.forms[1].sections",
    ] {
      #expect(paths.contains(expected), "missing \(expected) in \(paths.sorted())")
    }
    #expect(RubricValidator.validate(try Self.localRubric(forms: "[]")).isEmpty)
  }

  @Test("a deadline beyond any calendar, or a plan form counting from a commitment's score, is refused")
  func deadlines() throws {
    let forms = """
      [{"id":"a","title":{"en":"A","es":"A"},"subject":"plan","source":"s",
        "due":{"months":9223372036854775807,"after":"plan-submitted"},
        "sections":[{"number":"1","title":{"en":"S","es":"S"},"scope":"plan","scales":["forum"]}]},
       {"id":"b","title":{"en":"B","es":"B"},"subject":"plan","source":"s",
        "due":{"months":1,"after":"score","scale":"completion","levels":["complete"]},
        "sections":[{"number":"1","title":{"en":"S","es":"S"},"scope":"plan","scales":["forum"]}]}]
      """
    let problems = RubricValidator.validate(try Self.localRubric(forms: forms))
    #expect(problems.map(\.path).sorted() == ["$.forms[0].due.months", "$.forms[1].due.after"], "\(problems)")
    #expect(throws: RubricError.self) { try Rubric.load(try Self.localRubric(forms: forms)) }
  }
}
