import Crypto
import Foundation
import VeedorLedger
import VeedorSigning

/// Step 1: the signatures beside `report.json` verify over its raw bytes, before any JSON is decoded.
struct SignatureChecks {
  let url: URL
  let bytes: Data
  let trust: TrustFile?
  let now: Date
  let name = "report signature"

  /// The signer's raw Ed25519 key once every signature present verifies and the key is trusted.
  func run(_ result: inout ReportVerification) -> Data? {
    let sshsigURL = URL(fileURLWithPath: url.path + ".sshsig")
    let rawURL = URL(fileURLWithPath: url.path + ".sig")
    let sshsig = try? BoundedRead.contents(of: sshsigURL, limit: ReportVerifier.maxSignatureBytes)
    let raw = try? BoundedRead.contents(of: rawURL, limit: ReportVerifier.maxSignatureBytes)
    var signer: Data?
    var how: [String] = []
    if let sshsig {
      result.files["report.json.sshsig"] = sshsig
      guard
        let key = SSHSignature.verify(
          String(decoding: sshsig, as: UTF8.self), message: bytes, namespace: SSHSignature.reportNamespace)
      else {
        result.fail(
          name,
          "\(sshsigURL.lastPathComponent) does not verify over report.json in namespace \(SSHSignature.reportNamespace)"
        )
        return nil
      }
      signer = key
      how.append("SSHSIG (\(SSHSignature.reportNamespace))")
    }
    if let raw {
      result.files["report.json.sig"] = raw
      let candidates = signer.map { [$0] } ?? trust?.publicKeys ?? []
      guard let key = candidates.first(where: { Self.verifies(raw, bytes, $0) }) else {
        result.fail(
          name,
          signer == nil && trust == nil
            ? "only a raw signature (\(rawURL.lastPathComponent)): pass --trust FILE to name the key to check it with"
            : "\(rawURL.lastPathComponent) does not verify over report.json by \(signer == nil ? "any trusted key" : "the SSHSIG signer")"
        )
        return nil
      }
      signer = key
      how.append("raw Ed25519")
    }
    guard let signer else {
      result.fail(
        name, "no signature: expected \(sshsigURL.lastPathComponent) or \(rawURL.lastPathComponent) beside the report")
      return nil
    }
    // The OpenPGP signature beside it must be by the same key too: a folder is verified whole.
    let ascURL = URL(fileURLWithPath: url.path + ".asc")
    if let asc = try? BoundedRead.contents(of: ascURL, limit: ReportVerifier.maxSignatureBytes) {
      result.files["report.json.asc"] = asc
      guard OpenPGPVerifier.verify(String(decoding: asc, as: UTF8.self), message: bytes, publicKey: signer) else {
        result.fail(name, "\(ascURL.lastPathComponent) does not verify over report.json by the same key")
        return nil
      }
      how.append("OpenPGP")
    }
    let fingerprint = MonitorKey.sshFingerprint(signer)
    guard let trust else {
      result.pass(
        name,
        "\(how.joined(separator: " and ")) signature by \(fingerprint) (integrity only: identity NOT checked; pass --trust FILE)"
      )
      return signer
    }
    switch trust.authorize(signer, namespace: SSHSignature.reportNamespace, at: now) {
    case .success(let grant):
      result.principals = grant.principals
      result.grant = grant
      result.pass(
        name,
        "\(how.joined(separator: " and ")) signature by \(fingerprint), trusted in \(URL(fileURLWithPath: trust.path).lastPathComponent) for \(grant)"
      )
      return signer
    case .failure(let refusal):
      result.fail(name, "valid signature by \(fingerprint), but \(refusal.reason)")
      return nil
    }
  }

  static func verifies(_ signature: Data, _ message: Data, _ key: Data) -> Bool {
    (try? Curve25519.Signing.PublicKey(rawRepresentation: key))?.isValidSignature(signature, for: message) == true
  }
}
