import Foundation
import VeedorVerify

extension DatasetImporter {
  /// Verifies reports on `workers` threads, results in input order, calling `progress` as each finishes.
  /// A report that verified comes back as what the merge needs of it (``VerifiedReport``), made on the
  /// same core while it is at hand; the report itself and its bytes are not kept.
  static func verifyAll(
    _ files: [URL], options: ReportVerifier.Options, trust: TrustFile, scope: MemberScope, workers: Int,
    progress: ((Int, Int) -> Void)?
  ) -> [(URL, ReportVerification, VerifiedReport?)] {
    /// How many have finished, counted under a lock so `progress` sees each count once.
    final class Done: @unchecked Sendable {
      let lock = NSLock()
      var count = 0
    }
    let done = Done()
    nonisolated(unsafe) let callback = progress
    let results = ParallelMap.map(files.count, workers: workers) { i in
      var result = ReportVerifier.verify(files[i], options: options, trust: trust)
      var verified: VerifiedReport?
      if result.verified, let report = result.parsed, let sha256 = result.sha256, let grant = result.grant {
        verified = VerifiedReport(url: files[i], report: report, sha256: sha256, scope: scope, grant: grant)
      }
      result.parsed = nil
      result.files = [:]
      done.lock.withLock {
        done.count += 1
        callback?(done.count, files.count)
      }
      return (result, verified)
    }
    return zip(files, results).map { ($0, $1.0, $1.1) }
  }

  /// The order of found paths: as Swift orders strings, and two spellings Swift holds equal (`K` and the
  /// Kelvin sign, `é` in one scalar or two) by their UTF-8 bytes, so no order is left to the folder walk.
  static func precedes(_ a: String, _ b: String) -> Bool {
    a != b ? a < b : a.utf8.lexicographicallyPrecedes(b.utf8)
  }

  /// The inputs with folders replaced by the `report.json` files they hold (searched recursively, in a
  /// stable order). A folder named through a symbolic link is searched where the link leads (links
  /// inside it are not followed). A sheet CSV is imported only when named itself: a folder of reports
  /// may also hold the monitor's own `commitments.csv` export, or any CSV someone dropped there.
  static func expand(_ inputs: [URL]) -> [URL] {
    var files: [URL] = []
    for input in inputs {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: input.path, isDirectory: &isDirectory), isDirectory.boolValue else {
        files.append(input)
        continue
      }
      // Listing a link itself finds nothing: its target is listed, and the files keep the name given.
      let listed = input.resolvingSymlinksInPath().path
      let found =
        (FolderWalk.paths(under: listed, endingWith: "report.json")
        ?? (FileManager.default.enumerator(atPath: listed)?.compactMap { $0 as? String } ?? [])
        .filter { $0.hasSuffix("report.json") }).sorted(by: Self.precedes)
      files += found.map { input.appendingPathComponent($0) }
    }
    return files
  }
}
