import Foundation
import VeedorLedger
import VeedorReports

/// Step 6: every stored evidence file has the SHA-256 and the size the ledger recorded.
enum EvidenceChecks {
  static func run(_ report: Report, _ folder: URL?, _ result: inout ReportVerification) {
    let name = StepName.evidence
    guard let folder else {
      result.skip(name, "not requested (--evidence-dir DIR)", es: "no se pidió (--evidence-dir DIR)")
      return
    }
    var checked = 0
    for item in report.evidence {
      guard let sha = item.record.sha256 else { continue }
      let candidates =
        [
          folder.appendingPathComponent(sha),
          folder.appendingPathComponent(String(sha.prefix(2))).appendingPathComponent(sha),
        ]
        + (item.record.fileName.map { [folder.appendingPathComponent(URL(fileURLWithPath: $0).lastPathComponent)] }
          ?? [])
      guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
        result.fail(
          name, "evidence \(item.record.id) (sha256 \(sha.prefix(12))…) is not in \(folder.path)",
          es: "la evidencia \(item.record.id) (sha256 \(sha.prefix(12))…) no está en \(folder.path)")
        return
      }
      guard (try? BoundedRead.sha256(of: found)) == sha else {
        result.fail(
          name, "evidence \(item.record.id): \(found.path) does not have the recorded SHA-256",
          es: "evidencia \(item.record.id): \(found.path) no tiene el SHA-256 registrado")
        return
      }
      // The recorded size is what a form's upload limit is checked against: it must be the file's.
      if let size = item.record.size {
        let actual = (try? FileManager.default.attributesOfItem(atPath: found.path)[.size] as? NSNumber)?.int64Value
        guard actual == size else {
          result.fail(
            name,
            "evidence \(item.record.id): \(found.path) has \(actual.map(String.init) ?? "an unknown number of") bytes, but the ledger records \(size)",
            es:
              "evidencia \(item.record.id): \(found.path) tiene \(actual.map { "\($0) bytes" } ?? "un número desconocido de bytes"), pero el registro indica \(size)"
          )
          return
        }
      }
      checked += 1
    }
    result.pass(
      name, "\(checked) file(s) match their recorded SHA-256 and size",
      es: "\(checked) archivo(s) coinciden con su SHA-256 y tamaño registrados")
  }
}
