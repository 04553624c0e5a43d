import Foundation
import VeedorExport
import VeedorLedger
import VeedorRecords
import VeedorSigning
import VeedorVerify
import VeedorWorkspace

/// `veedor-bench scaling [MAX]`: each command's time on the bundled workspace grown to 10^3, 10^4, …
/// entries (half evidence, half notes), so the growth of each is visible. In process, release build.
struct ScalingBench {
  let max: Int

  /// The bundled workspace grown to `size` entries.
  func workspace(size: Int, in folder: URL) throws -> URL {
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("evidence")
    let root = folder.appendingPathComponent("ws-\(size)")
    try FileManager.default.copyItem(at: source, to: root)
    let ledger = root.appendingPathComponent("ledger.jsonl")
    var lines = try Data(contentsOf: ledger).split(separator: 0x0A).map { Data($0) }
    var evidence = try LedgerState.replay(lines, file: "ledger").evidence.count
    let time = Date(timeIntervalSince1970: 1_700_000_000)
    let encoder = Act.lineEncoder()
    var previous = lines.last.map { RFC6962.leafHex($0) }
    while lines.count < size {
      var act = Act(after: [], type: lines.count % 2 == 0 ? .evidenceAdded : .note, time: time)
      act.seq = lines.count
      act.prev = previous
      if act.type == .evidenceAdded {
        evidence += 1
        var record = EvidenceRecord(
          id: "E\(evidence)", commitment: "CLPLN0001", kind: .webpage, title: "Page \(evidence)")
        record.url = "https://example.org/\(evidence)"
        act.evidence = record
      } else {
        act.note = NoteRecord(commitment: "CLPLN0002", text: "Check-in \(lines.count)")
      }
      let line = try act.line(using: encoder)
      previous = RFC6962.leafHex(line)
      lines.append(line)
    }
    try Data(lines.map { $0 + Data([0x0A]) }.joined()).write(to: ledger)
    try? FileManager.default.removeItem(at: root.appendingPathComponent("ledger.jsonl.head"))
    return root
  }

  func run() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("veedor-bench-scaling-\(getpid())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let key = MonitorKey.generate(name: "Bench Monitor", created: 1_700_000_000)
    let now = Date(timeIntervalSince1970: 1_700_000_100)
    print(
      "| entries | first read (full replay, writes the snapshot) | note (append) | status | checkpoint | report export | verify |"
    )
    print("|---|---|---|---|---|---|---|")
    var size = 1_000
    while size <= max {
      let root = try workspace(size: size, in: folder)
      let ws = try Workspace.open(root)
      let rebuild = try time { _ = try ws.currentState() }
      let note = try time { try ws.addNote("one more", commitment: nil, now: now) }
      let status = try time { _ = StatusReport(workspace: ws, state: try ws.currentState()) }
      let checkpoint = try time { _ = try CheckpointStore(workspace: ws).sign(ws, key: key) }
      let out = folder.appendingPathComponent("report-\(size)")
      let export = try time { _ = try ReportExporter.export(workspace: ws, key: key, to: out, languages: [], now: now) }
      var options = ReportVerifier.Options(maxBytes: 1 << 40)
      options.renderings = false
      let verify = time { _ = ReportVerifier.verify(out.appendingPathComponent("report.json"), options: options) }
      let cells = [rebuild, note, status, checkpoint, export, verify].map { String(format: "%.3f s", $0) }
      print("| \(size) | " + cells.joined(separator: " | ") + " |")
      size *= 10
    }
  }
}
