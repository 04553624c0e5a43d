import Foundation
import Testing
import VeedorRubric

@Suite("rubric validate")
struct ValidatorTests {
  @Test("every problem is reported with its JSON path")
  func paths() {
    let broken = """
      {"format":"veedor-rubric/1","id":"x","version":"1","title":{"en":"X"},"sources":[],
       "scales":[{"id":"a","title":{"en":"A","es":"A"},"question":{"en":"?","es":"?"},"phase":"later",
         "selection":"single","rationaleRequired":true,"minimumEvidence":-1,
         "levels":[{"id":"l","ordinal":1,"label":{"en":"L","es":"L"},"definition":{"en":"d","es":""}},
                   {"id":"l","ordinal":1,"label":{"en":"L","es":"L"},"definition":{"en":"d","es":"d"}}]}],
       "indicators":[{"id":"i","title":{"en":"I","es":"I"},"rule":{"scale":"a","in":["zz"]}},
                     {"id":"j","title":{"en":"J","es":"J"},"rule":{"indicator":"j"}}]}
      """
    let paths = Set(RubricValidator.validate(Data(broken.utf8)).map(\.path))
    for expected in [
      "$.title.es", "$.scales[0].phase", "$.scales[0].minimumEvidence", "$.scales[0].levels[0].definition.es",
      "$.scales[0].levels[1].id", "$.scales[0].levels[1].ordinal", "$.indicators[0].rule.in[0]", "$.indicators[1].rule",
    ] {
      #expect(paths.contains(expected), "missing \(expected) in \(paths.sorted())")
    }
  }

  @Test("not JSON and a wrong format tag are reported")
  func garbage() {
    #expect(RubricValidator.validate(Data("{".utf8)).first?.message == "not valid JSON")
    #expect(RubricValidator.validate(Data(#"{"format":"other"}"#.utf8)).contains { $0.path == "$.format" })
    #expect(throws: RubricError.self) { try Rubric.load(Data("[]".utf8)) }
  }
}
