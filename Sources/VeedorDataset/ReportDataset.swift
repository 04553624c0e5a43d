import Foundation
import VeedorReports
import VeedorVerify

/// `veedor export`: the OGP-shaped rows of one report, taken only from bytes that verified.
public enum ReportDataset {
  /// Verifies the report (against `trust` when given, else integrity only) and returns its rows.
  public static func load(report url: URL, trust: URL?, maxBytes: Int64 = ReportVerifier.defaultMaxBytes)
    throws(DatasetError) -> (dataset: Dataset, verification: ReportVerification)
  {
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw DatasetError(
        .badInput, "no report here; export one first with 'veedor report export'",
        es: "aquí no hay un informe; exporte uno primero con 'veedor report export'", file: url.path)
    }
    var trustFile: TrustFile?
    if let trust {
      do { trustFile = try ReportVerifier.loadTrust(trust) } catch {
        throw DatasetError(.badInput, error.description, es: error.spanishDescription)
      }
    }
    let result = ReportVerifier.verify(url, options: .init(trust: trust, maxBytes: maxBytes), trust: trustFile)
    guard result.verified, let report = result.parsed, let bytes = result.files["report.json"] else {
      throw DatasetError(
        .failed, "does not verify, so nothing is exported: \(result.failureReason)",
        es: "no se verifica, así que no se exporta nada: \(result.spanishFailureReason)", file: url.path)
    }
    var dataset = Dataset()
    for row in ReportRows.rows(report, reportSHA256: ReportInputs.sha256(bytes)) { dataset.add(row) }
    return (dataset, result)
  }
}
