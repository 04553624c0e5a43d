import Foundation
import FuzzSupport
import VeedorPlan

/// libFuzzer entry: a plan file as `veedor init` reads it (CSV, OGP sheet CSV, or JSON).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  guard let start else { return 0 }
  let data = Data(bytes: start, count: count)
  if let rows = try? CSV.parse(data, file: "f"), let sheet = try? OGPSheet(rows: rows, file: "f") {
    for id in sheet.planIDs.prefix(4) { _ = try? sheet.plan(id, file: "f") }
  }
  if let plan = try? PlanImporter.decodeJSON(data, file: "f") { _ = try? PlanImporter.check(plan, file: "f") }
  return 0
}

/// The program's entry point under SwiftPM: hands control to libFuzzer's driver.
@_cdecl("fuzz_plan_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runLibFuzzer(argc, argv) { fuzz($0, $1) }
}
