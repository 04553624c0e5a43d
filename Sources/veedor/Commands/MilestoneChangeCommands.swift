import ArgumentParser
import Foundation
import VeedorPlan
import VeedorRecords
import VeedorWorkspace

/// The wording, dates, unit and weight of a milestone as options, shared by add and reword.
struct MilestoneFields: ParsableArguments {
  @Option(help: "What is to be delivered, in English.") var title: String?
  @Option(help: "What is to be delivered, in Spanish.") var titleEs: String?
  @Option(help: "Planned start: YYYY-MM-DD, YYYY-MM or YYYY.") var start: String?
  @Option(help: "Due date: YYYY-MM-DD, YYYY-MM or YYYY.") var due: String?
  @Option(help: "Responsible unit.") var responsible: String?
  @Option(help: "Weight in the commitment's progress (default 1).") var weight: Double?
  /// The language of messages: `--lang en|es`.
  @OptionGroup var messages: MessageLanguageOption

  func validate() throws {
    for (name, value) in [("--start", start), ("--due", due)] {
      if let value, PlanDate(iso: value) == nil {
        throw UsageError(
          "\(name) '\(value)' is not YYYY-MM-DD, YYYY-MM or YYYY",
          es: "\(name) '\(value)' no es YYYY-MM-DD, YYYY-MM ni YYYY")
      }
    }
    if let weight, !(weight > 0 && weight.isFinite) {
      throw UsageError("--weight must be a positive number", es: "--weight debe ser un número positivo")
    }
  }

  /// The milestone these options describe, on top of `base`.
  func milestone(over base: Milestone?) throws -> Milestone {
    let title = PlanText(en: self.title ?? base?.title.en, es: titleEs ?? base?.title.es)
    guard !(title.en ?? "").isEmpty || !(title.es ?? "").isEmpty else {
      throw UsageError("a milestone needs --title (or --title-es)", es: "un hito requiere --title (o --title-es)")
    }
    return Milestone(
      title: title, due: due.flatMap(PlanDate.init(iso:)) ?? base?.due, id: nil,
      start: start.flatMap(PlanDate.init(iso:)) ?? base?.start, responsible: responsible ?? base?.responsible,
      weight: weight ?? base?.weight)
  }
}

extension MilestoneCommand {
  /// `veedor milestone add`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Record a milestone added to a commitment during implementation (a recorded plan change).",
      discussion: """
        Example: veedor milestone add CLPLN0002 --title "Second public consultation" --due 2024-06 --reason "Agreed at the May check-in (C4)"
        """)
    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "Commitment id.") var commitment: String
    @OptionGroup var fields: MilestoneFields
    @Option(help: "Its id (default: the commitment's next COMMITMENT.M<n>).") var id: String?
    @Option(help: "Why: the decision or document behind the change.") var reason: String

    func run() throws {
      let workspace = try options.open()
      let record = try workspace.changeMilestone(
        .added, id: id, commitment: commitment, now: try fields.milestone(over: nil), reason: reason,
        at: Environment.now())
      Output.line(
        "\(record.milestone) added to \(record.commitment)", es: "\(record.milestone) agregado a \(record.commitment)")
    }
  }

  /// `veedor milestone reword`.
  struct Reword: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "reword",
      abstract: "Record new wording, dates, unit or weight of a milestone (the plan file stays as published).",
      discussion:
        "Example: veedor milestone reword CLPLN0001.M2 --due 2024-09 --reason \"Deadline moved by decree 123\"")
    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "Milestone id.") var milestone: String
    @OptionGroup var fields: MilestoneFields
    @Option(help: "Why: the decision or document behind the change.") var reason: String

    func run() throws {
      let workspace = try options.open()
      let board = workspace.milestoneBoard(try workspace.currentState(), today: Environment.today())
      let current = board.item(milestone).map {
        Milestone(
          title: $0.title, due: $0.due, id: nil, start: $0.start, responsible: $0.responsible, weight: $0.weight)
      }
      let record = try workspace.changeMilestone(
        .reworded, id: milestone, commitment: nil, now: try fields.milestone(over: current), reason: reason,
        at: Environment.now())
      Output.line("\(record.milestone) reworded", es: "\(record.milestone): nueva redacción registrada")
    }
  }

  /// `veedor milestone drop`.
  struct Drop: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "drop",
      abstract: "Record a milestone dropped from its commitment; its history stays, it no longer counts.",
      discussion: "Example: veedor milestone drop CLPLN0001.M5 --reason \"Replaced by M6 (council decision 45)\"")
    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "Milestone id.") var milestone: String
    @Option(help: "Why: the decision or document behind the change.") var reason: String
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    func run() throws {
      let workspace = try options.open()
      let record = try workspace.changeMilestone(
        .dropped, id: milestone, commitment: nil, now: nil, reason: reason, at: Environment.now())
      Output.line("\(record.milestone) dropped", es: "\(record.milestone) eliminado del plan")
    }
  }
}
