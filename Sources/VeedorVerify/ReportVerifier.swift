import Crypto
import Foundation
import VeedorLedger
import VeedorReports
import VeedorSigning
import VeedorTiles

/// Checks a signed report the way civil society does, trusting nothing but the given files.
public enum ReportVerifier {
  /// The largest `report.json` read by default: 64 MiB.
  public static let defaultMaxBytes: Int64 = 64 << 20
  /// The largest signature file read beside a report.
  static let maxSignatureBytes: Int64 = 64 << 10

  /// What to check besides the report itself.
  public struct Options: Sendable {
    /// Trusted keys (allowed_signers or verifier keys); without it only integrity is checked.
    public var trust: URL?
    /// A folder holding the evidence files (by SHA-256, `ab/abcd…`, or original name).
    public var evidenceDir: URL?
    /// The monitor's full ledger.jsonl.
    public var ledger: URL?
    /// An older signed checkpoint the report must extend.
    public var since: URL?
    /// A report larger than this is refused before it is read.
    public var maxBytes: Int64
    /// The time trust-file validity windows are checked at.
    public var now: Date
    /// A tiled log (URL prefix or folder) the report's checkpoint must be a prefix of.
    public var log: String?
    /// The witnesses and quorum the report's (and the log's) checkpoint must be cosigned by.
    public var witnessPolicy: WitnessPolicy?
    /// Whether to check the readable copies beside the report (an import of data does not need them).
    public var renderings = true

    /// Creates options.
    public init(
      trust: URL? = nil, evidenceDir: URL? = nil, ledger: URL? = nil, since: URL? = nil,
      maxBytes: Int64 = ReportVerifier.defaultMaxBytes, now: Date = Date(), log: String? = nil,
      witnessPolicy: WitnessPolicy? = nil
    ) {
      self.log = log
      self.witnessPolicy = witnessPolicy
      self.trust = trust
      self.evidenceDir = evidenceDir
      self.ledger = ledger
      self.since = since
      self.maxBytes = maxBytes
      self.now = now
    }
  }

  /// Reads a trust file once, for callers that verify many reports against it.
  public static func loadTrust(_ url: URL) throws(VerifyError) -> TrustFile { try TrustFile(url) }

  /// Runs every requested check; failures are steps, never thrown.
  public static func verify(_ reportURL: URL, options: Options = Options()) -> ReportVerification {
    var result = ReportVerification(report: reportURL.path, steps: [], identityChecked: options.trust != nil)
    var trust: TrustFile?
    if let url = options.trust {
      do { trust = try TrustFile(url) } catch {
        result.fail(.signature, error.description, es: error.spanishDescription)
        return result
      }
    }
    return verify(reportURL, options: options, trust: trust, into: result)
  }

  /// Runs every requested check with an already-read trust file.
  public static func verify(_ reportURL: URL, options: Options, trust: TrustFile?) -> ReportVerification {
    let result = ReportVerification(report: reportURL.path, steps: [], identityChecked: trust != nil)
    return verify(reportURL, options: options, trust: trust, into: result)
  }

  private static func verify(
    _ reportURL: URL, options: Options, trust: TrustFile?, into start: ReportVerification
  ) -> ReportVerification {
    var result = start
    guard let bytes = readReport(reportURL, options.maxBytes, &result) else { return result }
    result.files["report.json"] = bytes
    let signer = SignatureChecks(url: reportURL, bytes: bytes, trust: trust, now: options.now).run(&result)
    if result.sha256 == nil { result.sha256 = ReportInputs.sha256(bytes) }
    guard let signer else { return result }
    result.signer = signer.hexString
    guard let head = ContentChecks.decode(bytes, &result) else { return result }
    guard let checkpoint = ContentChecks.checkpoint(head.inputs, signer, &result),
      let (lines, leaves) = ContentChecks.entries(head.inputs, checkpoint, &result),
      let report = ContentChecks.content(head, lines, leaves, checkpoint, bytes, signer, &result)
    else {
      ContentChecks.recheck(bytes, &result)
      return result
    }
    // The file's bytes are this report's encoding: it is the report the file holds.
    result.parsed = report
    EvidenceChecks.run(report, options.evidenceDir, &result)
    LedgerChecks.run(report, checkpoint, options.ledger, &result)
    LedgerChecks.since(lines, checkpoint, signer, options, &result)
    LogChecks.offlineProof(reportURL, report, lines, checkpoint, &result)
    LogChecks.witnesses(report, options.witnessPolicy, &result)
    LogChecks.log(report, checkpoint, signer, options, &result)
    if options.renderings { RenderingChecks.run(reportURL, report, &result) }
    return result
  }

  /// The report's bytes, refused unread when over the limit.
  private static func readReport(_ url: URL, _ limit: Int64, _ result: inout ReportVerification) -> Data? {
    do {
      let bytes = try BoundedRead.contents(of: url, limit: limit)
      result.pass(
        .reportFile, "\(bytes.count) bytes, within the limit of \(limit) bytes",
        es: "\(bytes.count) bytes, dentro del límite de \(limit) bytes")
      return bytes
    } catch {
      switch error {
      case .tooLarge(let size, let limit):
        result.fail(
          .reportFile, "\(size) bytes, over the limit of \(limit) bytes; not read (raise it with --max-report-size)",
          es: "\(size) bytes, sobre el límite de \(limit) bytes; no se leyó (auméntelo con --max-report-size)")
      case .notAFile:
        result.fail(.reportFile, "\(url.path) is not a regular file", es: "\(url.path) no es un archivo regular")
      case .unreadable(let why):
        result.fail(.reportFile, "cannot read \(url.path): \(why)", es: "no se puede leer \(url.path): \(why.es)")
      }
      return nil
    }
  }
}
