import Foundation
import Testing
import VeedorTestSupport

/// A copy into the evidence store that the file system stops half way: one line naming the file being
/// added, in the run's language, the ledger as it was and no half-copied file left behind.
@Suite("evidence store errors")
struct EvidenceStoreErrorTests {
  @Test("a file-size limit hit while copying: the evidence file is named, in English and Spanish; nothing changes")
  func fileSizeLimit() throws {
    let root = TestSupport.temporaryFolder("evidence-store")
    let ws = root.appendingPathComponent("ws")
    try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("evidence"), to: ws)
    let big = root.appendingPathComponent("minutes-scan.bin")
    try Data(repeating: 0x41, count: 3 << 20).write(to: big)
    let ledger = ws.appendingPathComponent("ledger.jsonl")
    let before = try Data(contentsOf: ledger)
    let fixed = ["SOURCE_DATE_EPOCH": "1700000000", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
    // The shell ignores SIGXFSZ and sets a limit of well under 3 MiB, then runs `veedor` under both.
    let limited = "trap '' XFSZ; ulimit -f 1024; exec \"$0\" \"$@\""
    for (language, words) in [
      ("en", ["cannot store evidence", "too large"]), ("es", ["no se puede guardar la evidencia", "demasiado grande"]),
    ] {
      let result = try TestSupport.run(
        URL(fileURLWithPath: "/bin/sh"),
        [
          "-c", limited, TestSupport.veedorBinary.path, "evidence", "add", "CLPLN0003", big.path, "--title", "Scan",
          "-w", ws.path, "--lang", language,
        ], environment: fixed)
      #expect(result.status == 1, "\(result.stderr)")
      let lines = result.stderr.split(separator: "\n")
      #expect(lines.count == 1, "\(result.stderr)")
      #expect(result.stderr.contains(big.path), "\(result.stderr)")
      for word in words { #expect(result.stderr.lowercased().contains(word), "\(language): \(result.stderr)") }
      #expect(!result.stderr.contains(".incoming-"), "\(result.stderr)")
      #expect(try Data(contentsOf: ledger) == before)
      let objects = try FileManager.default.contentsOfDirectory(atPath: ws.appendingPathComponent("objects").path)
      #expect(!objects.contains { $0.hasPrefix(".incoming-") }, "\(objects)")
    }
  }
}
