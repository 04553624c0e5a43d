import Foundation
import VeedorErrors
import VeedorLedger
import VeedorRubric

/// The workspace's rubric, decoded once: when the workspace opens, or, for a command that opened it
/// with `decodingRubric: false` (evidence, notes, check-ins, milestone updates, which never read it),
/// the first time it is asked for.
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

  /// The rubric, decoding it if no one has yet; pinned bytes that no longer load (a rubric format
  /// changed since they were pinned) are the same integrity error opening the workspace gave.
  func load() throws(WorkspaceError) -> Rubric {
    lock.lock()
    defer { lock.unlock() }
    if let decoded { return decoded }
    WorkCounter.add("rubric decodes", 1)
    let rubric: Rubric
    if let plain = try? JSONDecoder().decode(Rubric.self, from: data) {
      rubric = plain
    } else {
      do throws(RubricError) { rubric = try Rubric.load(data) } catch {
        throw WorkspaceError(.integrity, error.description, es: spanishText(error), file: file)
      }
    }
    decoded = rubric
    return rubric
  }

  /// The rubric. A workspace opened with its rubric decoded always has it; one opened without reads
  /// it through ``load()`` wherever a failure can be reported, so this cannot fail in practice.
  var rubric: Rubric {
    do { return try load() } catch { fatalError("\(error.description)") }
  }
}
