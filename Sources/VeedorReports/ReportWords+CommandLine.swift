import VeedorRubric

extension ReportWords {
  /// The command line's phrases (`veedor status`, `log` and the lists), part of the same word table.
  static let commandLine: [String: LocalizedText] = [
    "log.plan": LocalizedText(
      en: "plan imported: %1 (%2 commitments), rubric %3 %4", es: "plan importado: %1 (%2 compromisos), rúbrica %3 %4"),
    "log.evidence": LocalizedText(en: "evidence %1 for %2: %3 (%4)", es: "evidencia %1 para %2: %3 (%4)"),
    "log.score": LocalizedText(en: "score %1", es: "puntaje %1"),
    "log.corrects": LocalizedText(en: "score %1 corrects %2", es: "puntaje %1 corrige %2"),
    "log.inReplyTo": LocalizedText(en: " (in reply to %1)", es: " (en respuesta a %1)"),
    "log.note": LocalizedText(en: "note", es: "nota"),
    "log.on": LocalizedText(en: " on %1", es: " sobre %1"),
    "log.monitorKey": LocalizedText(en: "monitor key", es: "clave del evaluador"),
    "log.partyAdded": LocalizedText(en: "party added", es: "parte agregada"),
    "log.partyRemoved": LocalizedText(en: "party removed", es: "parte retirada"),
    "log.reviewOpened": LocalizedText(
      en: "review %1 opened: replies from %2 to %3; the draft is checkpoint %4",
      es: "revisión %1 abierta: respuestas del %2 al %3; el borrador es el punto de control %4"),
    "log.reviewClosed": LocalizedText(
      en: "review %1 closed for the final report", es: "revisión %1 cerrada para el informe final"),
    "log.leftUnanswered": LocalizedText(en: "; left unanswered: %1", es: "; quedaron sin contestar: %1"),
    "log.signedBy": LocalizedText(en: "signed by %1", es: "firmada por %1"),
    "log.unsigned": LocalizedText(en: "unsigned comment", es: "comentario sin firma"),
    "log.from": LocalizedText(en: " from %1", es: " de %1"),
    "log.reply": LocalizedText(en: "reply %1, %2, sha256 %3…", es: "respuesta %1, %2, sha256 %3…"),
    "log.answer": LocalizedText(en: "answer to %1: %2 — %3", es: "respuesta a %1: %2 — %3"),
    "log.update": LocalizedText(
      en: "milestone update %1: %2 %3 %4% on %5", es: "actualización de hito %1: %2 %3 %4% el %5"),
    "log.met": LocalizedText(en: ", met %1", es: ", cumplido el %1"),
    "log.milestoneChanged": LocalizedText(en: "milestone %1 %2 — %3", es: "hito %1 %2 — %3"),
    "log.checkin": LocalizedText(en: "check-in %1 on %2 with %3: %4", es: "reunión %1 el %2 con %3: %4"),
    "log.reconciled": LocalizedText(
      en: "reconciled %1 %2 with reviewer %3 (%4): %5's reading stands",
      es: "conciliado %1 %2 con el revisor %3 (%4): se mantiene la lectura %5"),
    "cli.progressOf": LocalizedText(en: "progress %1", es: "avance %1"),
    "cli.overdueCount": LocalizedText(en: ", %1 overdue", es: ", %1 atrasados"),
    "cli.overdueCount.one": LocalizedText(en: ", %1 overdue", es: ", %1 atrasado"),
    "cli.agreed": LocalizedText(en: "agreed", es: "acordado"),
    "cli.followUp": LocalizedText(en: "follow-up", es: "seguimiento"),
    "cli.by": LocalizedText(en: "by %1", es: "para el %1"),
    "cli.header": LocalizedText(
      en: "%1 — %2 · rubric %3 · %4 ledger entries", es: "%1 — %2 · rúbrica %3 · %4 entradas en el registro"),
    "cli.evidenceCount": LocalizedText(en: "%1 evidence", es: "%1 evidencias"),
    "cli.evidenceCount.one": LocalizedText(en: "%1 evidence", es: "%1 evidencia"),
    "cli.corrected": LocalizedText(en: ", corrected %1×", es: ", corregido %1 veces"),
    "cli.lapsed": LocalizedText(
      en: "  — no longer applies (the rubric applies it only when %1); not counted",
      es: "  — ya no aplica (la rúbrica la aplica solo cuando %1); no se cuenta"),
    "cli.indicators": LocalizedText(en: "indicators", es: "indicadores"),
    "cli.missing": LocalizedText(en: "missing", es: "falta"),
    "cli.aggregates": LocalizedText(en: "Aggregates", es: "Agregados"),
    "cli.review": LocalizedText(
      en: "Review %1: replies %2 to %3, %4; %5 replies; %6 parties",
      es: "Revisión %1: respuestas del %2 al %3, %4; %5 respuestas; %6 partes"),
    "cli.reviewOpen": LocalizedText(
      en: "open (draft at checkpoint %1)", es: "abierta (borrador en el punto de control %1)"),
    "cli.reviewClosed": LocalizedText(en: "closed by the final report", es: "cerrada por el informe final"),
    "cli.unanswered": LocalizedText(
      en:
        "  unanswered: %1 — answer each with 'veedor reply answer ID --accept|--partly|--reject --rationale …' before the final report",
      es:
        "  sin contestar: %1 — conteste cada una con 'veedor reply answer ID --accept|--partly|--reject --rationale …' antes del informe final"
    ),
    "cli.lateUnanswered": LocalizedText(en: "  late and unanswered: %1", es: "  fuera de plazo y sin contestar: %1"),
    "cli.allScored": LocalizedText(en: "Every scale is scored.", es: "Todas las escalas tienen puntaje."),
    "cli.stillMissing": LocalizedText(
      en: "Still missing: %1 scale score(s) before a complete report can be issued.",
      es: "Aún faltan %1 puntaje(s) para poder emitir un informe completo."),
    "cli.planQuestions": LocalizedText(en: "%1: questions about the plan", es: "%1: preguntas sobre el plan"),
    "cli.forms": LocalizedText(en: "Forms", es: "Formularios"),
    "cli.pastDue": LocalizedText(en: " (past due)", es: " (vencido)"),
    "cli.yearOnly": LocalizedText(
      en: "— (the plan gives only the year of its submission, %1)",
      es: "— (el plan indica solo el año de presentación, %1)"),
    "cli.noSubmission": LocalizedText(
      en: "— (no submission date in the plan)", es: "— (el plan no indica fecha de presentación)"),
    "cli.allAnswered": LocalizedText(en: "every question answered", es: "todas las preguntas respondidas"),
    "cli.unansweredQuestions": LocalizedText(en: "%1 unanswered: %2", es: "%1 sin responder: %2"),
    "cli.formLine": LocalizedText(en: "due %1", es: "plazo %1"),
    "cli.cannotExport": LocalizedText(
      en: "    cannot be exported as it stands: %1", es: "    no puede exportarse tal como está: %1"),
    "cli.notDueAny": LocalizedText(
      en: "not due yet for any commitment (its deadline starts when %1 is recorded as %2)",
      es: "aún no corre para ningún compromiso (el plazo empieza cuando %1 se registra como %2)"),
    "cli.milestones": LocalizedText(
      en: "Milestones (progress rolled up from milestones, beside the completion score)",
      es: "Hitos (avance calculado a partir de los hitos, junto al puntaje de cumplimiento)"),
    "cli.completeCount": LocalizedText(en: "%1/%2 complete", es: "%1/%2 completos"),
    "cli.overdueList": LocalizedText(en: "; overdue: %1", es: "; atrasados: %1"),
    "cli.checkins": LocalizedText(
      en: "Check-ins with responsible units (monthly)",
      es: "Reuniones de seguimiento con las unidades responsables (mensuales)"),
    "cli.lastCheckin": LocalizedText(en: "last %1 (%2)", es: "última %1 (%2)"),
    "cli.noneYet": LocalizedText(en: "none yet", es: "ninguna aún"),
    "cli.overdueCaps": LocalizedText(en: " — OVERDUE", es: " — ATRASADA"),
    // Values of the records' fields as the command line names them: English keeps the value itself
    // (scripts read it), Spanish says it in words (`term`).
    "term.government": LocalizedText(en: "government", es: "gobierno"),
    "term.civil-society": LocalizedText(en: "civil-society", es: "sociedad civil"),
    "term.reviewer": LocalizedText(en: "reviewer", es: "revisor"),
    "term.accept": LocalizedText(en: "accept", es: "aceptada"),
    "term.partly": LocalizedText(en: "partly", es: "aceptada en parte"),
    "term.reject": LocalizedText(en: "reject", es: "no aceptada"),
    "term.added": LocalizedText(en: "added", es: "agregado"),
    "term.reworded": LocalizedText(en: "reworded", es: "reformulado"),
    "term.dropped": LocalizedText(en: "dropped", es: "eliminado del plan"),
    "term.design": LocalizedText(en: "design", es: "diseño"),
    "term.implementation": LocalizedText(en: "implementation", es: "implementación"),
    "term.results": LocalizedText(en: "results", es: "resultados"),
    "term.stands.monitor": LocalizedText(en: "monitor", es: "del evaluador"),
    "term.stands.reviewer": LocalizedText(en: "reviewer", es: "del revisor"),
  ]

  /// A record field's value (a party's role, an answer's decision, a milestone change, a scale's
  /// phase) as the command line shows it: the value itself in English, its Spanish word in Spanish.
  public func term(_ value: String, _ group: String? = nil) -> String {
    let key = "term." + (group.map { "\($0)." } ?? "") + value
    return language == .es && Self.commandLine[key] != nil ? self[key] : value
  }

  /// A counted phrase: `key.one` when `n` is 1 and the table has it (`1 evidencia`), else `key`.
  public func count(_ key: String, _ n: Int) -> String {
    format(n == 1 && Self.commandLine[key + ".one"] != nil ? key + ".one" : key, String(n))
  }
}
