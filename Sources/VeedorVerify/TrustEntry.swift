import Crypto
import Foundation
import VeedorSigning

extension TrustFile {
  /// One well-formed line of a trust file: an `allowed_signers` line or a checkpoint verifier key.
  public struct Entry: Sendable, Hashable {
    /// 1-based line number in the file.
    public var line: Int
    /// The principals pattern list, e.g. `CLPLN,CLMPU` or `CL*` (for a verifier key, its name).
    public var principals: String
    /// The key type as written, e.g. `ssh-ed25519`; `verifier-key` for a C2SP verifier key line.
    public var keyType: String
    /// The 32-byte Ed25519 public key; nil for key types Veedor cannot use (they are skipped).
    public var publicKey: Data?
    /// Whether the line carries `cert-authority` (Veedor does not support certificates).
    public var certAuthority: Bool
    /// The `namespaces=` pattern list; nil when the line allows every namespace.
    public var namespaces: String?
    /// The `valid-after` time: the key is trusted at or after it.
    public var validAfter: Timestamp?
    /// The `valid-before` time: the key is trusted at or before it.
    public var validBefore: Timestamp?
    /// The free text after the key.
    public var comment: String

    /// Whether Veedor can grant anything from this line: an Ed25519 key that is not a certificate authority.
    public var usable: Bool { publicKey != nil && !certAuthority }

    /// Whether this line is a C2SP checkpoint verifier key (any namespace, no validity window).
    public var isVerifierKey: Bool { keyType == Self.verifierKeyType }

    /// OpenSSH's `SHA256:` fingerprint of the Ed25519 key, if it is one.
    public var fingerprint: String? {
      publicKey.map {
        "SHA256:"
          + Data(SHA256.hash(data: SSHWire.publicKeyBlob($0))).base64EncodedString().replacingOccurrences(
            of: "=", with: "")
      }
    }

    /// Why this line grants nothing for `namespace` at `seconds`, or nil when it does.
    func refusal(namespace: String, at seconds: Int64) -> Refusal? {
      if certAuthority {
        return Refusal(
          .certAuthority,
          "line \(line) lists the key only as cert-authority; Veedor does not support certificates, so a key "
            + "listed only via cert-authority is not trusted",
          es: "la línea \(line) lista la clave solo como cert-authority; Veedor no admite certificados, así que una "
            + "clave listada solo mediante cert-authority no es de confianza")
      }
      if let namespaces, !TrustFile.matches(namespace, patterns: namespaces) {
        return Refusal(
          .namespace, "line \(line) allows the key only for namespaces \"\(namespaces)\", not \(namespace)",
          es: "la línea \(line) permite la clave solo para los espacios de nombres \"\(namespaces)\", no \(namespace)")
      }
      if let validAfter, seconds < validAfter.seconds {
        return Refusal(
          .notYetValid,
          "line \(line): key not yet valid (valid-after \(validAfter))",
          es: "línea \(line): la clave aún no es válida (valid-after \(validAfter))"
        )
      }
      if let validBefore, seconds > validBefore.seconds {
        return Refusal(
          .expired,
          "line \(line): key expired (valid-before \(validBefore))",
          es: "línea \(line): la clave expiró (valid-before \(validBefore))")
      }
      return nil
    }

    /// The key type name given to verifier key lines.
    static let verifierKeyType = "verifier-key"

    /// Whether another line grants the same key the same principals with the same options (comments aside).
    func sameGrant(as other: Entry) -> Bool {
      publicKey == other.publicKey && principals == other.principals && keyType == other.keyType
        && certAuthority == other.certAuthority && namespaces == other.namespaces
        && validAfter == other.validAfter && validBefore == other.validBefore
    }

    /// One line for people: `line 3: SHA256:… principals CLPLN,CLMPU; namespaces "…"; valid always; "comment"`.
    public var summary: String {
      var parts = ["line \(line): \(fingerprint ?? keyType)", "principals \(principals)"]
      if isVerifierKey {
        parts.append("checkpoint verifier key (any namespace, always valid)")
      } else {
        parts.append(namespaces.map { "namespaces \"\($0)\"" } ?? "any namespace")
        switch (validAfter, validBefore) {
        case (nil, nil): parts.append("valid always")
        case (let after, let before):
          parts.append("valid from \(after?.description ?? "any time") until \(before?.description ?? "any time")")
        }
      }
      if certAuthority { parts.append("cert-authority: NOT TRUSTED (Veedor does not support certificates)") }
      if publicKey == nil { parts.append("\(keyType) key: not used (Veedor uses only ssh-ed25519 keys)") }
      if !comment.isEmpty { parts.append("comment \"\(comment)\"") }
      return parts.joined(separator: "; ")
    }
  }
}
