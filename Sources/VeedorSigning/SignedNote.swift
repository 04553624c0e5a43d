import Crypto
import Foundation
import VeedorErrors

/// A C2SP signed note: UTF-8 text, a blank line, then `— name base64(keyID || sig)` lines.
public struct SignedNote: Sendable, Hashable {
  /// One signature line.
  public struct Signature: Sendable, Hashable {
    /// Key name.
    public var name: String
    /// 4-byte key ID.
    public var keyID: Data
    /// Signature bytes (64 for Ed25519; 8-byte timestamp and 64 bytes for an Ed25519 cosignature).
    public var signature: Data

    /// Creates a signature line.
    public init(name: String, keyID: Data, signature: Data) {
      self.name = name
      self.keyID = keyID
      self.signature = signature
    }

    /// The line as written in a note, with its final newline.
    public var line: String { "\u{2014} \(name) \((keyID + signature).base64EncodedString())\n" }
  }

  /// The signed text, ending in a newline.
  public let text: String
  /// The signature lines.
  public let signatures: [Signature]

  private static let dash = "\u{2014} "

  /// Signs a text (which must end in `\n` and hold no control characters but `\n`).
  public static func sign(_ text: String, name: String, key: MonitorKey) throws(SigningError) -> SignedNote {
    try checkText(text)
    let noteKey = try NoteKey(name: name, publicKey: key.publicKey)
    let sig = try key.sign(Data(text.utf8))
    return SignedNote(text: text, signatures: [Signature(name: name, keyID: noteKey.keyID, signature: sig)])
  }

  private init(text: String, signatures: [Signature]) {
    self.text = text
    self.signatures = signatures
  }

  /// Parses a note; the signatures start after the last blank line.
  public init(parsing note: String) throws(SigningError) {
    guard note.hasSuffix("\n"), let split = note.range(of: "\n\n", options: .backwards) else {
      throw .malformed(
        Phrase(
          "not a signed note (no blank line before the signatures)",
          es: "no es una nota firmada (no hay una línea en blanco antes de las firmas)"))
    }
    let text = String(note[..<split.lowerBound]) + "\n"
    try Self.checkText(text)
    var signatures: [Signature] = []
    for line in note[split.upperBound...].split(separator: "\n") {
      guard line.hasPrefix(Self.dash) else {
        throw .malformed(
          Phrase("signature line does not start with an em dash", es: "la línea de firma no empieza con una raya (—)"))
      }
      let fields = line.dropFirst(Self.dash.count).split(separator: " ")
      guard fields.count == 2, let blob = Data(base64Encoded: String(fields[1])), blob.count > 4 else {
        throw .malformed(Phrase("malformed signature line", es: "línea de firma mal formada"))
      }
      signatures.append(Signature(name: String(fields[0]), keyID: blob.prefix(4), signature: blob.dropFirst(4)))
    }
    guard !signatures.isEmpty, signatures.count <= 100 else {
      throw .malformed(Phrase("a note needs 1 to 100 signatures", es: "una nota necesita de 1 a 100 firmas"))
    }
    self.init(text: text, signatures: signatures)
  }

  private static func checkText(_ text: String) throws(SigningError) {
    guard text.hasSuffix("\n"),
      !text.unicodeScalars.contains(where: { $0 != "\n" && $0.properties.generalCategory == .control })
    else {
      throw .malformed(
        Phrase(
          "note text must end in a newline and hold no control characters",
          es: "el texto de la nota debe terminar en un salto de línea y no contener caracteres de control"))
    }
  }

  /// The same note with more signature lines (e.g. witness cosignatures). A new line replaces any line
  /// of the same key name and ID (one cosignature per witness, the newest), and the note keeps at most
  /// 100 lines, as parsing allows.
  public func adding(_ more: [Signature]) -> SignedNote {
    var lines = signatures
    for sig in more {
      lines.removeAll { $0.name == sig.name && $0.keyID == sig.keyID }
      lines.append(sig)
    }
    return SignedNote(text: text, signatures: Array(lines.prefix(100)))
  }

  /// The serialized note.
  public var serialized: String {
    text + "\n"
      + signatures.map { "\(Self.dash)\($0.name) \(($0.keyID + $0.signature).base64EncodedString())\n" }.joined()
  }

  /// Whether a signature by this verifier key is present and valid.
  public func isSigned(by key: NoteKey) -> Bool {
    guard let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: key.publicKey) else { return false }
    let message = Data(text.utf8)
    return signatures.contains { sig in
      sig.name == key.name && sig.keyID == key.keyID && sig.signature.count == 64
        && publicKey.isValidSignature(sig.signature, for: message)
    }
  }
}
