import Foundation
import VeedorPlan
import VeedorRubric

/// Plans and rubrics already decoded and checked, by the SHA-256 of their exact bytes: importing many
/// reports of one plan and rubric decodes them once. Bounded; values only, so sharing is safe.
final class DecodedInputs: @unchecked Sendable {
  static let shared = DecodedInputs()
  private let lock = NSLock()
  private var plans: [String: ActionPlan] = [:]
  private var rubrics: [String: Rubric] = [:]
  private let limit = 64

  /// The plan for these bytes, decoded and checked once.
  func plan(sha256: String, _ make: () throws(ReportsError) -> ActionPlan) throws(ReportsError) -> ActionPlan {
    if let cached = lock.withLock({ plans[sha256] }) { return cached }
    let plan = try make()
    lock.withLock {
      if plans.count >= limit { plans.removeAll() }
      plans[sha256] = plan
    }
    return plan
  }

  /// Inputs hashed lately, with their digests: many reports of one import carry the same rubric bytes.
  private var digests: [(bytes: Data, sha256: String)] = []

  /// ``ReportInputs/sha256(_:)`` of `bytes`, taken from an earlier call with equal bytes when there was
  /// one (comparing bytes costs a tenth of hashing them).
  func sha256(_ bytes: Data) -> String {
    if let known = lock.withLock({ digests.first { $0.bytes == bytes }?.sha256 }) { return known }
    let digest = ReportInputs.sha256(bytes)
    lock.withLock {
      if digests.count >= 4 { digests.removeFirst() }
      digests.append((bytes, digest))
    }
    return digest
  }

  /// The rubric for these bytes, decoded once.
  func rubric(sha256: String, _ make: () throws(ReportsError) -> Rubric) throws(ReportsError) -> Rubric {
    if let cached = lock.withLock({ rubrics[sha256] }) { return cached }
    let rubric = try make()
    lock.withLock {
      if rubrics.count >= limit { rubrics.removeAll() }
      rubrics[sha256] = rubric
    }
    return rubric
  }
}
