import Foundation

/// What a `reply.added` entry records: the exact bytes of a reply file and, when signed, its SSHSIG.
public struct ReplyRecord: Codable, Sendable, Hashable {
  /// Reply id such as `R3`.
  public var id: String
  /// Base64 of the reply file's exact bytes (see ``ReplyText``).
  public var content: String
  /// Lower-case hex SHA-256 of those bytes.
  public var sha256: String
  /// The armoured SSHSIG over the bytes in namespace ``ReplyText/namespace``, for a signed reply.
  public var signature: String?
  /// The party whose key made the signature, for a signed reply.
  public var party: String?
  /// For an unsigned public comment: the submitter's name, only if they gave it.
  public var submitter: String?

  /// Creates a record.
  public init(
    id: String, content: Data, sha256: String, signature: String?, party: String?, submitter: String?
  ) {
    self.id = id
    self.content = content.base64EncodedString()
    self.sha256 = sha256
    self.signature = signature
    self.party = party
    self.submitter = submitter
  }

  /// The reply file's bytes, if `content` is base64.
  public var bytes: Data? { Data(base64Encoded: content) }
}
