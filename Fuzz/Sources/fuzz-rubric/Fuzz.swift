import Foundation
import FuzzSupport
import VeedorRubric

/// libFuzzer entry: a rubric file as `veedor rubric validate` and `init` read it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  guard let start else { return 0 }
  let data = Data(bytes: start, count: count)
  guard RubricValidator.validate(data).isEmpty, let rubric = try? Rubric.load(data) else { return 0 }
  let sheet = ScoreSheet(Dictionary(uniqueKeysWithValues: rubric.scales.map { ($0.id, [$0.levels.first?.id ?? ""]) }))
  _ = rubric.indicatorValues(for: sheet)
  _ = rubric.aggregateValues(over: [sheet, ScoreSheet()])
  return 0
}

/// The program's entry point under SwiftPM: hands control to libFuzzer's driver.
@_cdecl("fuzz_rubric_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runLibFuzzer(argc, argv) { fuzz($0, $1) }
}
