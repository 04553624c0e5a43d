import Crypto
import Foundation
import VeedorErrors
import VeedorJSON
import VeedorLedger
import VeedorPlan
import VeedorRecords
import VeedorRubric

/// A monitoring workspace: a folder whose single source of truth is `ledger.jsonl`.
///
/// Layout: `veedor.json`, `plan.json`, `rubric.json` (exact copy of the rubric file),
/// `ledger.jsonl`, `objects/` (evidence by SHA-256) and `checkpoints/`; beside the ledger, the local
/// guards `ledger.jsonl.head` and `ledger.jsonl.state` (a checked snapshot of its state).
public struct Workspace: Sendable {
  /// The workspace folder.
  public let root: URL
  /// Contents of `veedor.json`.
  public let config: WorkspaceConfig
  /// The action plan monitored.
  public let plan: ActionPlan
  /// The rubric scored against.
  public var rubric: Rubric { rubricSlot.rubric }
  /// The rubric, reporting pinned bytes that no longer load as an integrity error.
  public func loadedRubric() throws(WorkspaceError) -> Rubric { try rubricSlot.load() }
  private let rubricSlot: RubricSlot
  /// The append-only ledger.
  public let ledger: LedgerFile

  /// Folder of stored evidence files.
  public var objects: EvidenceStore { EvidenceStore(root: root.appendingPathComponent("objects")) }
  /// Folder of signed checkpoints.
  public var checkpointsFolder: URL { root.appendingPathComponent("checkpoints") }
  /// Path of the ledger file, for messages.
  public var ledgerPath: String { ledger.url.path }

  /// Position of each commitment by lower-cased id, so look-ups need no scan of the plan.
  let commitmentIndex: [String: Int]

  private init(root: URL, config: WorkspaceConfig, plan: ActionPlan, rubric: RubricSlot) {
    self.root = root
    self.config = config
    self.plan = plan
    self.rubricSlot = rubric
    self.ledger = LedgerFile(url: root.appendingPathComponent("ledger.jsonl"))
    var index: [String: Int] = [:]
    for (i, commitment) in plan.commitments.enumerated() where index[commitment.id.lowercased()] == nil {
      index[commitment.id.lowercased()] = i
    }
    commitmentIndex = index
  }

  /// Creates a workspace in a new or empty folder; nothing is left behind if it fails.
  public static func create(
    at root: URL, plan: ActionPlan, rubricData: Data, origin: String? = nil, now: Date
  ) throws(WorkspaceError) -> Workspace {
    let rubric: Rubric
    do { rubric = try Rubric.load(rubricData) } catch {
      throw WorkspaceError(.badInput, error.description, es: spanishText(error))
    }
    if !(rubric.planScales ?? []).isEmpty, let clash = plan.commitmentNamedLikePlan {
      throw WorkspaceError(
        .badInput,
        "the plan's id '\(plan.id)' is also commitment \(clash.id)'s; the rubric \(rubric.id) scores questions about the whole plan on the plan's id, so give the plan another id",
        es:
          "el id '\(plan.id)' del plan es también el del compromiso \(clash.id); la rúbrica \(rubric.id) puntúa las preguntas sobre todo el plan con el id del plan, así que dé otro id al plan",
        field: "id")
    }
    let fm = FileManager.default
    if let existing = try? fm.contentsOfDirectory(atPath: root.path), !existing.isEmpty {
      throw WorkspaceError(
        .conflict, "folder is not empty; choose a new folder for the workspace",
        es: "la carpeta no está vacía; elija una carpeta nueva para el espacio de trabajo", file: root.path)
    }
    let parent = root.deletingLastPathComponent()
    let staging = parent.appendingPathComponent(".\(root.lastPathComponent).init-\(UUID().uuidString)")
    let config = WorkspaceConfig(
      plan: plan.id, rubric: rubric.id, origin: origin ?? WorkspaceConfig.defaultOrigin(for: plan.id))
    do {
      try fm.createDirectory(at: staging, withIntermediateDirectories: true)
      let planData = try encode(plan)
      try POSIXFile.writeAtomically(try encode(config), to: staging.appendingPathComponent("veedor.json"))
      try POSIXFile.writeAtomically(planData, to: staging.appendingPathComponent("plan.json"))
      try POSIXFile.writeAtomically(rubricData, to: staging.appendingPathComponent("rubric.json"))
      try fm.createDirectory(at: staging.appendingPathComponent("objects"), withIntermediateDirectories: true)
      var act = Act(after: [], type: .planImported, time: now)
      act.plan = PlanRecord(
        id: plan.id, sha256: Data(SHA256.hash(data: planData)).hexString, commitments: plan.commitments.count,
        rubric: rubric.id, rubricVersion: rubric.version, rubricSHA256: Data(SHA256.hash(data: rubricData)).hexString)
      let line = try act.line()
      try LedgerFile(url: staging.appendingPathComponent("ledger.jsonl")).append { _ in [line] }
      if fm.fileExists(atPath: root.path) { try fm.removeItem(at: root) }
      try fm.moveItem(at: staging, to: root)
      POSIXFile.syncDirectory(of: root)
    } catch {
      try? fm.removeItem(at: staging)
      throw WorkspaceError(
        .io, "cannot create the workspace: \(error)",
        es: "no se puede crear el espacio de trabajo: \(spanishText(error))", file: root.path)
    }
    return Workspace(root: root, config: config, plan: plan, rubric: RubricSlot(rubric))
  }

  /// Opens an existing workspace; `decodingRubric: false` leaves the pinned rubric to be decoded
  /// when first needed (for appends that never read it).
  public static func open(_ root: URL, decodingRubric: Bool = true) throws(WorkspaceError) -> Workspace {
    let configURL = root.appendingPathComponent("veedor.json")
    guard let configData = try? Data(contentsOf: configURL) else {
      throw WorkspaceError(
        .badInput,
        "not a Veedor workspace (no veedor.json); create one with 'veedor init DIR --plan FILE --rubric ID' or pass --workspace DIR",
        es:
          "no es un espacio de trabajo de Veedor (no hay veedor.json); cree uno con 'veedor init DIR --plan FILE --rubric ID' o indique --workspace DIR",
        file: root.path)
    }
    let config: WorkspaceConfig
    do { config = try JSONDecoder().decode(WorkspaceConfig.self, from: configData) } catch {
      throw WorkspaceError(
        .badInput, "not a workspace configuration", es: "no es una configuración de espacio de trabajo",
        file: configURL.path)
    }
    let planURL = root.appendingPathComponent("plan.json")
    guard let planData = try? Data(contentsOf: planURL) else {
      throw WorkspaceError(.integrity, "missing", es: "falta", file: planURL.path)
    }
    let plan: ActionPlan
    do { plan = try PlanImporter.decodeJSON(planData, file: planURL.path) } catch { throw WorkspaceError(error) }
    let rubricURL = root.appendingPathComponent("rubric.json")
    guard let rubricData = try? Data(contentsOf: rubricURL) else {
      throw WorkspaceError(.integrity, "missing", es: "falta", file: rubricURL.path)
    }
    let rubric: RubricSlot
    if isPinned(rubricData, root: root) {
      rubric = RubricSlot(pinned: rubricData, file: rubricURL.path)
      if decodingRubric { _ = try rubric.load() }
    } else {
      do { rubric = RubricSlot(try Rubric.load(rubricData)) } catch {
        throw WorkspaceError(.integrity, error.description, es: spanishText(error), file: rubricURL.path)
      }
    }
    return Workspace(root: root, config: config, plan: plan, rubric: rubric)
  }

  /// Whether the ledger's first entry pins exactly these rubric bytes: `create` validated them before
  /// pinning, so they are decoded when first needed, without running the validator again. A
  /// rubric.json that differs from the pin is validated on opening, and refused by every command
  /// that reads the ledger's state.
  private static func isPinned(_ data: Data, root: URL) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: root.appendingPathComponent("ledger.jsonl").path) else {
      return false
    }
    defer { try? handle.close() }
    // The first line is short: a small read usually holds it, else up to the longest line allowed.
    var head = (try? handle.read(upToCount: 4096)) ?? Data()
    if head.count == 4096, !head.contains(0x0A) {
      head += (try? handle.read(upToCount: LedgerFile.maxLineBytes + 1 - head.count)) ?? Data()
    }
    guard let end = head.firstIndex(of: 0x0A) else { return false }
    guard let first = CanonicalJSON.read(Act.self, from: head[..<end]), first.seq == 0, first.type == .planImported,
      first.plan?.rubricSHA256 == Data(SHA256.hash(data: data)).hexString
    else { return false }
    return true
  }

  /// Replays the whole ledger, keeping every act and evidence record, and checks that `plan.json`
  /// and `rubric.json` are the files it pinned (``currentState()`` is the cheap, compact one).
  ///
  /// A torn last line (an interrupted write) is reported rather than silently skipped.
  public func state() throws(WorkspaceError) -> LedgerState {
    try state(of: try readWholeLedger().lines)
  }

  /// The whole ledger, refused when its last line is torn or it does not end where Veedor last wrote.
  func readWholeLedger() throws(WorkspaceError) -> LedgerFile.Contents {
    let contents = try readLedger()
    if contents.tornTail != nil {
      throw WorkspaceError(
        .integrity, "the last line is incomplete (an interrupted write); run 'veedor ledger repair' to move it aside",
        es:
          "la última línea está incompleta (una escritura interrumpida); ejecute 'veedor ledger repair' para apartarla",
        file: ledgerPath, line: contents.lines.count + 1)
    }
    do { try ledger.checkHead(contents) } catch {
      throw WorkspaceError(.integrity, error.description, es: spanishText(error))
    }
    return contents
  }

  /// Reads the ledger file, mapping its errors to workspace errors.
  public func readLedger() throws(WorkspaceError) -> LedgerFile.Contents {
    do { return try ledger.read() } catch { throw WorkspaceError(.io, error.description, es: spanishText(error)) }
  }

  /// Replays the given ledger lines and checks the pinned files.
  public func state(of lines: [Data]) throws(WorkspaceError) -> LedgerState {
    let state: LedgerState
    do { state = try LedgerState.replay(lines, file: ledgerPath) } catch { throw WorkspaceError(error) }
    try checkPins(state)
    return state
  }

  static func encode<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(value) + Data("\n".utf8)
  }
}
