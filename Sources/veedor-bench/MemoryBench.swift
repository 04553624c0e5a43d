import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Peak memory of `veedor import` over good reports, with and without a huge junk `report.json` beside them.
struct MemoryBench {
  let reports: Int

  func run() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("veedor-bench-memory-\(getpid())")
    defer { try? FileManager.default.removeItem(at: root) }
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
      "veedor")
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
      print("veedor is not built beside veedor-bench; run 'swift build -c release' first")
      return
    }
    print("Generating \(reports) signed reports of 20 commitments…")
    let trust = ImportBench.generate(reports, in: root).1
    let good = root.appendingPathComponent("reports")
    // A sparse 500 MB file: it reads as zeros, and costs no disk until something reads it.
    let junk = root.appendingPathComponent("junk/report.json")
    try FileManager.default.createDirectory(at: junk.deletingLastPathComponent(), withIntermediateDirectories: true)
    FileManager.default.createFile(atPath: junk.path, contents: nil)
    let handle = try FileHandle(forWritingTo: junk)
    try handle.truncate(atOffset: 500 << 20)
    try handle.close()
    func importPeak(_ inputs: [URL]) -> (rss: Int, status: Int32) {
      let args =
        ["import"] + inputs.map(\.path) + ["--trust", trust.path, "--out", root.appendingPathComponent("out").path]
      return Self.peak(binary, args)
    }
    let alone = importPeak([good])
    let withJunk = importPeak([good, junk.deletingLastPathComponent()])
    let mib = { (kib: Int) in String(format: "%.1f MiB", Double(kib) / 1024) }
    print("")
    print("| figure | Veedor | reference (same run) | ratio | target |")
    print("|---|---|---|---|---|")
    print(
      "| peak memory of `veedor import`: \(reports) good reports + one 500 MB junk report.json (exit \(withJunk.status)) | \(mib(withJunk.rss)) | the \(reports) good reports alone (exit \(alone.status)): \(mib(alone.rss)) | \(String(format: "%.2f×", Double(withJunk.rss) / Double(max(alone.rss, 1)))) | about 1× (the junk is never read) |"
    )
  }

  /// Runs a program to completion with its output discarded; returns its peak resident set (KiB) and exit status.
  ///
  /// The peak is the child's own `VmHWM` from `/proc/PID/status`, sampled until it exits (it only
  /// grows). `wait4`'s `ru_maxrss` would not do: after a vfork-style spawn it starts from the
  /// parent's high-water mark.
  static func peak(_ binary: URL, _ arguments: [String]) -> (rss: Int, status: Int32) {
    guard let pid = Spawn.start(binary.path, arguments) else { return (0, -1) }
    var status: Int32 = 0
    var peak = 0
    while true {
      if let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
        let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kib = Int(line.split(separator: " ").dropFirst().first ?? "")
      {
        peak = max(peak, kib)
      }
      if waitpid(pid, &status, WNOHANG) == pid { break }
      usleep(2_000)
    }
    return (peak, (status >> 8) & 0xFF)
  }
}
