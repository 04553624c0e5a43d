import Testing
import VeedorPlan
import VeedorReports

/// WCAG 3.1.2 language of parts: a plan's text shown in the other language than the page's (a
/// Chilean plan's Spanish-only titles on the English pages, an OGP sheet's English-only titles on the
/// Spanish ones) is marked with its own `lang`; text in the page's language is left as it is.
@Suite("Plan text in the other language carries its lang")
struct LanguageOfPartsTests {
  @Test("a fallback is wrapped in a span with the other language's lang, escaped; the page's own language is not")
  func fallbackMarked() {
    #expect(PlanText(es: "Gestión <municipal>").html("en") == "<span lang=\"es\">Gestión &lt;municipal&gt;</span>")
    #expect(PlanText(en: "Open data").html("es") == "<span lang=\"en\">Open data</span>")
    #expect(PlanText(en: "Open data", es: "Datos abiertos").html("es") == "Datos abiertos")
    #expect(PlanText(en: "Open data", es: "Datos abiertos").html("en") == "Open data")
    #expect(PlanText(es: "Datos abiertos").html("es") == "Datos abiertos")
    #expect(PlanText().html("es") == "")
  }
}
