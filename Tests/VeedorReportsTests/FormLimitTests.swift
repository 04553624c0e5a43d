import Foundation
import Testing
import VeedorLedger
import VeedorReports
import VeedorSigning
import VeedorTestSupport
import VeedorVerify

/// A form's evidence limits in `status` and against a forged ledger (part of the forms' suite).
extension FormTests {
  @Test("a form over its evidence limits stays in status, with why it cannot be exported")
  func statusShowsLimits() throws {
    let f = try Fixture()
    let ids = try f.addFiles(4, to: "CLPLN0002")
    let score = ["score", "CLPLN0002", "completion", "complete", "--rationale", "Done", "--evidence"]
    #expect(try f.veedor(score + [ids.joined(separator: ",")]).status == 0)
    let status = try f.veedor(["status"])
    #expect(status.stdout.contains("End-of-Commitment Assessment CLPLN0002: due 2023-12-14"), "\(status.stdout)")
    #expect(status.stdout.contains("cannot be exported as it stands: the End-of-Commitment Assessment takes at most 3"))
    #expect(!status.stdout.contains("not due yet for any commitment"))
    let spanish = try f.veedor(["status", "--lang", "es"]).stdout
    #expect(spanish.contains("no puede exportarse tal como está: el formulario "), "\(spanish)")
    #expect(spanish.contains("admite como máximo 3 archivos") && !spanish.contains("takes at most"))
    let json = try JSONSerialization.jsonObject(with: Data(try f.veedor(["status", "--json"]).stdout.utf8))
    let forms = (json as? [String: Any])?["forms"] as? [[String: Any]] ?? []
    let form = forms.first { $0["form"] as? String == "end-of-commitment" }
    #expect((form?["problem"] as? String)?.contains("its answers cite 4") == true)
  }

  @Test("a form's size limit holds the ledger to the files: a forged size fails the evidence step, no size is refused")
  func forgedSizes() throws {
    let f = try ReportFixture()
    let form = ["--form", "end-of-commitment", "--commitment", "CLPLN0002"]
    func edit(_ change: @escaping (inout [String: Any]) -> Void) -> (Int, inout [String: Any]) -> Void {
      { _, object in
        guard var evidence = object["evidence"] as? [String: Any], evidence["id"] as? String == f.minutes else {
          return
        }
        change(&evidence)
        object["evidence"] = evidence
      }
    }
    // The monitor records 1 byte for the stored minutes: with the files at hand, verify sees the lie.
    let (out, exported) = try f.exportRewritten(edit { $0["size"] = 1 }, export: form)
    #expect(exported.status == 0, "\(exported.stderr)")
    let result = try f.verify(out.appendingPathComponent("report.json"), ["--evidence-dir", f.ws + "/objects"])
    #expect(result.status == 1)
    #expect(result.stdout.contains("✗ 7. evidence files: evidence \(f.minutes): "))
    #expect(result.stdout.contains("bytes, but the ledger records 1"))
    // No size at all cannot be held to the limit.
    let (_, unsized) = try f.exportRewritten(edit { $0["size"] = nil }, export: form)
    #expect(unsized.status == 2)
    #expect(unsized.stderr.contains("\(f.minutes) (minutes.txt) records no size in the ledger"))
    // A file cited twice by one answer is one file.
    let (twice, cited) = try f.exportRewritten(
      { _, object in
        guard var score = object["score"] as? [String: Any], score["levels"] as? [String] == ["substantial"] else {
          return
        }
        score["evidence"] = [f.minutes, f.minutes, "E2"]
        object["score"] = score
      }, export: form)
    #expect(cited.status == 0, "\(cited.stderr)")
    let report = try JSONDecoder().decode(
      Report.self, from: Data(contentsOf: twice.appendingPathComponent("report.json")))
    #expect(report.form?.files == [f.minutes])
  }

  /// The fixture's allowed_signers file.
}
