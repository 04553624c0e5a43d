import Crypto
import Foundation
import VeedorLedger

/// The signed inputs a report is derived from, carried inside `report.json`.
///
/// `ledger` holds every line the checkpoint covers, so a reader proves completeness by hashing them
/// to the checkpoint root; `plan` and `rubric` are the exact bytes the ledger's first entry pins.
public struct ReportInputs: Codable, Sendable, Hashable {
  /// The signed checkpoint note (C2SP tlog-checkpoint), as stored.
  public var checkpoint: String
  /// `plan.json`, base64 of its exact bytes.
  public var plan: String
  /// `rubric.json`, base64 of its exact bytes.
  public var rubric: String
  /// The ledger's first N lines (N = checkpoint size), each its exact bytes as UTF-8 text, no newline.
  public var ledger: [String]

  /// Creates inputs from raw bytes; fails when a ledger line is not UTF-8 text (it could not round-trip).
  public init(checkpoint: String, plan: Data, rubric: Data, ledger: [Data]) throws(ReportsError) {
    self.checkpoint = checkpoint
    self.plan = plan.base64EncodedString()
    self.rubric = rubric.base64EncodedString()
    var lines: [String] = []
    lines.reserveCapacity(ledger.count)
    for (i, line) in ledger.enumerated() {
      guard let text = String(data: line, encoding: .utf8), Data(text.utf8) == line else {
        throw ReportsError(
          .badInput, "ledger line \(i + 1) is not UTF-8 text", es: "la línea \(i + 1) del registro no es texto UTF-8",
          field: "inputs.ledger[\(i)]")
      }
      lines.append(text)
    }
    self.ledger = lines
  }

  /// The exact ledger line bytes.
  public var ledgerLines: [Data] { ledger.map { Data($0.utf8) } }

  /// The plan bytes, or an error naming the field.
  public func planBytes() throws(ReportsError) -> Data {
    guard let data = Data(base64Encoded: plan) else {
      throw ReportsError(.badInput, "not base64", es: "no está en base64", field: "inputs.plan")
    }
    return data
  }

  /// The rubric bytes, or an error naming the field.
  public func rubricBytes() throws(ReportsError) -> Data {
    guard let data = Data(base64Encoded: rubric) else {
      throw ReportsError(.badInput, "not base64", es: "no está en base64", field: "inputs.rubric")
    }
    return data
  }

  /// Lower-case hex SHA-256 of some bytes.
  public static func sha256(_ data: Data) -> String { Data(SHA256.hash(data: data)).hexString }
}
