import Foundation
import VeedorReports

extension DatasetImporter {
  /// The OGP rows of each report, one list per report in the order given, computed on `workers`
  /// threads: each report's rows depend on that report alone, and the caller adds them in this order.
  static func rows(_ reports: [VerifiedReport], workers: Int) -> [[[String: String]]] {
    ParallelMap.map(reports.count, workers: workers) { i in
      ReportRows.rows(reports[i].report, reportSHA256: reports[i].sha256)
    }
  }
}
