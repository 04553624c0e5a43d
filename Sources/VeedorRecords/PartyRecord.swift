import Foundation

/// What a `party.added` or `party.removed` entry records: someone who may sign replies to a draft.
public struct PartyRecord: Codable, Sendable, Hashable {
  /// The roles a party can hold.
  public enum Role: String, Codable, Sendable, Hashable, CaseIterable {
    /// A responsible government unit (e.g. a municipal department).
    case government
    /// A civil-society organisation (e.g. one that endorsed the plan).
    case civilSociety = "civil-society"
    /// A second, quality reviewer who scores the same plan.
    case reviewer
  }

  /// Short name, also the `allowed_signers` principal: letters, digits, `.`, `_`, `-`, `@`.
  public var name: String
  /// The party's role.
  public var role: Role
  /// OpenSSH public key line (`ssh-ed25519 AAAA…`).
  public var publicKey: String
  /// Full name of the organisation or person, if given.
  public var title: String?

  /// Creates a record.
  public init(name: String, role: Role, publicKey: String, title: String? = nil) {
    self.name = name
    self.role = role
    self.publicKey = publicKey
    self.title = title
  }

  /// Whether a name can be a principal: 1–64 of letters, digits, `.`, `_`, `-`, `@`, not starting with `-`.
  public static func isValidName(_ name: String) -> Bool {
    (1...64).contains(name.count) && !name.hasPrefix("-")
      && name.unicodeScalars.allSatisfy {
        $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-@".unicodeScalars.contains($0))
      }
  }
}
