import VeedorPlan
import VeedorRecords
import VeedorRubric

/// Derives a report's ``Report/FormInfo`` from the form's definition in the pinned rubric and the
/// ledger: its deadline, the questions still unanswered and the evidence files it would carry.
enum FormDerivation {
  /// The form a monitor asked for, refused when the rubric has no such form, the subject is wrong,
  /// or (unless `enforcingLimits` is false, for a status that shows the form anyway) the answers
  /// cite more or larger evidence files than the form accepts.
  static func derive(
    _ request: Report.FormRequest, plan: ActionPlan, rubric: Rubric, state: LedgerState,
    enforcingLimits: Bool = true
  ) throws(ReportsError) -> Report.FormInfo {
    guard let form = rubric.form(request.id) else {
      let known = (rubric.forms ?? []).map(\.id)
      throw ReportsError(
        .badInput,
        "the rubric \(rubric.id) has no form '\(request.id)'"
          + (known.isEmpty ? " (it has no forms)" : " (forms: \(known.joined(separator: ", ")))"),
        es: "la rúbrica \(rubric.id) no tiene el formulario '\(request.id)'"
          + (known.isEmpty ? " (no tiene formularios)" : " (formularios: \(known.joined(separator: ", ")))"),
        field: "form.id")
    }
    let commitment = try subject(of: form, request, plan: plan)
    let subjects = commitment.map { [$0] } ?? plan.commitments.map(\.id)
    var missing: [Report.FormGap] = []
    var cited: [String] = []
    for section in form.sections {
      for subject in section.scope == .plan ? [plan.id] : subjects {
        for scale in section.scales {
          guard let score = state.current(subject, scale) else {
            missing.append(Report.FormGap(commitment: section.scope == .plan ? nil : subject, scale: scale))
            continue
          }
          for id in score.evidence where !cited.contains(id) { cited.append(id) }
        }
      }
    }
    let files = cited.compactMap(state.storedFile)
    if enforcingLimits { try check(files, against: form) }
    let start = countedFrom(form, commitment: commitment, plan: plan, state: state)
    return Report.FormInfo(
      id: form.id, title: form.title, commitment: commitment, countedFrom: start?.description,
      due: start?.adding(months: form.due.months)?.description, missing: missing, files: files.map(\.id))
  }

  /// The commitment a per-commitment form is about (as the plan spells its id); nil for a plan form.
  private static func subject(
    of form: AssessmentForm, _ request: Report.FormRequest, plan: ActionPlan
  ) throws(ReportsError) -> String? {
    switch (form.subject, request.commitment) {
    case (.plan, nil): return nil
    case (.plan, let id?):
      throw ReportsError(
        .badInput, "the \(form.title.en) is about the whole plan, not '\(id)'",
        es: "el formulario \(form.title.es) trata de todo el plan, no de '\(id)'", field: "form.commitment")
    case (.commitment, nil):
      throw ReportsError(
        .badInput, "the \(form.title.en) is about one commitment: name it (one of \(plan.commitments.map(\.id)))",
        es: "el formulario \(form.title.es) trata de un compromiso: indíquelo (uno de \(plan.commitments.map(\.id)))",
        field: "form.commitment")
    case (.commitment, let id?):
      guard let found = plan.commitments.first(where: { $0.id.lowercased() == id.lowercased() }) else {
        throw ReportsError(
          .badInput, "'\(id)' is not a commitment of \(plan.id)", es: "'\(id)' no es un compromiso de \(plan.id)",
          field: "form.commitment")
      }
      return found.id
    }
  }

  /// Refuses more files, or larger ones, than the form's upload accepts.
  private static func check(_ files: [EvidenceRecord], against form: AssessmentForm) throws(ReportsError) {
    guard let limits = form.evidenceLimits else { return }
    if files.count > limits.files {
      throw ReportsError(
        .badInput,
        "the \(form.title.en) takes at most \(limits.files) evidence files; its answers cite \(files.count) (\(files.map(\.id).joined(separator: ", "))): cite fewer, or link the others by URL",
        es:
          "el formulario \(form.title.es) admite como máximo \(limits.files) archivos de evidencia; sus respuestas citan \(files.count) (\(files.map(\.id).joined(separator: ", "))): cite menos, o enlace los demás por URL",
        field: "form.files")
    }
    for file in files {
      // A size the ledger does not record (or a nonsense one) cannot be held to the limit.
      guard let size = file.size, size >= 0 else {
        throw ReportsError(
          .badInput,
          "the \(form.title.en) takes files of at most \(limits.bytesPerFile) bytes; \(file.id) (\(file.fileName ?? "")) records no size in the ledger",
          es:
            "el formulario \(form.title.es) admite archivos de hasta \(limits.bytesPerFile) bytes; \(file.id) (\(file.fileName ?? "")) no tiene tamaño en el registro",
          field: "form.files")
      }
      if size > Int64(limits.bytesPerFile) {
        throw ReportsError(
          .badInput,
          "the \(form.title.en) takes files of at most \(limits.bytesPerFile) bytes; \(file.id) (\(file.fileName ?? "")) has \(size)",
          es:
            "el formulario \(form.title.es) admite archivos de hasta \(limits.bytesPerFile) bytes; \(file.id) (\(file.fileName ?? "")) tiene \(size)",
          field: "form.files")
      }
    }
  }

  /// The day the deadline counts from, if the event has happened.
  private static func countedFrom(
    _ form: AssessmentForm, commitment: String?, plan: ActionPlan, state: LedgerState
  ) -> PlanDate? {
    switch form.due.after {
    case .planSubmitted: return plan.submitted
    case .score:
      guard let commitment, let scale = form.due.scale else { return nil }
      let levels = Set(form.due.levels ?? [])
      // Due only while the current score is still one of those levels (a correction away stops the clock);
      // then counted from the first time it was, so re-recording it does not move the deadline.
      guard let current = state.current(commitment, scale), !levels.isDisjoint(with: current.levels) else {
        return nil
      }
      let first = state.history[.init(commitment: commitment, scale: scale)]?.first { score in
        !levels.isDisjoint(with: score.levels)
      }
      return first.flatMap { state.time(ofScore: $0.id) }.flatMap { PlanDate(iso: String($0.prefix(10))) }
    }
  }
}
