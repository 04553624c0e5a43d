import Foundation
import VeedorSigning

/// Keys a reader trusts, read exactly as `ssh-keygen -Y verify` reads an `allowed_signers` file.
///
/// Each line is `principals [options] keytype base64 [comment]`; principals and `namespaces="…"` are OpenSSH
/// pattern lists; `valid-after`/`valid-before` bound when the key is trusted (local time unless they end in
/// `Z`). Only `ssh-ed25519` keys are used; other key types are skipped. A malformed line grants nothing and
/// is listed in `problems`, as ssh-keygen reports it and reads on. A checkpoint verifier key
/// (`name+keyid+base64`) alone on a line is trusted for principal `name` in every namespace.
public struct TrustFile: Sendable {
  /// The file's path, for messages.
  public let path: String
  /// Every well-formed line, in file order.
  public let entries: [Entry]
  /// Malformed lines, each naming file, line and field; they grant nothing.
  public let problems: [VerifyError]

  /// The `namespaces` value Veedor writes: the namespace assessment reports are signed in.
  public static let reportNamespace = SSHSignature.reportNamespace

  /// Reads a trust file; throws `.badInput` when it cannot be read or lists no usable Ed25519 key.
  public init(_ url: URL) throws(VerifyError) {
    guard let data = try? Data(contentsOf: url) else {
      throw VerifyError(
        .badInput, "cannot read the trust file", es: "no se puede leer el archivo de confianza", file: url.path)
    }
    self.init(parsing: data, path: url.path)
    guard entries.contains(where: \.usable) else {
      if let first = problems.first { throw first }
      throw VerifyError(
        .badInput,
        "no usable key: expected allowed_signers lines with ssh-ed25519 keys (not cert-authority) or a verifier key",
        es:
          "no hay ninguna clave utilizable: se esperaban líneas de allowed_signers con claves ssh-ed25519 (no cert-authority) o una clave de verificación",
        file: url.path)
    }
  }

  /// Parses trust-file bytes without requiring a usable key (for tools that edit the file).
  public init(parsing data: Data, path: String) {
    self.path = path
    var entries: [Entry] = []
    var problems: [VerifyError] = []
    for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
      switch TrustLineParser(Array(line), line: index + 1, path: path).parse() {
      case .success(let entry?): entries.append(entry)
      case .success(nil): continue
      case .failure(let problem): problems.append(problem)
      }
    }
    self.entries = entries
    self.problems = problems
  }

  /// The distinct Ed25519 keys of the usable lines, in file order.
  public var publicKeys: [Data] {
    var seen = Set<Data>()
    return entries.filter(\.usable).compactMap(\.publicKey).filter { seen.insert($0).inserted }
  }

  /// What the file grants a 32-byte Ed25519 key for a signature namespace at a time, or why it grants nothing.
  ///
  /// As in `ssh-keygen -Y verify`: a line applies when its key is this key, it is not `cert-authority`, its
  /// `namespaces` list (if any) matches, and `valid-after <= at <= valid-before` (whole seconds).
  public func authorize(_ key: Data, namespace: String, at date: Date) -> Result<Grant, Refusal> {
    let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
    let lines = entries.filter { $0.publicKey == key }
    let granted = lines.filter { $0.refusal(namespace: namespace, at: seconds) == nil }
    if !granted.isEmpty { return .success(Grant(principals: granted.map(\.principals), lines: granted.map(\.line))) }
    let refusals = lines.compactMap { $0.refusal(namespace: namespace, at: seconds) }
    let skipped =
      problems.isEmpty
      ? "" : " (\(problems.count) malformed line(s) ignored, first: \(problems[0].description))"
    let skippedES =
      problems.isEmpty
      ? "" : " (se ignoraron \(problems.count) línea(s) mal formada(s); la primera: \(problems[0].spanishDescription))"
    guard let first = refusals.first else {
      return .failure(
        Refusal(
          .unknownKey, "no line of \(path) lists this key\(skipped)",
          es: "ninguna línea de \(path) lista esta clave\(skippedES)"))
    }
    return .failure(
      Refusal(
        first.kind, "\(path): " + refusals.map(\.reason).joined(separator: "; ") + skipped,
        es: "\(path): " + refusals.map(\.spanishReason).joined(separator: "; ") + skippedES))
  }
}
