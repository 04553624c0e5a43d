import Foundation
import VeedorReports

/// The outcome of `veedor verify`: one step per check, and the verdict.
public struct ReportVerification: Codable, Sendable {
  /// One check.
  public struct Step: Codable, Sendable {
    /// Short name, e.g. "report signature".
    public var name: String
    /// true passed, false failed, nil not requested.
    public var ok: Bool?
    /// What was checked or what is wrong.
    public var detail: String
  }

  /// The report file checked.
  public var report: String
  /// Every step, in order.
  public var steps: [Step]
  /// Whether the signer's identity was checked against a trust file.
  public var identityChecked: Bool
  /// The signer's Ed25519 public key (hex), once the signature verified.
  public var signer: String?
  /// The principal pattern lists the trust file grants the signer (member codes, `*` for any), one per line.
  public var principals: [String] = []
  /// What the trust file grants the signer, once the signature verified against it.
  public var grant: TrustFile.Grant?
  /// The report, once it parsed (not part of the JSON output).
  public var parsed: Report?
  /// SHA-256 (hex) of the exact `report.json` bytes that were read and checked.
  public var sha256: String?
  /// The exact bytes that were verified: `report.json` and each signature file read beside it.
  public var files: [String: Data] = [:]

  private enum CodingKeys: String, CodingKey {
    case report, steps, identityChecked, signer, principals, sha256
  }

  /// True when every requested step passed.
  public var verified: Bool { !steps.isEmpty && steps.allSatisfy { $0.ok != false } }

  /// The first failed step.
  public var firstFailure: Step? { steps.first { $0.ok == false } }

  mutating func pass(_ name: String, _ detail: String) { steps.append(Step(name: name, ok: true, detail: detail)) }
  mutating func fail(_ name: String, _ detail: String) { steps.append(Step(name: name, ok: false, detail: detail)) }
  mutating func skip(_ name: String, _ detail: String) { steps.append(Step(name: name, ok: nil, detail: detail)) }
}
