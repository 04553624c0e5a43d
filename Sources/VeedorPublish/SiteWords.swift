import VeedorRubric

/// The fixed words of the published site, in Spanish and English.
struct SiteWords {
  let language: Language

  private static let table: [String: LocalizedText] = [
    "site": LocalizedText(en: "Independent monitoring", es: "Monitoreo independiente"),
    "switch": LocalizedText(en: "Leer en español", es: "Read in English"),
    "home": LocalizedText(en: "Overview", es: "Resumen"),
    "verifyNav": LocalizedText(en: "Verify this", es: "Verifíquelo"),
    "monitor": LocalizedText(en: "Independent monitor", es: "Evaluador independiente"),
    "rubric": LocalizedText(en: "Methodology", es: "Metodología"),
    "checkpoint": LocalizedText(en: "Signed ledger checkpoint", es: "Punto de control firmado del registro"),
    "entries": LocalizedText(en: "entries", es: "entradas"),
    "aggregates": LocalizedText(en: "Plan aggregates", es: "Agregados del plan"),
    "figure": LocalizedText(en: "Figure", es: "Indicador"),
    "value": LocalizedText(en: "Value", es: "Valor"),
    "table": LocalizedText(en: "Scores by commitment and scale", es: "Puntajes por compromiso y escala"),
    "commitment": LocalizedText(en: "Commitment", es: "Compromiso"),
    "notScored": LocalizedText(en: "not scored", es: "sin puntaje"),
    "level": LocalizedText(en: "Level", es: "Nivel"),
    "meaning": LocalizedText(en: "What the level means", es: "Qué significa el nivel"),
    "rationale": LocalizedText(en: "Rationale", es: "Fundamento"),
    "evidence": LocalizedText(en: "Evidence", es: "Evidencia"),
    "history": LocalizedText(
      en: "History (corrections stay visible)", es: "Historial (las correcciones quedan a la vista)"),
    "corrects": LocalizedText(en: "corrects", es: "corrige"),
    "stored": LocalizedText(en: "stored copy", es: "copia guardada"),
    "source": LocalizedText(en: "source", es: "fuente"),
    "unconfirmed": LocalizedText(
      en: "wording not confirmed in a public source", es: "redacción no confirmada en una fuente pública"),
    "missing": LocalizedText(en: "Not yet scored", es: "Aún sin puntuar"),
    "verifyTitle": LocalizedText(en: "Verify this report yourself", es: "Verifique este informe usted mismo"),
    "verifyIntro": LocalizedText(
      en:
        "The report is signed by the monitor. Any one of these commands checks the signature over the exact bytes of report.json; exit status 0 means it is genuine.",
      es:
        "El informe está firmado por el evaluador. Cualquiera de estos comandos comprueba la firma sobre los bytes exactos de report.json; el código de salida 0 significa que es auténtico."
    ),
    "fingerprint": LocalizedText(
      en: "Compare this fingerprint with the one the monitor publishes elsewhere:",
      es: "Compare esta huella con la que el evaluador publica en otro lugar:"),
    "veedorVerify": LocalizedText(
      en:
        "A signature proves who published the file, not that it is true to the monitor's records. The report carries every entry of the monitor's ledger and the exact plan and rubric files; Veedor checks that the entries are complete and unaltered (against the signed checkpoint) and rebuilds everything on these pages from them, byte for byte:",
      es:
        "Una firma prueba quién publicó el archivo, no que sea fiel a los registros del evaluador. El informe incluye todas las entradas del registro del evaluador y los archivos exactos del plan y de la rúbrica; Veedor comprueba que las entradas estén completas e inalteradas (contra el punto de control firmado) y reconstruye a partir de ellas todo lo que muestran estas páginas, byte a byte:"
    ),
    "downloads": LocalizedText(en: "Downloads", es: "Descargas"),
    "example": LocalizedText(en: "Note", es: "Nota"),
  ]

  subscript(_ key: String) -> String { Self.table[key]?.text(language) ?? key }
}
