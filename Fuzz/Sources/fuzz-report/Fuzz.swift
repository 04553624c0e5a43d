import Foundation
import FuzzSupport
import VeedorDataset
import VeedorReports
import VeedorVerify

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("veedor-fuzz-report-\(getpid())")
let report = folder.appendingPathComponent("report.json")
let signature: Void = {
  try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  // Any signature will do: every step after the signature runs only for reports that verify, so
  // the interesting path is the parser and the signature check on hostile bytes.
  try? Data(repeating: 0, count: 64).write(to: folder.appendingPathComponent("report.json.sig"))
}()

/// libFuzzer entry: report.json as `veedor verify` reads it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  guard let start else { return 0 }
  _ = signature
  try? Data(bytes: start, count: count).write(to: report)
  _ = ReportVerifier.verify(report)
  // A report that parses is re-derived from its inputs (as verify does after the signature), and
  // rendered and turned into OGP rows, as publish and import do.
  if let parsed = try? JSONDecoder().decode(Report.self, from: Data(bytes: start, count: count)) {
    _ = try? ReportDerivation.derive(inputs: parsed.inputs, signer: Data(repeating: 7, count: 32), generated: "")
    _ = HTMLReport.render(parsed, language: .es)
    _ = MarkdownReport.render(parsed, language: .en)
    _ = ReportRows.rows(parsed, reportSHA256: "")
  }
  return 0
}

/// The program's entry point under SwiftPM: hands control to libFuzzer's driver.
@_cdecl("fuzz_report_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runLibFuzzer(argc, argv) { fuzz($0, $1) }
}
