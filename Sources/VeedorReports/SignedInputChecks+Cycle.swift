import VeedorPlan
import VeedorRecords

extension SignedInputChecks {
  /// Refuses milestone updates and changes about milestones the plan (or an earlier recorded
  /// addition) does not have, and check-ins about commitments not in the plan.
  static func checkCycle(state: LedgerState, plan: ActionPlan) throws(ReportsError) {
    let commitments = Set(plan.commitments.map(\.id))
    var known = Set(plan.commitments.flatMap { c in c.milestones.indices.map { c.milestoneID($0) } })
    for (i, act) in state.acts.enumerated() {
      let field = "inputs.ledger[\(i)]"
      if let update = act.milestone, !known.contains(update.milestone) {
        throw ReportsError(.integrity, "updates milestone '\(update.milestone)', not in the plan", field: field)
      }
      if let change = act.milestoneChange {
        guard commitments.contains(change.commitment), change.change == .added || known.contains(change.milestone)
        else {
          throw ReportsError(
            .integrity, "changes milestone '\(change.milestone)' of '\(change.commitment)', not in the plan",
            field: field)
        }
        known.insert(change.milestone)
      }
      if let checkin = act.checkin, let other = checkin.commitments.first(where: { !commitments.contains($0) }) {
        throw ReportsError(.integrity, "a check-in about '\(other)', not in the plan", field: field)
      }
    }
  }
}
