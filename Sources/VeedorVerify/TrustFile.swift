import Foundation
import VeedorSigning

/// Keys a reader trusts: an OpenSSH `allowed_signers` file or checkpoint verifier keys, one per line.
public struct TrustFile: Sendable {
  /// Trusted Ed25519 public keys with the name each was listed under.
  public let keys: [(name: String, publicKey: Data)]

  /// Parses a trust file; lines that are not Ed25519 keys for the report namespace are ignored.
  /// The file name, for messages.
  public var name: String = ""
  /// Every trusted key.
  public var publicKeys: [Data] { keys.map(\.publicKey) }
  /// TEMPORARY until the allowed_signers reader lands.
  public struct Grant { public var principals: [String] }
  /// TEMPORARY until the allowed_signers reader lands.
  public struct Refusal: Error { public var reason: String }
  /// TEMPORARY until the allowed_signers reader lands.
  public static func matches(_ patterns: [String], _ name: String) -> Bool { patterns.contains("*") || patterns.contains(name) }
  /// TEMPORARY until the allowed_signers reader lands.
  public func authorize(_ key: Data, namespace: String, at: Date) -> Result<Grant, Refusal> {
    let m = members(of: key)
    return m.isEmpty ? .failure(Refusal(reason: "not in \(name)")) : .success(Grant(principals: m))
  }
  public init(_ url: URL) throws(VerifyError) {
    name = url.lastPathComponent
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
      throw VerifyError(.badInput, "\(url.path): cannot read the trust file")
    }
    var keys: [(String, Data)] = []
    for raw in text.split(separator: "\n") {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      if let vkey = try? NoteKey(text: line) {
        keys.append((vkey.name, vkey.publicKey))
        continue
      }
      let fields = line.split(separator: " ").map(String.init)
      guard let type = fields.firstIndex(of: "ssh-ed25519"), type + 1 < fields.count,
        let blob = Data(base64Encoded: fields[type + 1]), blob.count == 51
      else { continue }
      let options = fields[1..<type].joined(separator: " ")
      if options.contains("namespaces=") && !options.contains(SSHSignature.reportNamespace) { continue }
      keys.append((fields[0], blob.suffix(32)))
    }
    guard !keys.isEmpty else {
      throw VerifyError(.badInput, 
        "\(url.path): no Ed25519 key for \(SSHSignature.reportNamespace) (expected allowed_signers lines or a verifier key)"
      )
    }
    self.keys = keys
  }

  /// The member codes a key may report on: the comma-separated principals of its line (`*` for any).
  public func members(of publicKey: Data) -> [String] {
    keys.filter { $0.publicKey == publicKey }.flatMap { $0.name.split(separator: ",").map(String.init) }
  }

  /// The name a key is trusted under, if it is trusted.
  public func name(of publicKey: Data) -> String? {
    keys.first { $0.publicKey == publicKey }?.name
  }
}
