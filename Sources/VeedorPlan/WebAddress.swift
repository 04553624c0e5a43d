import Foundation

/// The one rule for web addresses, wherever they come from (plan, commitment, evidence): `http` or
/// `https` with a host. Anything else is stored as text at most, never followed or linked.
public enum WebAddress {
  /// Whether `text` is an `http(s)` address with a host.
  public static func isHTTP(_ text: String) -> Bool {
    guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else { return false }
    return (scheme == "http" || scheme == "https") && !(url.host ?? "").isEmpty
  }
}
