import Foundation
import VeedorErrors
import VeedorLedger
import VeedorPlan
import VeedorRecords
import VeedorSigning

/// `veedor ledger verify`: every line, every hash, every checkpoint signature and consistency.
public struct LedgerVerification: Sendable, Codable {
  /// Entries in the ledger.
  public var entries: Int
  /// Hex root of the whole ledger.
  public var root: String
  /// Checkpoints whose signature and consistency were checked.
  public var checkpoints: Int
  /// Entries after the largest signed checkpoint: not yet covered by any signature.
  public var uncovered: Int = 0
  /// The verifier key checkpoints were checked against.
  public var verifierKey: String?
  /// The first problem, if any: line and message.
  public var line: Int?
  /// What is wrong on that line.
  public var problem: String?
  /// The same in Spanish (not part of the JSON output).
  public var problemES: String?

  private enum CodingKeys: String, CodingKey {
    case entries, root, checkpoints, uncovered, verifierKey, line, problem
  }

  /// The problem in Spanish, or as it was recorded when no Spanish was kept.
  public var spanishProblem: String? { problemES ?? problem }

  /// Whether everything checked out.
  public var ok: Bool { problem == nil }

  /// Runs every check; `trusted` overrides the workspace's published verifier key.
  public init(workspace: Workspace, trusted: NoteKey? = nil, progress: ((Int, Int) -> Void)? = nil)
    throws(WorkspaceError)
  {
    let contents = try workspace.readLedger()
    let store = CheckpointStore(workspace: workspace)
    var key = trusted
    if key == nil { key = try store.publishedKey() }
    verifierKey = key?.description
    (entries, root, checkpoints) = (contents.lines.count, "", 0)
    let stored = try store.all()
    if !stored.isEmpty && key == nil {
      (line, problem, problemES) = (
        0, "checkpoints exist but no verifier key was found (checkpoints/verifier.vkey)",
        "hay puntos de control, pero no se encontró una clave de verificación (checkpoints/verifier.vkey)"
      )
      return
    }
    for entry in stored {
      let name = entry.url.lastPathComponent
      guard let key, entry.note.isSigned(by: key) else {
        (line, problem, problemES) = (
          0, "checkpoint \(name): signature does not verify with \(key?.description ?? "no key")",
          "punto de control \(name): la firma no se verifica con \(key?.description ?? "ninguna clave")"
        )
        return
      }
      guard entry.checkpoint.origin == workspace.config.origin else {
        (line, problem, problemES) = (
          0, "checkpoint \(name): origin '\(entry.checkpoint.origin)' is not this ledger's",
          "punto de control \(name): el origen '\(entry.checkpoint.origin)' no es el de este registro"
        )
        return
      }
    }
    let total = contents.lines.count
    let audit = LedgerAudit(
      contents, anchors: stored.map(\.checkpoint).reversed(), progress: progress.map { report in { report($0, total) } }
    )
    root = ((try? audit.tree.root()) ?? Data()).hexString
    if let finding = audit.finding {
      (line, problem, problemES) = (finding.line, finding.message, finding.messageES)
      return
    }
    do throws(WorkspaceError) {
      let state = try workspace.state(of: contents.lines)
      do { try state.voices.checkDraftRoots(contents.lines) } catch { throw WorkspaceError(error) }
    } catch {
      let field = error.field.map { " (\($0))" } ?? ""
      (line, problem, problemES) = (error.line ?? 0, error.message + field, error.messageES + field)
      return
    }
    for entry in stored {
      if let finding = audit.check(entry.checkpoint, name: entry.url.lastPathComponent) {
        (line, problem, problemES) = (finding.line, finding.message, finding.messageES)
        return
      }
      checkpoints += 1
    }
    // Last: a hand edit the chain cannot show (the final line) against what Veedor last wrote.
    do { try workspace.ledger.checkHead(contents) } catch {
      if case .badLine(_, let at, let reason) = error {
        (line, problem, problemES) = (at, reason.en, reason.es)
      } else {
        (problem, problemES) = (error.description, spanishText(error))
      }
      return
    }
    uncovered = total - (stored.map(\.checkpoint.size).max() ?? 0)
  }
}
