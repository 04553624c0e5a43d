import Foundation
import Testing
import VeedorReports
import VeedorSigning
import VeedorTestSupport
import VeedorVerify

/// Verification decodes a report's head only, with the verdicts of a full decode.
@Suite("verification decodes the head of a report, and names the same step as a full decode")
struct ReportHeadTests {
  /// `bytes` signed with the fixture's key the three ways a report is signed, in a fresh folder.
  static func signed(_ bytes: Data, key: MonitorKey) throws -> URL {
    let folder = TestSupport.temporaryFolder("head")
    try bytes.write(to: folder.appendingPathComponent("report.json"))
    try Data(try SSHSignature.sign(bytes, namespace: SSHSignature.reportNamespace, key: key).utf8)
      .write(to: folder.appendingPathComponent("report.json.sshsig"))
    try key.sign(bytes).write(to: folder.appendingPathComponent("report.json.sig"))
    return folder.appendingPathComponent("report.json")
  }

  @Test("a signed report whose body does not decode fails at the report format, with nothing after it")
  func bodyThatDoesNotDecode() throws {
    let f = try ReportFixture()
    let key = try KeyFile.read(URL(fileURLWithPath: f.key), passphrase: { "" })
    let trust = f.keys.appendingPathComponent("allowed_signers")
    let text = try String(contentsOf: f.report, encoding: .utf8)
    #expect(text.contains("\"commitments\":["))
    let broken = text.replacingOccurrences(of: "\"commitments\":[", with: "\"commitments\":7,\"was\":[")
    let result = ReportVerifier.verify(try Self.signed(Data(broken.utf8), key: key), options: .init(trust: trust))
    #expect(result.firstFailure?.name == "report format", "\(result.steps)")
    #expect(result.firstFailure?.detail.contains("commitments") == true, "\(result.firstFailure?.detail ?? "")")
    #expect(result.steps.last?.name == "report format" && result.parsed == nil)
  }

  @Test("a signed report with an extra field decodes, then fails the byte comparison; the good one is parsed")
  func extraField() throws {
    let f = try ReportFixture()
    let key = try KeyFile.read(URL(fileURLWithPath: f.key), passphrase: { "" })
    let trust = f.keys.appendingPathComponent("allowed_signers")
    let good = ReportVerifier.verify(f.report, options: .init(trust: trust))
    #expect(good.verified, "\(good.steps)")
    #expect(good.parsed == (try JSONDecoder().decode(Report.self, from: Data(contentsOf: f.report))))
    let text = try String(contentsOf: f.report, encoding: .utf8)
    let extra = text.replacingOccurrences(of: "\"commitments\":[", with: "\"aside\":1,\"commitments\":[")
    let result = ReportVerifier.verify(try Self.signed(Data(extra.utf8), key: key), options: .init(trust: trust))
    #expect(result.firstFailure?.name == "report content matches the ledger", "\(result.steps)")
    #expect(result.parsed != nil)
  }
}
