import Foundation
import FuzzSupport
import VeedorLedger
import VeedorRecords

/// libFuzzer entry: ledger.jsonl bytes as `veedor ledger verify` and every read command see them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  guard let start else { return 0 }
  let contents = LedgerFile.split(Data(bytes: start, count: count))
  let audit = LedgerAudit(contents)
  if let root = try? audit.tree.root() {
    _ = audit.check(Checkpoint(origin: "f", size: audit.tree.size, root: root), name: "f")
    if audit.tree.size > 0,
      let proof = try? audit.tree.inclusionProof(index: audit.tree.size - 1, size: audit.tree.size)
    {
      _ = ProofVerifier.verifyInclusion(
        leafHash: audit.tree.leafHash(at: audit.tree.size - 1), index: audit.tree.size - 1, size: audit.tree.size,
        proof: proof, root: root)
    }
  }
  _ = try? LedgerState.replay(contents.lines, file: "f")
  return 0
}

/// The program's entry point under SwiftPM: hands control to libFuzzer's driver.
@_cdecl("fuzz_ledger_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runLibFuzzer(argc, argv) { fuzz($0, $1) }
}
