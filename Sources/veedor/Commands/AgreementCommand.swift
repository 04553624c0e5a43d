import ArgumentParser
import Foundation
import VeedorAgreement
import VeedorErrors
import VeedorLedger
import VeedorRecords
import VeedorReports
import VeedorVerify
import VeedorWorkspace

/// `veedor agreement`: how far a monitor and a second reviewer agree, from their verified reports.
struct AgreementCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "agreement",
    abstract: "Compare two or more verified reports of one plan: agreement per scale and every disagreement.",
    discussion: """
      Each report is verified first (as 'veedor verify' does, against --trust); all must be of the same
      plan and scored on the same rubric bytes. Per scale and overall it prints the items both readers
      scored, percent agreement and Cohen's kappa for each pair of readers, weighted kappa (linear and
      quadratic) on ordinal scales, and Krippendorff's alpha (nominal, and ordinal on ordinal scales;
      any number of readers, missing scores allowed). Then every disagreement with each reading and
      its rationale. Record which reading stands with 'veedor reconcile'.

      Example: veedor agreement published/report.json reviewer/report.json --trust trusted_signers
      """)

  @Argument(help: "Two or more report.json files.") var reports: [String]
  @Option(help: "Trusted keys (allowed_signers) for every report; without it, integrity only.") var trust: String?
  @Flag(help: "Print JSON.") var json = false
  /// The language of messages: `--lang en|es`.
  @OptionGroup var messages: MessageLanguageOption

  func run() throws {
    guard reports.count >= 2 else {
      throw UsageError("give two or more report.json files", es: "indique dos o más archivos report.json")
    }
    let trustURL = trust.map { URL(fileURLWithPath: $0) }
    let trustFile = try trustURL.map { try ReportVerifier.loadTrust($0) }
    var parsed: [Report] = []
    for path in reports {
      let result = ReportVerifier.verify(
        URL(fileURLWithPath: path), options: .init(trust: trustURL), trust: trustFile)
      guard result.verified, let report = result.parsed else {
        throw WorkspaceError(
          .integrity, "does not verify: \(result.failureReason)", es: "no se verifica: \(result.spanishFailureReason)",
          file: path)
      }
      parsed.append(report)
    }
    let agreement: ReaderAgreement
    do throws(AgreementError) { agreement = try ReaderAgreement(parsed) } catch {
      throw UsageError(error.message, es: error.messageES)
    }
    if json { return try Output.json(agreement) }
    for (i, reader) in agreement.readers.enumerated() {
      Output.line(
        "reader \(i + 1): \(reader.name) (\(reader.sshFingerprint)) — \(reports[i])",
        es: "lector \(i + 1): \(reader.name) (\(reader.sshFingerprint)) — \(reports[i])")
    }
    for figures in agreement.scales + [agreement.overall] { print(figures, readers: agreement.readers.count) }
    Output.line("")
    Output.line(
      "disagreements: \(agreement.disagreements.count)", es: "desacuerdos: \(agreement.disagreements.count)")
    for d in agreement.disagreements {
      Output.line("\(d.commitment) \(d.scale)")
      for r in d.readings {
        let levels = r.levels.joined(separator: ",")
        Output.line(
          "  reader \(r.reader + 1): \(levels) — \(r.rationale)",
          es: "  lector \(r.reader + 1): \(levels) — \(r.rationale)")
      }
    }
  }

  private func print(_ f: ReaderAgreement.Figures, readers: Int) {
    let es = Environment.spanish
    let fmt = { (x: Double?) in x.map { String(format: "%.3f", $0) } ?? (es ? "n/d" : "n/a") }
    Output.line("")
    Output.line(
      "\(f.scale ?? "overall") (\(f.metric.rawValue)): \(f.pairable) item(s) scored by two or more readers",
      es: "\(f.scale ?? "global") (\(f.metric.rawValue)): \(f.pairable) ítem(s) puntuados por dos o más lectores")
    for p in f.pairs {
      let a = p.agreement
      let percent = fmt(a.percentAgreement.map { $0 * 100 })
      var line =
        es
        ? "  lectores \(p.first + 1)–\(p.second + 1): \(a.items) puntuados por ambos, acuerdo \(percent)%"
        : "  readers \(p.first + 1)–\(p.second + 1): \(a.items) both scored, agreement \(percent)%"
      line += ", kappa \(fmt(a.kappa))"
      if f.metric == .ordinal {
        let (linear, quadratic) = (fmt(a.linearWeightedKappa), fmt(a.quadraticWeightedKappa))
        line +=
          es
          ? ", kappa ponderado lineal \(linear), cuadrático \(quadratic)"
          : ", weighted kappa linear \(linear), quadratic \(quadratic)"
      }
      Output.line("\(line)")
    }
    var alpha =
      es
      ? "  alfa de Krippendorff: nominal \(fmt(f.alphaNominal))"
      : "  Krippendorff's alpha: nominal \(fmt(f.alphaNominal))"
    if f.metric == .ordinal { alpha += ", ordinal \(fmt(f.alphaOrdinal))" }
    Output.line("\(alpha)")
  }
}

/// `veedor reconcile`: which reading stands after a second reviewer scored the same item.
struct Reconcile: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reconcile",
    abstract: "Record which reading stands after a second reviewer scored an item differently.",
    discussion: """
      The reviewer must be in the roster with the role reviewer. When their reading stands, record
      the correction first and name it with --score. With --reviewer-report (the reviewer's signed
      report.json), their reading is taken from it and recorded with their signed checkpoint and the
      inclusion proof of their score entry, so the reading is verifiable, not only your record.

      Examples:
        veedor reconcile CLPLN0003 completion --reviewer revisora --reviewer-report revisora/report.json --stands monitor --rationale "…"
        veedor reconcile CLPLN0002 verifiable --reviewer revisora --their-level no --stands reviewer --score S9 --rationale "…"
      """)

  @OptionGroup var options: WorkspaceOptions
  @Argument(help: "Commitment id.") var commitment: String
  @Argument(help: "Scale id.") var scale: String
  @Option(help: "The reviewer's party name.") var reviewer: String
  @Option(help: "The reviewer's level(s), comma-separated on multiple-choice scales (or from --reviewer-report).")
  var theirLevel: String?
  @Option(help: "The reviewer's signed report.json: their reading and its proof are taken from it.") var reviewerReport:
    String?
  @Option(help: "Whose reading stands: monitor or reviewer.") var stands: ReconciliationRecord.Outcome
  @Option(help: "When the reviewer's reading stands: the correction that records it, e.g. S9.") var score: String?
  @Option(help: "Why.") var rationale: String
  /// The language of messages: `--lang en|es`.
  @OptionGroup var messages: MessageLanguageOption

  func run() throws {
    var levels = Score.list(theirLevel ?? "")
    var proof: ReconciliationRecord.ReviewerProof?
    if let reviewerReport {
      // Read as `reply template --report` reads a report: a regular file, within a bound.
      guard let data = try? BoundedRead.contents(of: URL(fileURLWithPath: reviewerReport), limit: 256 << 20) else {
        throw WorkspaceError(.badInput, "not a Veedor report", es: "no es un informe de Veedor", file: reviewerReport)
      }
      guard let report = try? JSONDecoder().decode(Report.self, from: data) else {
        let why = Report.unreadable(data)
        throw WorkspaceError(.badInput, why.en, es: why.es, file: reviewerReport)
      }
      guard let (found, theirs) = report.reviewerProof(commitment: commitment, scale: scale) else {
        throw WorkspaceError(
          .badInput, "the reviewer's report has no score on \(commitment) \(scale)",
          es: "el informe del revisor no tiene puntaje en \(commitment) \(scale)", file: reviewerReport)
      }
      if theirLevel != nil && Set(levels) != Set(theirs) {
        throw WorkspaceError(
          .badInput,
          "the reviewer's report says \(theirs.joined(separator: ",")), not \(levels.joined(separator: ","))",
          es: "el informe del revisor dice \(theirs.joined(separator: ",")), no \(levels.joined(separator: ","))",
          field: "--their-level")
      }
      (proof, levels) = (found, theirs)
    }
    guard !levels.isEmpty else {
      throw UsageError("give --their-level or --reviewer-report", es: "indique --their-level o --reviewer-report")
    }
    var record = ReconciliationRecord(
      commitment: commitment, scale: scale, reviewer: reviewer, reviewerLevels: levels, stands: stands,
      rationale: rationale, score: score)
    record.reviewerProof = proof
    try options.open().reconcile(record, now: Environment.now())
    Output.line(
      "reconciled \(commitment) \(scale): the \(stands.rawValue)'s reading stands",
      es:
        "conciliado \(commitment) \(scale): se mantiene la lectura \(stands == .monitor ? "del evaluador" : "del revisor")"
    )
  }
}

extension ReconciliationRecord.Outcome: ExpressibleByArgument {}
