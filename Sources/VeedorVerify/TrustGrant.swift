extension TrustFile {
  /// What a trust file grants a key in one namespace at one time: the principals of every line that applies.
  public struct Grant: Sendable, Hashable, CustomStringConvertible {
    /// Each applicable line's principals pattern list, e.g. `["CLPLN,CLMPU", "CL*"]`.
    public var principals: [String]
    /// The 1-based line numbers those lists come from.
    public var lines: [Int]

    /// Creates a grant.
    public init(principals: [String], lines: [Int]) {
      self.principals = principals
      self.lines = lines
    }

    /// Whether a principal (a member code such as `CLPLN`, or an e-mail) is granted, as `ssh-keygen -Y verify -I`
    /// decides: some applicable line's pattern list matches it (a `!` pattern refuses it on that line only).
    public func allows(_ principal: String) -> Bool {
      principals.contains { TrustFile.matches(principal, patterns: $0) }
    }

    /// `CLPLN,CLMPU (line 3)`.
    public var description: String {
      principals.joined(separator: " | ") + " (line" + (lines.count == 1 ? " " : "s ")
        + lines.map(String.init).joined(separator: ", ") + ")"
    }

    /// `CLPLN,CLMPU (línea 3)`.
    public var spanishDescription: String {
      principals.joined(separator: " | ") + " (línea" + (lines.count == 1 ? " " : "s ")
        + lines.map(String.init).joined(separator: ", ") + ")"
    }
  }

  /// Why a trust file grants nothing to a key, in one line.
  public struct Refusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of refusal.
    public enum Kind: String, Sendable, Hashable {
      /// No usable line lists the key.
      case unknownKey
      /// Lines list the key, but only for other namespaces.
      case namespace
      /// The key's `valid-after` time has not come.
      case notYetValid
      /// The key's `valid-before` time has passed.
      case expired
      /// The key is listed only with `cert-authority`, which Veedor does not support.
      case certAuthority
    }

    /// The kind of refusal (of the first line that lists the key, when several do).
    public var kind: Kind
    /// One line for people.
    public var reason: String
    /// The same in Spanish.
    public var reasonES: String?

    /// Creates a refusal, its reason in English and in Spanish.
    public init(_ kind: Kind, _ reason: String, es reasonES: String? = nil) {
      self.kind = kind
      self.reason = reason
      self.reasonES = reasonES
    }

    /// The reason.
    public var description: String { reason }

    /// The reason in Spanish (the English when none was given).
    public var spanishReason: String { reasonES ?? reason }
  }
}
