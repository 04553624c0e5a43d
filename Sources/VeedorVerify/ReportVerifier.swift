import Crypto
import Foundation
import VeedorLedger
import VeedorReports
import VeedorSigning
import VeedorWorkspace

/// Checks a signed report the way civil society does, trusting nothing but the given files.
public enum ReportVerifier {
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

    /// Creates options.
    public init(trust: URL? = nil, evidenceDir: URL? = nil, ledger: URL? = nil, since: URL? = nil) {
      self.trust = trust
      self.evidenceDir = evidenceDir
      self.ledger = ledger
      self.since = since
    }
  }

  /// Runs every requested check; failures are steps, never thrown.
  public static func verify(_ reportURL: URL, options: Options = Options()) -> ReportVerification {
    var result = ReportVerification(report: reportURL.path, steps: [], identityChecked: options.trust != nil)
    guard let bytes = try? Data(contentsOf: reportURL) else {
      result.fail("report", "cannot read \(reportURL.path)")
      return result
    }
    guard let report = try? JSONDecoder().decode(ReportV1.self, from: bytes), report.format == ReportV1.formatTag else {
      result.fail("report", "\(reportURL.path) is not a \(ReportV1.formatTag) report")
      return result
    }
    result.parsed = report
    guard let signer = checkSignature(bytes, report, reportURL, options, &result) else { return result }
    result.signer = signer.hexString
    guard let checkpoint = checkCheckpoint(report, signer, &result) else { return result }
    EntryChecks(report: report, checkpoint: checkpoint).run(&result)
    EvidenceChecks.run(report, options.evidenceDir, &result)
    LedgerChecks.run(report, checkpoint, options.ledger, &result)
    LedgerChecks.since(report, checkpoint, signer, options, &result)
    return result
  }

  private static func checkSignature(
    _ bytes: Data, _ report: ReportV1, _ url: URL, _ options: Options, _ result: inout ReportVerification
  ) -> Data? {
    let name = "report signature"
    let claimed = report.monitor.publicKey.split(separator: " ").dropFirst().first
      .flatMap { Data(base64Encoded: String($0)) }.map { Data($0.suffix(32)) }
    var signer: Data?
    var how = ""
    let sshsig = URL(fileURLWithPath: url.path + ".sshsig")
    let raw = URL(fileURLWithPath: url.path + ".sig")
    if let armoured = try? String(contentsOf: sshsig, encoding: .utf8) {
      signer = SSHSignature.verify(armoured, message: bytes, namespace: SSHSignature.reportNamespace)
      how = "SSHSIG (\(SSHSignature.reportNamespace))"
      if signer == nil {
        result.fail(
          name,
          "\(sshsig.lastPathComponent) does not verify over report.json in namespace \(SSHSignature.reportNamespace)")
        return nil
      }
    } else if let sig = try? Data(contentsOf: raw) {
      let candidates = (try? options.trust.map { try TrustFile($0).publicKeys }) ?? nil
      signer = (candidates ?? [claimed].compactMap { $0 }).first { key in
        (try? Curve25519.Signing.PublicKey(rawRepresentation: key))?.isValidSignature(sig, for: bytes) == true
      }
      how = "raw Ed25519"
      if signer == nil {
        result.fail(name, "\(raw.lastPathComponent) does not verify over report.json")
        return nil
      }
    } else {
      result.fail(
        name, "no signature: expected \(sshsig.lastPathComponent) or \(raw.lastPathComponent) beside the report")
      return nil
    }
    guard let signer else { return nil }
    if let trustURL = options.trust {
      do {
        switch try TrustFile(trustURL).authorize(signer, namespace: SSHSignature.reportNamespace, at: Date()) {
        case .success(let grant):
          result.pass(name, "\(how) signature by \(grant), a key trusted in \(trustURL.lastPathComponent)")
        case .failure(let refusal):
          let file = trustURL.lastPathComponent
          let why = refusal.kind == .unknownKey ? "by a key not in \(file)" : "\(file) does not trust the key here"
          result.fail(name, "valid \(how) signature, but \(why): \(refusal.reason)")
          return nil
        }
      } catch {
        result.fail(name, error.description)
        return nil
      }
    } else {
      guard signer == claimed else {
        result.fail(name, "signed by a key other than the one the report names")
        return nil
      }
      result.pass(
        name, "\(how) signature by the key the report names (integrity only: identity NOT checked; pass --trust FILE)")
    }
    return signer
  }

  private static func checkCheckpoint(_ report: ReportV1, _ signer: Data, _ result: inout ReportVerification)
    -> Checkpoint?
  {
    let name = "checkpoint signature"
    guard let note = try? SignedNote(parsing: report.checkpoint.note),
      let checkpoint = try? Checkpoint(text: note.text),
      let key = try? NoteKey(name: checkpoint.origin, publicKey: signer)
    else {
      result.fail(name, "the embedded checkpoint is not a valid signed note")
      return nil
    }
    guard note.isSigned(by: key) else {
      result.fail(name, "the embedded checkpoint is not signed by the report's signer (\(key))")
      return nil
    }
    guard checkpoint.size == report.checkpoint.size, checkpoint.origin == report.checkpoint.origin,
      checkpoint.root.base64EncodedString() == report.checkpoint.root
    else {
      result.fail(name, "the report's checkpoint fields differ from its signed note")
      return nil
    }
    result.pass(name, "\(checkpoint.origin), \(checkpoint.size) entries, signed by \(key)")
    return checkpoint
  }
}
