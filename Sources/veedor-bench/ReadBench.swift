import Crypto
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `veedor-bench reads [LARGE] [OTHER-VEEDOR]`: `log` and `evidence list` as a user runs them (whole
/// `veedor` processes, output discarded) on the bundled workspace grown to LARGE entries (default
/// 10^6), beside `status` and the reference from the same run: reading and SHA-256 of the ledger
/// file. With OTHER-VEEDOR (another build's binary), the same commands are timed with it on the same
/// workspace, in the same run, for a before/after comparison.
struct ReadBench {
  let large: Int
  let other: URL?
  let runs = 3

  func run() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("veedor-bench-reads-\(getpid())")
    defer { try? FileManager.default.removeItem(at: folder) }
    guard let binary = Spawn.siblingVeedor() else { return }
    print("Growing the bundled workspace to \(large) entries…")
    let ws = try ScalingBench(max: large).workspace(size: large, in: folder).path
    let ledger = URL(fileURLWithPath: ws).appendingPathComponent("ledger.jsonl")
    let bytes = (try FileManager.default.attributesOfItem(atPath: ledger.path)[.size] as? Int) ?? 0
    // The first command after the workspace was written by hand replays it all and writes the snapshot.
    let first = AppendBench.seconds(binary.path, ["status", "-w", ws])
    print("first status (full replay, writes the snapshot): \(AppendBench.ms(first))")
    let commands: [[String]] = [
      ["status"], ["log"], ["log", "--json"], ["log", "CLPLN0003"], ["evidence", "list"],
      ["evidence", "list", "--json"], ["evidence", "list", "CLPLN0003"],
    ]
    let hashed = try AppendBench.readAndHash(ledger)
    let binaries = [binary] + (other.map { [$0] } ?? [])
    var cells: [[String]] = commands.map { _ in [] }
    for veedor in binaries {
      for (i, command) in commands.enumerated() {
        let seconds = AppendBench.median(runs) { AppendBench.seconds(veedor.path, command + ["-w", ws]) }
        let peak = MemoryBench.peak(veedor, command + ["-w", ws]).rss
        cells[i].append("\(AppendBench.ms(seconds)) (\(String(format: "%.2f×", seconds / hashed)), \(peak / 1024) MiB)")
      }
    }
    print("")
    print(
      "Reference, same run: reading + SHA-256 of ledger.jsonl (\(bytes / 1_000_000) MB) in process: \(AppendBench.ms(hashed))"
    )
    let heads = ["this build"] + (other.map { ["\($0.path)"] } ?? [])
    print("")
    print(
      "| command on \(large) entries (whole process, median of \(runs); ratio to the reference; peak memory) | "
        + heads.joined(separator: " | ") + " |")
    print("|---|" + heads.map { _ in "---|" }.joined())
    for (i, command) in commands.enumerated() {
      print("| `veedor \(command.joined(separator: " "))` | " + cells[i].joined(separator: " | ") + " |")
    }
  }
}
