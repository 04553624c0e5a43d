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
  let name = StepName.signature

  /// The signer's raw Ed25519 key once every signature present verifies and the key is trusted.
  func run(_ result: inout ReportVerification) -> Data? {
    let sshsigURL = URL(fileURLWithPath: url.path + ".sshsig")
    let rawURL = URL(fileURLWithPath: url.path + ".sig")
    let sshsig = try? BoundedRead.contents(of: sshsigURL, limit: ReportVerifier.maxSignatureBytes)
    let raw = try? BoundedRead.contents(of: rawURL, limit: ReportVerifier.maxSignatureBytes)
    var signer: Data?
    var how: [String] = []
    var howES: [String] = []
    if let sshsig {
      result.files["report.json.sshsig"] = sshsig
      guard
        let key = SSHSignature.verify(
          String(decoding: sshsig, as: UTF8.self), message: bytes, namespace: SSHSignature.reportNamespace)
      else {
        result.fail(
          name,
          "\(sshsigURL.lastPathComponent) does not verify over report.json in namespace \(SSHSignature.reportNamespace)",
          es:
            "\(sshsigURL.lastPathComponent) no se verifica sobre report.json en el espacio de nombres \(SSHSignature.reportNamespace)"
        )
        return nil
      }
      signer = key
      how.append("SSHSIG (\(SSHSignature.reportNamespace))")
      howES.append("SSHSIG (\(SSHSignature.reportNamespace))")
    }
    if let raw {
      result.files["report.json.sig"] = raw
      let candidates = signer.map { [$0] } ?? trust?.publicKeys ?? []
      guard let key = candidates.first(where: { Self.verifies(raw, bytes, $0) }) else {
        result.fail(
          name,
          signer == nil && trust == nil
            ? "only a raw signature (\(rawURL.lastPathComponent)): pass --trust FILE to name the key to check it with"
            : "\(rawURL.lastPathComponent) does not verify over report.json by \(signer == nil ? "any trusted key" : "the SSHSIG signer")",
          es: signer == nil && trust == nil
            ? "solo hay una firma Ed25519 sin formato (\(rawURL.lastPathComponent)): indique --trust FILE para nombrar la clave con que comprobarla"
            : "\(rawURL.lastPathComponent) no se verifica sobre report.json con \(signer == nil ? "ninguna clave de confianza" : "la clave de la firma SSHSIG")"
        )
        return nil
      }
      signer = key
      how.append("raw Ed25519")
      howES.append("Ed25519 sin formato")
    }
    guard let signer else {
      result.fail(
        name, "no signature: expected \(sshsigURL.lastPathComponent) or \(rawURL.lastPathComponent) beside the report",
        es:
          "no hay firma: se esperaba \(sshsigURL.lastPathComponent) o \(rawURL.lastPathComponent) junto al informe")
      return nil
    }
    // The OpenPGP signature beside it must be by the same key too: a folder is verified whole.
    let ascURL = URL(fileURLWithPath: url.path + ".asc")
    if let asc = try? BoundedRead.contents(of: ascURL, limit: ReportVerifier.maxSignatureBytes) {
      result.files["report.json.asc"] = asc
      var digest: Data?
      let valid = OpenPGPVerifier.verify(
        String(decoding: asc, as: UTF8.self), message: bytes, publicKey: signer, messageSHA256: &digest)
      // The report's own SHA-256 came with the signature's: the bytes are not hashed again for it.
      if let digest { result.sha256 = digest.hexString }
      guard valid else {
        result.fail(
          name, "\(ascURL.lastPathComponent) does not verify over report.json by the same key",
          es: "\(ascURL.lastPathComponent) no se verifica sobre report.json con la misma clave")
        return nil
      }
      how.append("OpenPGP")
      howES.append("OpenPGP")
    }
    let fingerprint = MonitorKey.sshFingerprint(signer)
    guard let trust else {
      result.pass(
        name,
        "\(how.joined(separator: " and ")) signature by \(fingerprint) (integrity only: identity NOT checked; pass --trust FILE)",
        es:
          "firma \(Self.spanishList(howES)) de \(fingerprint) (solo integridad: la identidad NO se comprobó; indique --trust FILE)"
      )
      return signer
    }
    switch trust.authorize(signer, namespace: SSHSignature.reportNamespace, at: now) {
    case .success(let grant):
      result.principals = grant.principals
      result.grant = grant
      result.pass(
        name,
        "\(how.joined(separator: " and ")) signature by \(fingerprint), trusted in \(URL(fileURLWithPath: trust.path).lastPathComponent) for \(grant)",
        es:
          "firma \(Self.spanishList(howES)) de \(fingerprint), de confianza en \(URL(fileURLWithPath: trust.path).lastPathComponent) para \(grant.spanishDescription)"
      )
      return signer
    case .failure(let refusal):
      result.fail(
        name, "valid signature by \(fingerprint), but \(refusal.reason)",
        es: "firma válida de \(fingerprint), pero \(refusal.spanishReason)")
      return nil
    }
  }

  /// `a`, `a y b`, `a, b y c`.
  static func spanishList(_ items: [String]) -> String {
    guard let last = items.last, items.count > 1 else { return items.joined() }
    return items.dropLast().joined(separator: ", ") + " y " + last
  }

  static func verifies(_ signature: Data, _ message: Data, _ key: Data) -> Bool {
    (try? Curve25519.Signing.PublicKey(rawRepresentation: key))?.isValidSignature(signature, for: message) == true
  }
}
