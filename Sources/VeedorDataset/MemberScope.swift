import VeedorPlan
import VeedorReports
import VeedorVerify

/// Which OGP member each commitment belongs to, so a key is held to the members it is trusted for.
///
/// OGP's sheet is the authority where it knows a commitment (by id, else by the id's letter prefix,
/// which OGP never shares between members); otherwise a commitment belongs to its id's letter prefix
/// (`CLPLN0001` to CLPLN, OGP Local's convention). The plan's own member code is a claim too: the
/// key must be trusted for it as well, so a report cannot label rows with another member's code.
public struct MemberScope: Sendable {
  private var codeByID: [String: String] = [:]
  private var codeByPrefix: [String: String] = [:]

  /// Learns the member codes of OGP's sheet rows.
  public init(sheets: [OGPSheet] = []) {
    for sheet in sheets {
      for record in sheet.records {
        guard let id = record.value(OGPSheet.idColumn), let code = record.value("Code") else { continue }
        if codeByID[id] == nil { codeByID[id] = code }
        let prefix = Self.letterPrefix(id)
        if !prefix.isEmpty && codeByPrefix[prefix] == nil { codeByPrefix[prefix] = code }
      }
    }
  }

  /// The member code a commitment of a plan belongs to.
  public func member(of commitment: String, in plan: ActionPlan) -> String {
    let prefix = Self.letterPrefix(commitment)
    if let code = codeByID[commitment] ?? codeByPrefix[prefix] { return code }
    return prefix.isEmpty ? plan.memberCode ?? plan.id : prefix
  }

  /// The first commitment of a report outside what the trust file grants (or `plan` when it is the
  /// plan's own member code), with its member code.
  public func outOfScope(_ report: Report, grant: TrustFile.Grant) -> (commitment: String, member: String)? {
    if let claimed = report.plan.memberCode, !grant.allows(claimed) { return ("the plan", claimed) }
    for commitment in report.plan.commitments {
      let code = member(of: commitment.id, in: report.plan)
      if !grant.allows(code) { return (commitment.id, code) }
    }
    return nil
  }

  static func letterPrefix(_ id: String) -> String { String(id.prefix { $0.isLetter }) }
}
