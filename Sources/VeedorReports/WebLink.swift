import Foundation
import VeedorPlan

/// One link policy for everything rendered: only `http:` and `https:` addresses with a host become
/// links; anything else (`javascript:`, `data:`, relative paths) is shown as text.
public enum WebLink {
  /// Whether an address may become a link (``WebAddress/isHTTP(_:)``).
  public static func isLinkable(_ address: String) -> Bool { WebAddress.isHTTP(address) }

  /// An HTML link to `address` labelled `text` (both escaped), or the escaped address as plain text.
  public static func html(_ address: String, text: String? = nil) -> String {
    let e = HTMLReport.escape
    guard isLinkable(address) else { return "<span class=\"address\">\(e(address))</span>" }
    return "<a href=\"\(e(address))\">\(e(text ?? address))</a>"
  }
}
