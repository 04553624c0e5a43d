import Crypto
import Foundation
import VeedorLedger
import VeedorReports
import VeedorSigning
import VeedorVerify
import VeedorWorkspace

/// `veedor import`: verifies many monitors' reports and merges the accepted ones with OGP sheets.
public struct DatasetImporter {
  /// A file that was not merged, and why.
  public struct Refusal: Codable, Sendable {
    public var file: String
    public var reason: String
  }

  /// A report that was merged.
  public struct Accepted: Codable, Sendable {
    public var file: String
    public var plan: String
    public var origin: String
    public var size: Int
  }

  /// Files merged.
  public private(set) var accepted: [Accepted] = []
  /// Files refused, one reason each.
  public private(set) var refused: [Refusal] = []
  /// Ledger origins with two signed checkpoints that contradict each other.
  public private(set) var equivocations: [String] = []
  /// The merged rows.
  public private(set) var dataset = Dataset()

  /// Verifies every input against the trust file and merges what passes; one bad file never stops the others.
  public init(inputs: [URL], trust: URL, progress: ((Int, Int) -> Void)? = nil) throws(VerifyError) {
    let trustFile = try TrustFile(trust)
    let files = Self.expand(inputs)
    // Reports are verified in parallel; sheets and the merge run in input order afterwards.
    let results = Self.verifyAll(
      files.filter { $0.pathExtension.lowercased() != "csv" }, trust: trust, progress: progress)
    var reports: [(url: URL, report: ReportV1, sha: String)] = []
    for url in files {
      if url.pathExtension.lowercased() == "csv" {
        mergeSheet(url)
        continue
      }
      guard let result = results[url] else { continue }
      guard result.verified, let report = result.parsed, let signer = result.signer.flatMap({ Data(hex: $0) }) else {
        let failure = result.firstFailure
        refused.append(
          Refusal(file: url.path, reason: "\(failure?.name ?? "report"): \(failure?.detail ?? "not verified")"))
        continue
      }
      let code = report.plan.memberCode ?? report.plan.id
      switch trustFile.authorize(signer, namespace: SSHSignature.reportNamespace, at: Date()) {
      case .success(let grant) where grant.allows(code): break
      case .success(let grant):
        refused.append(
          Refusal(file: url.path, reason: "out of scope: the signing key may report on \(grant), not \(code)"))
        continue
      case .failure(let refusal):
        refused.append(Refusal(file: url.path, reason: "untrusted key: \(refusal.reason)"))
        continue
      }
      let sha = (try? Data(contentsOf: url)).map { Data(SHA256.hash(data: $0)).hexString } ?? ""
      reports.append((url, report, sha))
    }
    for (_, group) in Dictionary(grouping: reports, by: { $0.report.checkpoint.origin }).sorted(by: { $0.key < $1.key })
    {
      let ordered = group.sorted { $0.report.checkpoint.size < $1.report.checkpoint.size }
      if let problem = Self.equivocation(ordered.map(\.report)) {
        equivocations.append(problem)
        for item in ordered { refused.append(Refusal(file: item.url.path, reason: "equivocation: \(problem)")) }
        continue
      }
      guard let latest = ordered.last else { continue }
      for row in ReportRows.rows(latest.report, reportSHA256: latest.sha) { dataset.add(row) }
      accepted.append(
        Accepted(
          file: latest.url.path, plan: latest.report.plan.id, origin: latest.report.checkpoint.origin,
          size: latest.report.checkpoint.size))
      for older in ordered.dropLast() {
        refused.append(
          Refusal(
            file: older.url.path, reason: "superseded by a later checkpoint of the same ledger (\(latest.url.path))"))
      }
    }
  }

  /// Writes the dataset, `summary.json`, `summary.md` and `import-log.json` into a folder.
  public func write(to folder: URL) throws {
    try dataset.write(to: folder)
    let summary = Summary(dataset)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    struct Log: Encodable {
      var accepted: [Accepted]
      var refused: [Refusal]
      var equivocations: [String]
    }
    let log = Log(accepted: accepted, refused: refused, equivocations: equivocations)
    try POSIXFile.writeAtomically(try encoder.encode(summary), to: folder.appendingPathComponent("summary.json"))
    try POSIXFile.writeAtomically(Data(summary.markdown.utf8), to: folder.appendingPathComponent("summary.md"))
    try POSIXFile.writeAtomically(try encoder.encode(log), to: folder.appendingPathComponent("import-log.json"))
  }

  /// Whether every input was merged and no ledger equivocated (superseded reports are fine).
  public var clean: Bool { equivocations.isEmpty && refused.allSatisfy { $0.reason.hasPrefix("superseded") } }

  private mutating func mergeSheet(_ url: URL) {
    do {
      let sheet = try OGPSheet(rows: try CSV.parse(try Data(contentsOf: url), file: url.path), file: url.path)
      for record in sheet.records {
        dataset.add(record.values.merging(["x_source": url.lastPathComponent]) { a, _ in a })
      }
      accepted.append(Accepted(file: url.path, plan: "OGP sheet (\(sheet.records.count) rows)", origin: "", size: 0))
    } catch {
      refused.append(Refusal(file: url.path, reason: "\(error)"))
    }
  }

  /// The first contradiction among one origin's checkpoints, smallest tree first.
  static func equivocation(_ reports: [ReportV1]) -> String? {
    guard let newest = reports.last, let newRoot = Data(base64Encoded: newest.checkpoint.root) else { return nil }
    for old in reports.dropLast() {
      let origin = old.checkpoint.origin
      if old.checkpoint.size == newest.checkpoint.size {
        if old.checkpoint.root != newest.checkpoint.root {
          return "\(origin): two checkpoints of size \(old.checkpoint.size) with different roots"
        }
        continue
      }
      guard let oldRoot = Data(base64Encoded: old.checkpoint.root),
        let proof = newest.consistency.first(where: {
          $0.oldSize == old.checkpoint.size && $0.oldRoot == old.checkpoint.root
        }),
        ProofVerifier.verifyConsistency(
          oldSize: old.checkpoint.size, newSize: newest.checkpoint.size, oldRoot: oldRoot, newRoot: newRoot,
          proof: proof.proof.compactMap { Data(hex: $0) })
      else {
        return "\(origin): no valid consistency path from size \(old.checkpoint.size) to \(newest.checkpoint.size)"
      }
    }
    return nil
  }

  /// Verifies reports on every core, calling `progress` as each finishes.
  public static func verifyAll(_ files: [URL], trust: URL, progress: ((Int, Int) -> Void)?) -> [URL: ReportVerification]
  {
    final class Results: @unchecked Sendable {
      let lock = NSLock()
      var byFile: [URL: ReportVerification] = [:]
    }
    let results = Results()
    nonisolated(unsafe) let callback = progress
    DispatchQueue.concurrentPerform(iterations: files.count) { i in
      let result = ReportVerifier.verify(files[i], options: .init(trust: trust))
      results.lock.lock()
      results.byFile[files[i]] = result
      let done = results.byFile.count
      callback?(done, files.count)
      results.lock.unlock()
    }
    return results.byFile
  }

  /// Report files and CSV sheets among the inputs, folders searched recursively, in a stable order.
  static func expand(_ inputs: [URL]) -> [URL] {
    var files: [URL] = []
    for input in inputs {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: input.path, isDirectory: &isDirectory), isDirectory.boolValue else {
        files.append(input)
        continue
      }
      let found = (FileManager.default.enumerator(atPath: input.path)?.compactMap { $0 as? String } ?? [])
        .filter { $0.hasSuffix("report.json") || $0.lowercased().hasSuffix(".csv") }.sorted()
      files += found.map { input.appendingPathComponent($0) }
    }
    return files
  }
}
