import Foundation
import VeedorRecords
import VeedorReports

/// `veedor-bench json REPORT`: the canonical writer and reader on one signed report, beside
/// `JSONEncoder` and `JSONDecoder` doing the same work in the same run.
struct JSONBench {
  let report: URL
  let rounds = 200

  func run() throws {
    let bytes = try Data(contentsOf: report)
    let decoded = try JSONDecoder().decode(Report.self, from: bytes)
    let lines = decoded.inputs.ledgerLines
    func perRound(_ work: () throws -> Void) rethrows -> Double {
      try work()
      return try time { for _ in 0..<rounds { try work() } } / Double(rounds)
    }
    let canonical = try perRound { _ = try ReportDerivation.encode(decoded) }
    let foundation = try perRound { _ = try ReportDerivation.encodeWithFoundation(decoded) }
    let replay = try perRound { _ = try LedgerState.replay(lines, file: "inputs.ledger") }
    let (decoder, encoder) = (JSONDecoder(), JSONEncoder())
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let foundationLines = try perRound {
      for line in lines { _ = try encoder.encode(try decoder.decode(Act.self, from: line)) }
    }
    func ms(_ seconds: Double) -> String { String(format: "%.3f ms", seconds * 1000) }
    print("JSON benchmark: \(report.path), \(bytes.count) bytes, \(lines.count) ledger lines, \(rounds) rounds")
    print("")
    print("| figure | Veedor | reference (same run) | ratio |")
    print("|---|---|---|---|")
    print(
      "| encode the report (canonical writer) | \(ms(canonical)) | `JSONEncoder` (sorted keys): \(ms(foundation)) | \(String(format: "%.2f×", canonical / foundation)) |"
    )
    print(
      "| replay its ledger lines (read, canonical check, apply) | \(ms(replay)) | `JSONDecoder` + `JSONEncoder` of the same lines: \(ms(foundationLines)) | \(String(format: "%.2f×", replay / foundationLines)) |"
    )
  }
}
