import Foundation
import VeedorVerify

extension DatasetImporter {
  /// Verifies reports on `workers` threads, results in input order, calling `progress` as each finishes.
  static func verifyAll(
    _ files: [URL], options: ReportVerifier.Options, trust: TrustFile, workers: Int, progress: ((Int, Int) -> Void)?
  ) -> [(URL, ReportVerification, rows: (rows: [[String: String]], columns: Set<String>))] {
    /// How many have finished, counted under a lock so `progress` sees each count once.
    final class Done: @unchecked Sendable {
      let lock = NSLock()
      var count = 0
    }
    let done = Done()
    nonisolated(unsafe) let callback = progress
    let results = ParallelMap.map(files.count, workers: workers) { i in
      var result = ReportVerifier.verify(files[i], options: options, trust: trust)
      // Keep only what the merge needs: the verified report and the hash of its bytes, never the bytes.
      result.parsed = result.verified ? result.parsed : nil
      result.files = [:]
      // A verified report's OGP rows depend on it alone: made here, on the same core, while it is at hand.
      let rows = result.parsed.map { ReportRows.rows($0, reportSHA256: result.sha256 ?? "") } ?? []
      let columns = rows.reduce(into: Set<String>()) { $0.formUnion($1.keys) }
      done.lock.withLock {
        done.count += 1
        callback?(done.count, files.count)
      }
      return (result, (rows, columns))
    }
    return zip(files, results).map { ($0, $1.0, rows: $1.1) }
  }

  /// The inputs with folders replaced by the `report.json` files they hold (searched recursively, in a
  /// stable order). A sheet CSV is imported only when named itself: a folder of reports may also hold
  /// the monitor's own `commitments.csv` export, or any CSV someone dropped there.
  static func expand(_ inputs: [URL]) -> [URL] {
    var files: [URL] = []
    for input in inputs {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: input.path, isDirectory: &isDirectory), isDirectory.boolValue else {
        files.append(input)
        continue
      }
      let found = (FileManager.default.enumerator(atPath: input.path)?.compactMap { $0 as? String } ?? [])
        .filter { $0.hasSuffix("report.json") }.sorted()
      files += found.map { input.appendingPathComponent($0) }
    }
    return files
  }
}
