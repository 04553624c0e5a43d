import Foundation
import Testing
import VeedorDataset
import VeedorPlan
import VeedorPublish
import VeedorReports
import VeedorRubric
import VeedorSigning
import VeedorTestSupport
import VeedorVerify

/// The monitor as the adversary: every edit of anything a report shows, re-signed with the monitor's
/// own key, must fail `verify` at the content step naming the path, and `publish` and `import` refuse it.
@Suite("A report re-signed by its own monitor after an edit")
struct MonitorAdversaryTests {
  /// One edit of a decoded report and the JSON path `verify` must name.
  struct Edit: Sendable, CustomStringConvertible {
    var description: String
    var path: String
    var apply: @Sendable (inout Report) -> Void
  }

  static let edits: [Edit] = [
    // A level's and a scale's wording are written once, under `scales`.
    Edit(description: "level label", path: "$.scales.completion.levels.substantial.label.en") {
      $0.commitments[1].scores[4] = rewrite($0.commitments[1].scores[4]) { $0.levels[0].label.en = "Complete" }
    },
    Edit(description: "level definition", path: "$.scales.completion.levels.substantial.definition.es") {
      $0.commitments[1].scores[4] = rewrite($0.commitments[1].scores[4]) { $0.levels[0].definition.es = "Todo listo" }
    },
    Edit(description: "level OGP value", path: "$.scales.completion.levels.substantial.ogp") {
      $0.commitments[1].scores[4] = rewrite($0.commitments[1].scores[4]) { $0.levels[0].ogp = "Complete" }
    },
    Edit(description: "level chosen", path: "$.commitments[1].scores[4].history[1].levels[0]") {
      $0.commitments[1].scores[4] = rewrite($0.commitments[1].scores[4]) { $0.levels[0].id = "complete" }
    },
    Edit(description: "scale title", path: "$.scales.completion.title.en") {
      for c in $0.commitments.indices {
        for s in $0.commitments[c].scores.indices where $0.commitments[c].scores[s].scale == "completion" {
          $0.commitments[c].scores[s].title.en = "Done"
        }
      }
    },
    Edit(description: "correction dropped", path: "$.commitments[1].scores[4].history[1]") {
      let s = $0.commitments[1].scores[4]
      $0.commitments[1].scores[4] = Report.ScaleScore(
        scale: s.scale, ogpColumn: s.ogpColumn, ogpValueColumns: s.ogpValueColumns, title: s.title, phase: s.phase,
        history: Array(s.history.dropLast()))!
    },
    Edit(description: "derived indicator", path: "$.commitments[1].indicators.high-completion") {
      $0.commitments[1].indicators["high-completion"] = .no
    },
    Edit(description: "plan aggregate", path: "$.aggregates[0].value.count") { $0.aggregates[0].value.count += 1 },
    Edit(description: "plan title", path: "$.plan.title.es") { $0.plan.title?.es = "Un plan ejemplar" },
    Edit(description: "commitment title", path: "$.commitments[0].title.es") {
      $0.commitments[0].title.es = "Otro título"
    },
    Edit(description: "commitment added", path: "$.commitments[11]") {
      var fake = $0.commitments[0]
      fake.id = "FAKE0001"
      $0.commitments.append(fake)
    },
    Edit(description: "commitment dropped", path: "$.commitments[10]") { $0.commitments.removeLast() },
    Edit(description: "member code", path: "$.plan.memberCode") { $0.plan.memberCode = "CLMPU" },
    Edit(description: "rubric id", path: "$.rubric.id") { $0.rubric.id = "irm-2021" },
    Edit(description: "rubric version", path: "$.rubric.version") { $0.rubric.version = "9" },
    Edit(description: "monitor name", path: "$.monitor.name") { $0.monitor.name = "Someone Trusted" },
    Edit(description: "monitor e-mail", path: "$.monitor.email") { $0.monitor.email = "trusted@example.org" },
    Edit(description: "missing-scale list", path: "$.commitments[2].missing[0]") {
      $0.commitments[2].missing.removeFirst()
    },
    Edit(description: "evidence item dropped", path: "$.evidence[0].entry") { $0.evidence.removeFirst() },
    Edit(description: "evidence item altered", path: "$.evidence[0].record.title") {
      $0.evidence[0].record.title = "Official confirmation"
    },
  ]

  /// The same scale score with its current entry changed.
  static func rewrite(_ score: Report.ScaleScore, _ change: (inout Report.ScoreEntry) -> Void) -> Report.ScaleScore {
    var history = score.history
    change(&history[history.count - 1])
    return Report.ScaleScore(
      scale: score.scale, ogpColumn: score.ogpColumn, ogpValueColumns: score.ogpValueColumns, title: score.title,
      phase: score.phase, history: history)!
  }

  /// Re-signs each edit of `original` with the monitor's own key and expects verify to fail at the
  /// content step, naming the edit's JSON path.
  static func expectEachEditFails(
    _ original: Report, _ edits: [(String, (inout Report) -> Void)], key: MonitorKey, trust: URL
  ) throws {
    for (path, edit) in edits {
      var report = original
      edit(&report)
      let folder = try resigned(report, key: key)
      let result = ReportVerifier.verify(folder.appendingPathComponent("report.json"), options: .init(trust: trust))
      #expect(result.firstFailure?.detail == "\(path) differs from what the ledger derives", "\(path): \(result.steps)")
    }
  }

  /// A report folder holding the edited report signed by the monitor's own key, every signature included.
  static func resigned(_ report: Report, key: MonitorKey) throws -> URL {
    let folder = TestSupport.temporaryFolder("adversary")
    let json = try ReportDerivation.encode(report)
    try json.write(to: folder.appendingPathComponent("report.json"))
    try Data(try SSHSignature.sign(json, namespace: SSHSignature.reportNamespace, key: key).utf8)
      .write(to: folder.appendingPathComponent("report.json.sshsig"))
    try key.sign(json).write(to: folder.appendingPathComponent("report.json.sig"))
    try Data(try OpenPGP.sign(json, key: key, created: 1_700_000_000).utf8)
      .write(to: folder.appendingPathComponent("report.json.asc"))
    return folder
  }

  @Test("the fixture's paths exist and the unedited re-encoding verifies")
  func baseline() throws {
    let f = try ReportFixture()
    let key = try KeyFile.read(URL(fileURLWithPath: f.key), passphrase: { "" })
    let report = try JSONDecoder().decode(Report.self, from: Data(contentsOf: f.report))
    #expect(report.commitments[1].scores[4].scale == "completion")
    #expect(report.commitments[1].indicators["high-completion"] == .yes)
    #expect(report.commitments[1].scores[4].history.count == 2)
    #expect(report.commitments[2].missing.count > 0)
    #expect(report.evidence.last?.record.id == f.minutes && report.evidence.last?.record.fileName == "minutes.txt")
    let folder = try Self.resigned(report, key: key)
    let trust = f.keys.appendingPathComponent("allowed_signers")
    let result = ReportVerifier.verify(folder.appendingPathComponent("report.json"), options: .init(trust: trust))
    #expect(result.verified, "\(result.steps)")
  }

  @Test("each edit fails verify at the content step, naming its path; publish and import refuse it", arguments: edits)
  func edit(_ edit: Edit) throws {
    let f = try ReportFixture()
    let key = try KeyFile.read(URL(fileURLWithPath: f.key), passphrase: { "" })
    var report = try JSONDecoder().decode(Report.self, from: Data(contentsOf: f.report))
    edit.apply(&report)
    let folder = try Self.resigned(report, key: key)
    let url = folder.appendingPathComponent("report.json")
    let trust = f.keys.appendingPathComponent("allowed_signers")
    let result = ReportVerifier.verify(url, options: .init(trust: trust))
    #expect(!result.verified)
    #expect(result.firstFailure?.name == "report content matches the ledger", "\(result.steps)")
    #expect(result.firstFailure?.detail == "\(edit.path) differs from what the ledger derives", "\(result.steps)")
    #expect(throws: PublishError.self) {
      try SitePublisher.publish(
        report: folder, keys: f.keys, evidence: nil, to: TestSupport.temporaryFolder().appendingPathComponent("site"))
    }
    let trustFile = TestSupport.temporaryFolder().appendingPathComponent("trust")
    try Data(SSHSignature.allowedSigners(principal: "CLPLN", key: key).utf8).write(to: trustFile)
    let imported = try DatasetImporter(inputs: [url], trust: trustFile)
    #expect(imported.accepted.isEmpty && imported.refused.count == 1 && imported.dataset.rows.isEmpty)
    #expect(imported.refused.first?.reason.hasPrefix("report content matches the ledger") == true)
  }

  @Test("replaced signed inputs are caught: another plan, an edited ledger line, an extra line, a backdated report")
  func inputs() throws {
    let f = try ReportFixture()
    let key = try KeyFile.read(URL(fileURLWithPath: f.key), passphrase: { "" })
    let original = try JSONDecoder().decode(Report.self, from: Data(contentsOf: f.report))
    let trust = f.keys.appendingPathComponent("allowed_signers")
    func check(_ change: (inout Report) -> Void, step: String, detail: String) throws {
      var report = original
      change(&report)
      let url = try Self.resigned(report, key: key).appendingPathComponent("report.json")
      let failure = ReportVerifier.verify(url, options: .init(trust: trust)).firstFailure
      #expect(failure?.name == step, "\(String(describing: failure))")
      #expect(failure?.detail.contains(detail) == true, "\(String(describing: failure))")
    }
    try check(
      { $0.inputs.plan = Data("{}".utf8).base64EncodedString() }, step: "report content matches the ledger",
      detail: "field 'inputs.plan'")
    let scored = try #require(original.inputs.ledger.firstIndex { $0.contains("[\"yes\"]") })
    try check(
      { $0.inputs.ledger[scored] = $0.inputs.ledger[scored].replacingOccurrences(of: "[\"yes\"]", with: "[\"no\"]") },
      step: "ledger entries", detail: "do not hash to the checkpoint root")
    try check({ $0.inputs.ledger.append("{}") }, step: "ledger entries", detail: "the checkpoint signed")
    try check(
      { $0.generated = "2001-01-01T00:00:00Z" }, step: "report content matches the ledger",
      detail: "field 'generated': '2001-01-01T00:00:00Z' is not a UTC time at or after the last ledger entry")
    try check(
      {
        $0.inputs.checkpoint = $0.inputs.checkpoint.replacingOccurrences(
          of: "\n\(original.checkpoint.size)\n", with: "\n\(original.checkpoint.size + 10)\n")
      },
      step: "checkpoint signature", detail: "inputs.checkpoint")
  }

  @Test(
    "a report of an earlier format is refused with its reason, in both languages",
    arguments: [
      (Report.formatTagV1, "cannot be re-derived", "no se puede volver a derivar"),
      (Report.formatTagV2, "the format before this one", "el formato anterior a este"),
    ])
  func oldFormat(_ tag: String, _ english: String, _ spanish: String) throws {
    let f = try ReportFixture()
    let key = try KeyFile.read(URL(fileURLWithPath: f.key), passphrase: { "" })
    var report = try JSONDecoder().decode(Report.self, from: Data(contentsOf: f.report))
    report.format = tag
    let url = try Self.resigned(report, key: key).appendingPathComponent("report.json")
    let failure = ReportVerifier.verify(url).firstFailure
    #expect(failure?.name == "report format")
    #expect(failure?.detail.contains(english) == true, "\(failure?.detail ?? "")")
    #expect(failure?.spanishDetail.contains(spanish) == true, "\(failure?.spanishDetail ?? "")")
  }
}
