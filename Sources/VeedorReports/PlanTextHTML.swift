import VeedorPlan

extension PlanText {
  /// The text in `language` as escaped HTML; when the plan gives it only in the other language, that
  /// text is marked with its own `lang` (WCAG 3.1.2), so a screen reader reads a Spanish title on an
  /// English page, or an English one on a Spanish page, in the right voice.
  public func html(_ language: String) -> String {
    let text = HTMLReport.escape(best(language))
    let own = language == "es" ? es : en
    guard own == nil, !text.isEmpty else { return text }
    return "<span lang=\"\(language == "es" ? "en" : "es")\">\(text)</span>"
  }
}
