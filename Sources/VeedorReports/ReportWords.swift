import Foundation
import VeedorRubric

/// The fixed words of human-readable reports, in English and Spanish.
struct ReportWords {
  let language: Language

  private static let table: [String: LocalizedText] = [
    "title": LocalizedText(en: "Independent assessment report", es: "Informe de evaluación independiente"),
    "plan": LocalizedText(en: "Action plan", es: "Plan de acción"),
    "member": LocalizedText(en: "Member", es: "Miembro"),
    "rubric": LocalizedText(en: "Rubric", es: "Rúbrica"),
    "monitor": LocalizedText(en: "Monitor", es: "Evaluador"),
    "generated": LocalizedText(en: "Generated", es: "Generado"),
    "checkpoint": LocalizedText(en: "Ledger checkpoint", es: "Punto de control del registro"),
    "entries": LocalizedText(en: "entries", es: "entradas"),
    "aggregates": LocalizedText(en: "Plan aggregates", es: "Agregados del plan"),
    "figure": LocalizedText(en: "Figure", es: "Indicador"),
    "value": LocalizedText(en: "Value", es: "Valor"),
    "commitments": LocalizedText(en: "Commitments", es: "Compromisos"),
    "scale": LocalizedText(en: "Scale", es: "Escala"),
    "level": LocalizedText(en: "Level", es: "Nivel"),
    "definition": LocalizedText(en: "What the level means", es: "Qué significa el nivel"),
    "rationale": LocalizedText(en: "Rationale", es: "Fundamento"),
    "evidence": LocalizedText(en: "Evidence", es: "Evidencia"),
    "history": LocalizedText(en: "History", es: "Historial"),
    "corrects": LocalizedText(en: "corrects", es: "corrige"),
    "indicators": LocalizedText(en: "Derived indicators", es: "Indicadores derivados"),
    "missing": LocalizedText(en: "Not yet scored", es: "Aún sin puntuar"),
    "unconfirmed": LocalizedText(
      en: "level wording not confirmed in a public source",
      es: "redacción del nivel no confirmada en una fuente pública"),
    "none": LocalizedText(en: "none", es: "ninguna"),
    "yes": LocalizedText(en: "yes", es: "sí"),
    "no": LocalizedText(en: "no", es: "no"),
    "unknown": LocalizedText(en: "not yet decided", es: "aún sin decidir"),
    "undecided": LocalizedText(en: "undecided", es: "sin decidir"),
    "verify": LocalizedText(
      en: "Check this report: veedor verify report.json, or the commands in the README (ssh-keygen, openssl, gpgv).",
      es: "Verifique este informe: veedor verify report.json, o los comandos del README (ssh-keygen, openssl, gpgv)."),
  ]

  /// The word for a key in the report's language.
  subscript(_ key: String) -> String { Self.table[key]?.text(language) ?? key }

  /// A figure as text: `45.5% (5/11)` or a count.
  func figure(_ value: AggregateValue) -> String {
    value.undecided > 0 ? "\(value.figure), \(value.undecided) \(self["undecided"])" : value.figure
  }
}
