import Foundation
import VeedorLedger
import VeedorRubric

/// The workspace's rubric, decoded when first asked for: most appends (evidence, notes, check-ins)
/// never read it, and decoding it was a tenth of such a command's time.
///
/// Only bytes the ledger pins are decoded lazily (`Workspace.create` validated them before pinning
/// them); any other `rubric.json` is validated when the workspace is opened.
final class RubricSlot: @unchecked Sendable {
  private let lock = NSLock()
  private var decoded: Rubric?
  private let data: Data
  private let file: String

  /// A slot holding an already decoded rubric.
  init(_ rubric: Rubric) {
    decoded = rubric
    data = Data()
    file = ""
  }

  /// A slot that decodes `data`, the pinned bytes of `file`, when first asked.
  init(pinned data: Data, file: String) {
    self.data = data
    self.file = file
  }

  /// The rubric.
  var rubric: Rubric {
    lock.withLock {
      if let decoded { return decoded }
      WorkCounter.add("rubric decodes", 1)
      // Pinned bytes passed `Rubric.load` when they were pinned; decoding them again cannot fail
      // unless the rubric format changed in between, which `Rubric.load` then says.
      let rubric: Rubric
      if let plain = try? JSONDecoder().decode(Rubric.self, from: data) {
        rubric = plain
      } else {
        do { rubric = try Rubric.load(data) } catch { fatalError("\(file): \(error)") }
      }
      decoded = rubric
      return rubric
    }
  }
}
