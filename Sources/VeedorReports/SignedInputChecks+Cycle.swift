import VeedorPlan
import VeedorRecords

extension SignedInputChecks {
  /// Refuses milestone updates and changes about milestones the plan (or an earlier recorded
  /// addition) does not have, and check-ins about commitments not in the plan.
  static func checkCycle(state: LedgerState, plan: ActionPlan) throws(ReportsError) {
    let commitments = Set(plan.commitments.map(\.id))
    // Each known milestone with its commitment; ids compared ignoring case, as the workspace does.
    var owner: [String: String] = [:]
    for c in plan.commitments { for i in c.milestones.indices { owner[c.milestoneID(i).lowercased()] = c.id } }
    var known = Set(plan.commitments.flatMap { c in c.milestones.indices.map { c.milestoneID($0) } })
    for (i, act) in state.acts.enumerated() {
      let field = "inputs.ledger[\(i)]"
      if let update = act.milestone, !known.contains(update.milestone) {
        throw ReportsError(
          .integrity, "updates milestone '\(update.milestone)', not in the plan",
          es: "actualiza el hito '\(update.milestone)', que no está en el plan", field: field)
      }
      if let change = act.milestoneChange {
        let holder = owner[change.milestone.lowercased()]
        // An added milestone has a new id; a reworded or dropped one stays in its own commitment.
        let fits =
          change.change == .added ? holder == nil : known.contains(change.milestone) && holder == change.commitment
        guard commitments.contains(change.commitment), fits else {
          throw ReportsError(
            .integrity,
            change.change == .added && holder != nil
              ? "adds milestone '\(change.milestone)' to '\(change.commitment)', but '\(holder ?? "")' already has that id"
              : "changes milestone '\(change.milestone)' of '\(change.commitment)', not in the plan",
            es: change.change == .added && holder != nil
              ? "agrega el hito '\(change.milestone)' a '\(change.commitment)', pero '\(holder ?? "")' ya tiene ese id"
              : "cambia el hito '\(change.milestone)' de '\(change.commitment)', que no está en el plan",
            field: field)
        }
        known.insert(change.milestone)
        owner[change.milestone.lowercased()] = change.commitment
      }
      if let checkin = act.checkin, let other = checkin.commitments.first(where: { !commitments.contains($0) }) {
        throw ReportsError(
          .integrity, "a check-in about '\(other)', not in the plan",
          es: "una reunión sobre '\(other)', que no está en el plan", field: field)
      }
    }
  }
}
