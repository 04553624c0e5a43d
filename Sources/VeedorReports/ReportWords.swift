import Foundation
import VeedorRubric

/// The fixed words of human-readable reports (and the site's reply sections), in English and Spanish.
public struct ReportWords: Sendable {
  /// The language of the words.
  public let language: Language

  /// Words in a language.
  public init(language: Language) { self.language = language }

  /// Every fixed phrase, in both languages (for checks that a page in one language has none of the other's).
  public static var phrases: [LocalizedText] { Array(table.values) + Array(commandLine.values) }

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
    "notApplicable": LocalizedText(
      en: "no longer applies under the rubric's rule (a prerequisite was corrected); kept on record, not counted",
      es:
        "ya no aplica según la regla de la rúbrica (se corrigió un requisito); se conserva en el registro, no se cuenta"
    ),
    "none": LocalizedText(en: "none", es: "ninguna"),
    "yes": LocalizedText(en: "yes", es: "sí"),
    "no": LocalizedText(en: "no", es: "no"),
    "unknown": LocalizedText(en: "not yet decided", es: "aún sin decidir"),
    "undecided": LocalizedText(en: "undecided", es: "sin decidir"),
    "draft": LocalizedText(en: "DRAFT", es: "BORRADOR"),
    "draftBanner": LocalizedText(
      en:
        "DRAFT for review, not the final report. Replies are open from %1 to %2 (window %3); they must name checkpoint %4.",
      es:
        "BORRADOR en revisión, no es el informe final. Se reciben respuestas del %1 al %2 (ventana %3); deben indicar el punto de control %4."
    ),
    "finalUnanswered": LocalizedText(
      en: "Final report exported with replies left unanswered: %1.",
      es: "Informe final exportado con respuestas sin contestar: %1."),
    "replies": LocalizedText(en: "Replies and comments", es: "Respuestas y comentarios"),
    "closedEarly": LocalizedText(
      en: "Review window %1 was due to run until %2 and was closed early, on %3.",
      es: "La ventana de revisión %1 debía durar hasta el %2 y se cerró antes, el %3."),
    "answeredSince": LocalizedText(en: "Answered since: %1.", es: "Contestadas después: %1."),
    "otherReplies": LocalizedText(
      en: "Replies about this commitment", es: "Respuestas sobre este compromiso"),
    "asRecorded": LocalizedText(en: "as the monitor records it", es: "según lo registra el evaluador"),
    "signedReading": LocalizedText(
      en: "reading signed by the reviewer, checkpoint of %1 entries",
      es: "lectura firmada por el revisor, punto de control de %1 entradas"),
    "repliesReport": LocalizedText(en: "Replies about the whole report", es: "Respuestas sobre todo el informe"),
    "reply": LocalizedText(en: "Reply", es: "Respuesta"),
    "comment": LocalizedText(en: "Public comment (unsigned)", es: "Comentario público (sin firma)"),
    "anonymous": LocalizedText(en: "name not given", es: "sin nombre"),
    "late": LocalizedText(en: "late", es: "fuera de plazo"),
    "onTime": LocalizedText(en: "on time", es: "en plazo"),
    "signedBy": LocalizedText(en: "signed by", es: "firmada por"),
    "proposes": LocalizedText(en: "proposes", es: "propone"),
    "answer": LocalizedText(en: "Monitor's answer", es: "Respuesta del evaluador"),
    "unanswered": LocalizedText(en: "not yet answered", es: "aún sin respuesta"),
    "accept": LocalizedText(en: "accepted", es: "aceptada"),
    "partly": LocalizedText(en: "partly accepted", es: "aceptada en parte"),
    "reject": LocalizedText(en: "not accepted", es: "no aceptada"),
    "ledTo": LocalizedText(en: "led to", es: "dio lugar a"),
    "government": LocalizedText(en: "government", es: "gobierno"),
    "civil-society": LocalizedText(en: "civil society", es: "sociedad civil"),
    "reviewer": LocalizedText(en: "reviewer", es: "revisor"),
    "reconciliation": LocalizedText(en: "Second reviewer", es: "Segundo revisor"),
    "theirLevel": LocalizedText(en: "their reading", es: "su lectura"),
    "standsMonitor": LocalizedText(en: "the monitor's score stands", es: "se mantiene el puntaje del evaluador"),
    "standsReviewer": LocalizedText(en: "the reviewer's reading was adopted", es: "se adoptó la lectura del revisor"),
    "inReplyTo": LocalizedText(en: "in reply to", es: "en respuesta a"),
    "section": LocalizedText(en: "Section %1: %2", es: "Sección %1: %2"),
    "formAnswer": LocalizedText(en: "Answer", es: "Respuesta"),
    "explanation": LocalizedText(en: "Explanation", es: "Explicación"),
    "notAnswered": LocalizedText(en: "Not answered yet.", es: "Aún sin respuesta."),
    "commitment": LocalizedText(en: "Commitment", es: "Compromiso"),
    "due": LocalizedText(en: "Due", es: "Plazo"),
    "dueAfterPlan": LocalizedText(
      en: "%1 (%2 month(s) after the plan's submission on %3)",
      es: "%1 (%2 mes(es) después de la presentación del plan, el %3)"),
    "dueAfterScore": LocalizedText(
      en: "%1 (%2 month(s) after %3 was first recorded as %4, on %5)",
      es: "%1 (%2 mes(es) después de que %3 se registrara por primera vez como %4, el %5)"),
    "notDueYet": LocalizedText(
      en: "not due yet: %1 has not been recorded as %2", es: "aún no corre: %1 no se ha registrado como %2"),
    "noDueDate": LocalizedText(
      en: "unknown: the plan gives no submission date", es: "desconocido: el plan no indica fecha de presentación"),
    "dueYearOnly": LocalizedText(
      en: "unknown: the plan gives only the year of its submission (%1)",
      es: "desconocido: el plan indica solo el año de su presentación (%1)"),
    "signedLate": LocalizedText(
      en: "signed on %1, after the deadline", es: "firmado el %1, después del plazo"),
    "stillMissing": LocalizedText(en: "Still unanswered", es: "Aún sin responder"),
    "files": LocalizedText(en: "Evidence files", es: "Archivos de evidencia"),
    "filesLimit": LocalizedText(
      en: "%1 of at most %2, each at most %3 MB", es: "%1 de un máximo de %2, de hasta %3 MB cada uno"),
    "declaredValues": LocalizedText(
      en: "OGP values the plan claims (the government's words, not the monitor's coding): %1",
      es: "Valores de OGP que declara el plan (palabras del gobierno, no la codificación del evaluador): %1"),
    "progress": LocalizedText(en: "Progress from its milestones", es: "Avance según sus hitos"),
    "progressBeside": LocalizedText(
      en: "rolled up from the milestones (weighted); shown beside, never instead of, the monitor's completion score",
      es:
        "calculado a partir de los hitos (ponderados); se muestra junto al puntaje de cumplimiento del evaluador, nunca en su lugar"
    ),
    "milestone": LocalizedText(en: "Milestone", es: "Hito"),
    "milestones": LocalizedText(en: "Milestones", es: "Hitos"),
    "percentDone": LocalizedText(en: "Done", es: "Avance"),
    "statusWord": LocalizedText(en: "Status", es: "Estado"),
    "unit": LocalizedText(en: "Responsible unit", es: "Unidad responsable"),
    "overdue": LocalizedText(en: "overdue", es: "atrasado"),
    "dropped": LocalizedText(en: "dropped from the plan", es: "eliminado del plan"),
    "timeline": LocalizedText(en: "Dated updates", es: "Actualizaciones fechadas"),
    "partial": LocalizedText(
      en:
        "Partial report: %1 of %2 scale scores recorded so far. Each figure counts only the commitments assessed for it, and says how many are not yet decided.",
      es:
        "Informe parcial: %1 de %2 puntajes registrados hasta ahora. Cada cifra cuenta solo los compromisos evaluados para ella e indica cuántos faltan por decidir."
    ),
    "aboutBox": LocalizedText(
      en:
        "Who signed this: %1 (key %2), on %3. What was checked: the signature, and that every score, figure and milestone on these pages is exactly what the monitor's ledger of %4 entries proves; replies are shown with their own signatures. Check it yourself: see the verification page.",
      es:
        "Quién firmó esto: %1 (clave %2), el %3. Qué se comprobó: la firma, y que cada puntaje, cifra e hito de estas páginas es exactamente lo que prueba el registro del evaluador, de %4 entradas; las respuestas se muestran con sus propias firmas. Compruébelo usted: vea la página de verificación."
    ),
    "root": LocalizedText(en: "root", es: "raíz"),
    "kind.document": LocalizedText(en: "document", es: "documento"),
    "kind.webpage": LocalizedText(en: "web page", es: "página web"),
    "kind.meeting": LocalizedText(en: "meeting", es: "reunión"),
    "kind.interview": LocalizedText(en: "interview", es: "entrevista"),
    "kind.dataset": LocalizedText(en: "dataset", es: "conjunto de datos"),
    "kind.observation": LocalizedText(en: "observation", es: "observación"),
    "progressTitle": LocalizedText(en: "Progress report", es: "Informe de avance"),
    "period": LocalizedText(en: "Period", es: "Período"),
    "periodDays": LocalizedText(en: "%1 (%2 to %3)", es: "%1 (del %2 al %3)"),
    "progressLine": LocalizedText(
      en: "Progress from its milestones: %1 (at the previous report: %2). The monitor's completion score: %3.",
      es: "Avance según sus hitos: %1 (en el informe anterior: %2). Puntaje de cumplimiento del evaluador: %3."),
    "noMilestones": LocalizedText(en: "no milestones", es: "sin hitos"),
    "notScoredYet": LocalizedText(en: "not scored yet", es: "aún sin puntuar"),
    "changedMilestones": LocalizedText(en: "Milestones updated in the period", es: "Hitos actualizados en el período"),
    "overdueMilestones": LocalizedText(en: "Overdue at the end of the period", es: "Atrasados al final del período"),
    "upcomingMilestones": LocalizedText(en: "Due in the next three months", es: "Vencen en los próximos tres meses"),
    "evidenceAdded": LocalizedText(en: "Evidence added", es: "Evidencia agregada"),
    "checkinsHeld": LocalizedText(en: "Check-ins held", es: "Reuniones de seguimiento realizadas"),
    "allCheckins": LocalizedText(
      en: "All check-ins held in the period", es: "Todas las reuniones de seguimiento del período"),
    "scoresRecorded": LocalizedText(en: "Scores recorded or corrected", es: "Puntajes registrados o corregidos"),
    "website": LocalizedText(en: "Process website", es: "Sitio web del proceso"),
    "websiteWithin": LocalizedText(
      en: "last seen updated on %1: within OGP Local's four-month rule",
      es: "actualizado por última vez el %1: dentro de la regla de cuatro meses de OGP Local"),
    "websiteLate": LocalizedText(
      en:
        "last seen updated on %1: more than four months before the end of the period (OGP Local asks for every four months)",
      es:
        "actualizado por última vez el %1: más de cuatro meses antes del fin del período (OGP Local pide cada cuatro meses)"
    ),
    "websiteUnknown": LocalizedText(
      en: "no dated observation of it in the ledger (add the page as webpage evidence about the plan, with --date)",
      es:
        "no hay una observación fechada en el registro (agregue la página como evidencia sobre el plan, con --kind webpage y --date)"
    ),
    "quiet": LocalizedText(
      en: "No milestones and nothing recorded in the period", es: "Sin hitos ni registros en el período"),
    "verifyProgress": LocalizedText(
      en:
        "This progress report is a view of the signed report.json beside it: check both with veedor verify report.json.",
      es:
        "Este informe de avance es una vista del report.json firmado que lo acompaña: verifique ambos con veedor verify report.json."
    ),
    "status.not-started": LocalizedText(en: "not started", es: "no iniciado"),
    "status.limited": LocalizedText(en: "limited", es: "limitado"),
    "status.substantial": LocalizedText(en: "substantial", es: "sustancial"),
    "status.complete": LocalizedText(en: "complete", es: "completo"),
    "status.withdrawn": LocalizedText(en: "withdrawn", es: "retirado"),
    "processAnswers": LocalizedText(en: "Questions about the plan", es: "Preguntas sobre el plan"),
    "formSource": LocalizedText(en: "Form as defined by", es: "Formulario según"),
    "verifyForm": LocalizedText(
      en: "This form is a view of the signed report.json beside it: check both with veedor verify report.json.",
      es:
        "Este formulario es una vista del report.json firmado que lo acompaña: verifique ambos con veedor verify report.json."
    ),
    "verify": LocalizedText(
      en: "Check this report: veedor verify report.json, or the commands in the README (ssh-keygen, openssl, gpgv).",
      es: "Verifique este informe: veedor verify report.json, o los comandos del README (ssh-keygen, openssl, gpgv)."),
  ]

  /// The word for a key in the report's language.
  public subscript(_ key: String) -> String { (Self.table[key] ?? Self.commandLine[key])?.text(language) ?? key }

  /// A word with `%1`, `%2`… replaced by the arguments.
  public func format(_ key: String, _ args: String...) -> String {
    // One pass over the phrase, so a `%2` inside an argument (a URL's `%20`) is never replaced again.
    var text = ""
    var rest = Substring(self[key])
    while let mark = rest.firstIndex(of: "%") {
      text += rest[..<mark]
      let digits = rest[rest.index(after: mark)...].prefix { $0.isASCII && $0.isNumber }
      if let n = Int(digits), (1...args.count).contains(n) {
        text += args[n - 1]
        rest = rest[digits.endIndex...]
      } else {
        text += "%"
        rest = rest[rest.index(after: mark)...]
      }
    }
    return text + rest
  }

  /// A figure as text: `45.5% (5/11)` or a count.
  public func figure(_ value: AggregateValue) -> String {
    value.undecided > 0 ? "\(value.figure), \(value.undecided) \(self["undecided"])" : value.figure
  }
}
