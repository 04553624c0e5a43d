import Crypto
import Foundation
import VeedorLedger

/// `veedor-bench`: performance figures, each beside a reference measured in the same run.
///
/// Usage: `swift run -c release veedor-bench ledger [ENTRIES]` (default 1,000,000).
@main
enum Bench {
  static func main() throws {
    let args = Array(CommandLine.arguments.dropFirst())
    switch args.first {
    case "ledger":
      try LedgerBench(count: args.count > 1 ? Int(args[1]) ?? 1_000_000 : 1_000_000).run()
    case "suite":
      var suite = SuiteBench()
      try suite.run()
      print("")
      try ImportBench(reports: 500).run()
      print("")
      try MemoryBench(reports: 50).run()
    case "import":
      try ImportBench(reports: args.count > 1 ? Int(args[1]) ?? 500 : 500).run()
    case "scaling":
      try ScalingBench(max: args.count > 1 ? Int(args[1]) ?? 100_000 : 100_000).run()
    case "export":
      var suite = SuiteBench()
      try suite.export()
    case "tiles":
      try TilesBench(count: args.count > 1 ? Int(args[1]) ?? 1_000_000 : 1_000_000).run()
    case "appends":
      try AppendBench(large: args.count > 1 ? Int(args[1]) ?? 1_000_000 : 1_000_000).run()
    case "reads":
      try ReadBench(
        large: args.count > 1 ? Int(args[1]) ?? 1_000_000 : 1_000_000,
        other: args.count > 2 ? URL(fileURLWithPath: args[2]) : nil
      ).run()
    case "import-generate" where args.count > 2:
      let root = URL(fileURLWithPath: args[2])
      let trust = ImportBench.generate(Int(args[1]) ?? 500, in: root).1
      print("reports in \(root.appendingPathComponent("reports").path), trust file \(trust.path)")
    case "json" where args.count > 1:
      try JSONBench(report: URL(fileURLWithPath: args[1])).run()
    case "import-memory":
      try MemoryBench(reports: args.count > 1 ? Int(args[1]) ?? 50 : 50).run()
    default:
      print(
        "usage: veedor-bench ledger [ENTRIES] | tiles [ENTRIES] | scaling [MAX] | appends [LARGE] | reads [LARGE] [OTHER-VEEDOR] | import [REPORTS] | import-generate REPORTS DIR | import-memory [REPORTS] | json REPORT | suite\n"
      )
      print("suite:  evidence hashing, Ed25519, ledgers of 10^4..10^6 entries, export of 6,000 commitments,")
      print("        cold start, and the import of 500 reports, each beside a reference measured in the same run.")
      print("ledger: builds a ledger of ENTRIES ~200-byte entries (default 1,000,000), computes its root,")
      print("        makes and checks 1,000 inclusion proofs, beside raw SHA-256 over the same inputs.")
      print("scaling: times note, status, checkpoint, report export and verify at 10^3 … MAX entries.")
      print("appends: note, evidence add, score and status as whole processes on 10 and LARGE (default 10^6)")
      print("        entries; status beside read + SHA-256 of the ledger; evidence add beside git add + commit.")
      print("reads:  log and evidence list as whole processes on LARGE (default 10^6) entries, beside status and")
      print("        read + SHA-256 of the ledger; with OTHER-VEEDOR, the same commands with that binary too.")
      print("tiles:  publishes ENTRIES (default 1,000,000) as tlog-tiles, then 1,000 more (incremental), and")
      print("        checks 1,000 inclusion proofs from the tiles, beside SHA-256 and reads of the same bytes.")
      print("json:   encodes REPORT (a report.json) with the canonical writer and replays its ledger lines,")
      print("        beside JSONEncoder and JSONDecoder doing the same in the same run.")
      print("import: generates REPORTS signed reports of 20 commitments (default 500) and times the import")
      print("        beside checking their signatures alone (SSHSIG alone, and every signature beside each report).")
      print("import-generate REPORTS DIR: writes the import benchmark's signed reports and trust file under")
      print("        DIR (for profiling `veedor import` on them).")
      print("import-memory: peak memory of 'veedor import' over REPORTS good reports (default 50) with a")
      print("        500 MB junk report.json beside them, and over the good reports alone.")
      exit(args.isEmpty ? 0 : 2)
    }
  }
}

/// Seconds taken by a block, best of `repeats` runs.
func time(_ repeats: Int = 1, _ body: () throws -> Void) rethrows -> Double {
  var best = Double.infinity
  for _ in 0..<repeats {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
  }
  return best
}

struct LedgerBench {
  let count: Int

  func entries() -> [Data] {
    var lines: [Data] = []
    lines.reserveCapacity(count)
    var previous: Data?
    let padding = String(repeating: "x", count: 60)
    for i in 0..<count {
      let prev = previous.map { RFC6962.leafHex($0) } ?? ""
      let line = Data(
        "{\"note\":{\"text\":\"benchmark entry \(i) \(padding)\"},\"prev\":\"\(prev)\",\"seq\":\(i),\"type\":\"note\"}"
          .utf8)
      lines.append(line)
      previous = line
    }
    return lines
  }

  func run() throws {
    print("Generating \(count) entries…")
    let lines = entries()
    let averageSize = lines.reduce(0) { $0 + $1.count } / max(count, 1)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("veedor-bench-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = LedgerFile(url: folder.appendingPathComponent("ledger.jsonl"))

    let batch = 100_000
    let appendTime = try time {
      var start = 0
      while start < lines.count {
        let slice = Array(lines[start..<min(start + batch, lines.count)])
        try file.append { _ in slice }
        start += batch
      }
    }

    // Reference: raw SHA-256 over exactly the leaf and node inputs the tree hashes.
    let leafInputs = lines.map { Data([RFC6962.leafHashPrefix]) + $0 }
    var nodeInput = Data(count: 65)
    nodeInput[0] = RFC6962.nodeHashPrefix
    var sink: UInt8 = 0
    let rawTime = time(3) {
      for input in leafInputs { sink ^= SHA256.hash(data: input).withUnsafeBytes { $0[0] } }
      for _ in 0..<max(count - 1, 0) { sink ^= SHA256.hash(data: nodeInput).withUnsafeBytes { $0[0] } }
    }

    var tree = MerkleTree(leafHashes: [])
    var root = Data()
    let rootTime = try time(3) {
      let contents = try file.read()
      tree = MerkleTree(entries: contents.lines)
      root = try tree.root()
    }
    let inMemoryRootTime = try time(3) {
      tree = MerkleTree(entries: lines)
      root = try tree.root()
    }

    var indices = (0..<1000).map { _ in Int.random(in: 0..<count) }
    indices.sort()
    var proofs: [[Data]] = []
    let proveTime = try time {
      proofs = try indices.map { try tree.inclusionProof(index: $0, size: count) }
    }
    var allValid = true
    let verifyTime = time {
      for (index, proof) in zip(indices, proofs) {
        allValid =
          allValid
          && ProofVerifier.verifyInclusion(
            leafHash: tree.leafHash(at: index), index: index, size: count, proof: proof, root: root)
      }
    }
    let rawProofHashes = proofs.reduce(0) { $0 + $1.count } + proofs.count
    let rawProofTime = time(3) {
      for _ in 0..<rawProofHashes { sink ^= SHA256.hash(data: nodeInput).withUnsafeBytes { $0[0] } }
    }

    let ms = { (s: Double) in String(format: "%.1f ms", s * 1000) }
    let us = { (s: Double) in String(format: "%.1f µs", s * 1e6) }
    print("")
    print(
      "Ledger benchmark: \(count) entries of ~\(averageSize) bytes, root \(root.hexString.prefix(16))… (checksum \(sink))"
    )
    print("| figure | Veedor | reference (same run) | ratio | target |")
    print("|---|---|---|---|---|")
    print(
      "| root from ledger.jsonl (read + split + hash) | \(ms(rootTime)) | raw SHA-256 of the same leaf+node inputs: \(ms(rawTime)) | \(String(format: "%.2f×", rootTime / rawTime)) | ≤ 2× |"
    )
    print(
      "| root from lines in memory | \(ms(inMemoryRootTime)) | \(ms(rawTime)) | \(String(format: "%.2f×", inMemoryRootTime / rawTime)) | |"
    )
    print(
      "| inclusion proof at \(count) (make) | \(us(proveTime / 1000)) each | raw SHA-256 of as many node inputs as the proof path: \(us(rawProofTime / 1000)) | \(String(format: "%.2f×", proveTime / rawProofTime)) | < 1 ms |"
    )
    print(
      "| inclusion proof at \(count) (check) | \(us(verifyTime / 1000)) each, all valid: \(allValid) | \(us(rawProofTime / 1000)) | \(String(format: "%.2f×", verifyTime / rawProofTime)) | < 1 ms |"
    )
    print(
      "| batched appends (\(batch) per fsync) | \(String(format: "%.0f", Double(count) / appendTime)) entries/s | | | ≥ 100,000/s |"
    )
    if !allValid { exit(1) }
  }
}
