import VeedorRubric

/// The fixed words of the published site, in Spanish and English.
struct SiteWords {
  let language: Language

  /// Every fixed phrase, in both languages (for checks that a page in one language has none of the other's).
  static var phrases: [LocalizedText] { Array(table.values) }

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
    "notApplicable": LocalizedText(
      en: "no longer applies under the rubric's rule (a prerequisite was corrected); kept on record, not counted",
      es:
        "ya no aplica según la regla de la rúbrica (se corrigió un requisito); se conserva en el registro, no se cuenta"
    ),
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
    "replyNav": LocalizedText(en: "Replies", es: "Respuestas"),
    "howToReply": LocalizedText(en: "How to reply", es: "Cómo responder"),
    "replyTitle": LocalizedText(en: "Replies and comments", es: "Respuestas y comentarios"),
    "replyIntro": LocalizedText(
      en:
        "The responsible government units, the civil-society organisations and the reviewers in the monitor's roster can reply to the draft. A reply is a short text file signed with OpenSSH; no other software is needed. Replies received after the last day are recorded and marked late, never dropped. Anyone can also send an unsigned public comment, which is recorded as such.",
      es:
        "Las unidades de gobierno responsables, las organizaciones de la sociedad civil y los revisores inscritos por el evaluador pueden responder al borrador. Una respuesta es un archivo de texto breve firmado con OpenSSH; no se necesita otro programa. Las respuestas que lleguen después del último día se registran marcadas como fuera de plazo; nunca se descartan. Cualquier persona puede además enviar un comentario público sin firma, que se registra como tal."
    ),
    "replyStep1": LocalizedText(
      en: "Once: make a key and send the .pub file to the monitor, who adds you to the roster.",
      es: "Una sola vez: cree una clave y envíe el archivo .pub al evaluador, que lo inscribe en el registro de partes."
    ),
    "replyStep2": LocalizedText(
      en:
        "Write the reply in a file. Keep the first two lines and put your roster name (the one the monitor gave your key) on the third; add the commitment and scale it is about (without them it is about the whole report), optionally 'proposed-level: LEVEL' and 'evidence: URL' lines, then an empty line and your text.",
      es:
        "Escriba la respuesta en un archivo. Conserve las dos primeras líneas y ponga en la tercera su nombre en el registro (el que el evaluador dio a su clave); agregue el compromiso y la escala a los que se refiere (sin ellos, se refiere a todo el informe) y, si quiere, líneas 'nivel-propuesto: NIVEL' y 'evidencia: URL'; luego una línea vacía y su texto."
    ),
    "replyStep3": LocalizedText(en: "Sign it:", es: "Fírmela:"),
    "yourName": LocalizedText(en: "YOUR-ROSTER-NAME", es: "SU-NOMBRE-EN-EL-REGISTRO"),
    "replyStep4": LocalizedText(
      en: "Send both files (the reply and its .sig) to the monitor by %1.",
      es: "Envíe ambos archivos (la respuesta y su .sig) al evaluador a más tardar el %1."),
    "replyIds": LocalizedText(en: "Commitment and scale ids:", es: "Identificadores de compromisos y escalas:"),
    "replyHere": LocalizedText(en: "Reply about this commitment", es: "Responder sobre este compromiso"),
    "received": LocalizedText(en: "Replies received", es: "Respuestas recibidas"),
    "noReplies": LocalizedText(en: "None yet.", es: "Ninguna por ahora."),
    "windowClosed": LocalizedText(
      en: "Review window %1: replies were due from %2 to %3; the final report closed it.",
      es: "Ventana de revisión %1: las respuestas se recibieron del %2 al %3; el informe final la cerró."),
    "replyVerify": LocalizedText(
      en:
        "Each signed reply can be checked with OpenSSH against the parties' keys as the ledger records them (exit status 0 means the party signed exactly this text):",
      es:
        "Cada respuesta firmada se puede comprobar con OpenSSH contra las claves de las partes tal como constan en el registro (el código de salida 0 significa que la parte firmó exactamente este texto):"
    ),
    "example": LocalizedText(en: "Note", es: "Nota"),
    "progressNav": LocalizedText(en: "Progress reports", es: "Informes de avance"),
    "progressIntro": LocalizedText(
      en:
        "The monitor's progress reports, newest first. Each is signed and was checked against the monitor's key and this site's ledger before it was published here.",
      es:
        "Los informes de avance del evaluador, del más reciente al más antiguo. Cada uno está firmado y se comprobó con la clave del evaluador y con el registro de este sitio antes de publicarlo aquí."
    ),
    "progressSigned": LocalizedText(
      en: "Signed on %1, covering %2 ledger entries.", es: "Firmado el %1; abarca %2 entradas del registro."),
    "progressRead": LocalizedText(en: "Read the report", es: "Leer el informe"),
    "progressNoChange": LocalizedText(
      en: "No milestone changed and none is overdue in this period.",
      es: "En este período ningún hito cambió y ninguno está atrasado."),
    "progressChange": LocalizedText(
      en: "%1: progress %2 → %3 · milestone updates: %4 · overdue: %5",
      es: "%1: avance %2 → %3 · actualizaciones de hitos: %4 · atrasados: %5"),
  ]

  subscript(_ key: String) -> String { Self.table[key]?.text(language) ?? key }

  /// A word with `%1`, `%2`… replaced by the arguments.
  func format(_ key: String, _ args: String...) -> String {
    var text = self[key]
    for (i, arg) in args.enumerated().reversed() { text = text.replacingOccurrences(of: "%\(i + 1)", with: arg) }
    return text
  }
}
