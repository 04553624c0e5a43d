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
    /// The name in Spanish (not part of the JSON output).
    public var nameES: String?
    /// The detail in Spanish (not part of the JSON output).
    public var detailES: String?

    private enum CodingKeys: String, CodingKey {
      case name, ok, detail
    }

    /// The name in Spanish, or the English one when the step was decoded from JSON.
    public var spanishName: String { nameES ?? name }
    /// The detail in Spanish, or the English one when the step was decoded from JSON.
    public var spanishDetail: String { detailES ?? detail }
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

  /// Why the report did not verify, in English: `step: detail` of the first failure.
  public var failureReason: String {
    let failure = firstFailure
    return "\(failure?.name ?? "report"): \(failure?.detail ?? "not verified")"
  }

  /// Why the report did not verify, in Spanish: `paso: detalle` of the first failure.
  public var spanishFailureReason: String {
    let failure = firstFailure
    return "\(failure?.spanishName ?? "informe"): \(failure?.spanishDetail ?? "no verificado")"
  }

  mutating func pass(_ name: StepName, _ detail: String, es: String) { add(name, true, detail, es) }
  mutating func fail(_ name: StepName, _ detail: String, es: String) { add(name, false, detail, es) }
  mutating func skip(_ name: StepName, _ detail: String, es: String) { add(name, nil, detail, es) }

  private mutating func add(_ name: StepName, _ ok: Bool?, _ detail: String, _ spanish: String) {
    steps.append(Step(name: name.en, ok: ok, detail: detail, nameES: name.es, detailES: spanish))
  }
}

/// The name of a verification step, in English and in Spanish.
struct StepName: Sendable {
  let en: String
  let es: String

  static let reportFile = StepName(en: "report file", es: "archivo del informe")
  static let signature = StepName(en: "report signature", es: "firma del informe")
  static let format = StepName(en: "report format", es: "formato del informe")
  static let checkpoint = StepName(en: "checkpoint signature", es: "firma del punto de control")
  static let entries = StepName(en: "ledger entries", es: "entradas del registro")
  static let content = StepName(
    en: "report content matches the ledger", es: "el contenido del informe coincide con el registro")
  static let evidence = StepName(en: "evidence files", es: "archivos de evidencia")
  static let fullLedger = StepName(en: "full ledger", es: "registro completo")
  static let since = StepName(
    en: "consistency with an older checkpoint", es: "consistencia con un punto de control anterior")
  static let offlineProof = StepName(en: "offline proof", es: "prueba sin conexión")
  static let witnesses = StepName(en: "witness cosignatures", es: "cofirmas de testigos")
  static let log = StepName(en: "published log", es: "registro publicado")
  static let renderings = StepName(en: "renderings", es: "versiones legibles")
}
