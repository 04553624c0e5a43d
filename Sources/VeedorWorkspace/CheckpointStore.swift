import Foundation
import VeedorErrors
import VeedorLedger
import VeedorPlan
import VeedorRecords
import VeedorSigning

/// The `checkpoints/` folder: signed tree heads of the ledger (C2SP tlog-checkpoint notes).
public struct CheckpointStore: Sendable {
  /// A stored, parsed checkpoint.
  public struct Entry: Sendable {
    /// File it was read from.
    public var url: URL
    /// The signed note.
    public var note: SignedNote
    /// Its body.
    public var checkpoint: Checkpoint
  }

  /// The folder.
  public let folder: URL
  /// The workspace's ledger origin.
  public let origin: String

  /// The store of a workspace.
  public init(workspace: Workspace) {
    folder = workspace.checkpointsFolder
    origin = workspace.config.origin
  }

  /// Where the verifier key of the log is published.
  public var verifierKeyURL: URL { folder.appendingPathComponent("verifier.vkey") }

  /// The published verifier key, if a checkpoint was ever signed.
  public func publishedKey() throws(WorkspaceError) -> NoteKey? {
    guard let text = try? String(contentsOf: verifierKeyURL, encoding: .utf8) else { return nil }
    do { return try NoteKey(text: text) } catch {
      throw WorkspaceError(.integrity, error.description, es: spanishText(error), file: verifierKeyURL.path)
    }
  }

  /// Every stored checkpoint, smallest tree first; a file that does not parse is an integrity error.
  public func all() throws(WorkspaceError) -> [Entry] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    var entries: [Entry] = []
    for name in names where name.hasSuffix(".note") {
      let url = folder.appendingPathComponent(name)
      do {
        let note = try SignedNote(parsing: try String(contentsOf: url, encoding: .utf8))
        entries.append(Entry(url: url, note: note, checkpoint: try Checkpoint(text: note.text)))
      } catch let error as SigningError {
        throw WorkspaceError(.integrity, error.description, es: spanishText(error), file: url.path)
      } catch let error as LedgerError {
        throw WorkspaceError(.integrity, error.description, es: spanishText(error), file: url.path)
      } catch {
        throw WorkspaceError(.integrity, "cannot read", es: "no se puede leer", file: url.path)
      }
    }
    return entries.sorted { $0.checkpoint.size < $1.checkpoint.size }
  }

  /// Signs the current tree head, refusing when the ledger fails its audit or contradicts the last checkpoint.
  public func sign(_ workspace: Workspace, key: MonitorKey) throws(WorkspaceError) -> Entry {
    let contents = try workspace.readLedger()
    do { try workspace.ledger.checkHead(contents) } catch {
      throw WorkspaceError(
        .integrity, "refusing to sign: \(error.description)", es: "no se firma: \(spanishText(error))")
    }
    let audit = LedgerAudit(contents)
    if let finding = audit.finding {
      throw WorkspaceError(
        .integrity, finding.message, es: finding.messageES, file: workspace.ledgerPath, line: finding.line)
    }
    let noteKey: NoteKey
    do { noteKey = try NoteKey(name: origin, publicKey: key.publicKey) } catch {
      throw WorkspaceError(.badInput, error.description, es: spanishText(error), file: "veedor.json", field: "origin")
    }
    if let published = try publishedKey(), published != noteKey {
      throw WorkspaceError(
        .conflict, "this ledger's checkpoints are signed by another key (\(published)); use that key",
        es: "los puntos de control de este registro están firmados por otra clave (\(published)); use esa clave",
        file: verifierKeyURL.path)
    }
    let existing = try all()
    for entry in existing {
      if let finding = audit.check(entry.checkpoint, name: entry.url.lastPathComponent) {
        throw WorkspaceError(
          .integrity, "refusing to sign: \(finding.message)", es: "no se firma: \(finding.messageES)",
          file: workspace.ledgerPath, line: finding.line)
      }
    }
    let root: Data
    do { root = try audit.tree.root() } catch {
      throw WorkspaceError(.integrity, error.description, es: spanishText(error))
    }
    let checkpoint = Checkpoint(origin: origin, size: audit.tree.size, root: root)
    if let same = existing.last, same.checkpoint == checkpoint { return same }
    do {
      let note = try SignedNote.sign(checkpoint.text, name: origin, key: key)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let url = folder.appendingPathComponent(String(format: "%010d.note", checkpoint.size))
      try POSIXFile.writeAtomically(Data(note.serialized.utf8), to: url)
      if try publishedKey() == nil {
        try POSIXFile.writeAtomically(Data((noteKey.description + "\n").utf8), to: verifierKeyURL)
      }
      return Entry(url: url, note: note, checkpoint: checkpoint)
    } catch let error as WorkspaceError {
      throw error
    } catch {
      throw WorkspaceError(
        .io, "cannot store the checkpoint: \(error)",
        es: "no se puede guardar el punto de control: \(spanishText(error))", file: folder.path)
    }
  }
}
