import Crypto
import Foundation
import VeedorLedger
import VeedorWorkspace

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `veedor-bench appends [LARGE]`: appends and `status` as a user runs them (whole `veedor`
/// processes) on a 10-entry workspace and on one of LARGE entries (default 10^6), beside their
/// references from the same run: the same append on 10 entries, reading and hashing the ledger file,
/// and `git add && git commit` of the same small file.
struct AppendBench {
  let large: Int
  let runs = 15

  func run() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("veedor-bench-appends-\(getpid())")
    defer { try? FileManager.default.removeItem(at: folder) }
    guard let binary = Spawn.siblingVeedor() else { return }
    let small = try ScalingBench(max: 0).workspace(size: 0, in: folder)
    let ledger = small.appendingPathComponent("ledger.jsonl")
    let first10 = try Data(contentsOf: ledger).split(separator: 0x0A).prefix(10).map { Data($0) + Data([0x0A]) }
    try Data(first10.joined()).write(to: ledger)
    print("Growing the bundled workspace to \(large) entries…")
    let big = try ScalingBench(max: large).workspace(size: large, in: folder)
    let files = folder.appendingPathComponent("files")
    try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
    var fileNumber = 0
    /// A new small file (1 KiB, distinct content) for each evidence add or commit.
    func smallFile() throws -> String {
      fileNumber += 1
      let url = files.appendingPathComponent("minutes-\(fileNumber).txt")
      try Data(String(repeating: "minutes \(fileNumber)\n", count: 1024 / 12).utf8).write(to: url)
      return url.path
    }
    let v = binary.path
    var rows: [(String, Double, Double)] = []
    for (label, ws) in [("10", small), ("\(large)", big)] {
      let w = ws.path
      // The first command after the workspace was written by hand replays it all and writes the snapshot.
      let first = Self.seconds(v, ["status", "-w", w])
      _ = Self.seconds(v, ["score", "CLPLN0003", "verifiable", "yes", "--rationale", "r", "--evidence", "E1", "-w", w])
      let note = Self.median(runs) { Self.seconds(v, ["note", "one more", "-w", w]) }
      let evidence = Self.median(runs) {
        Self.seconds(v, ["evidence", "add", "CLPLN0003", try! smallFile(), "--title", "Minutes", "-w", w])
      }
      let score = Self.median(runs) {
        Self.seconds(
          v, ["score", "CLPLN0003", "verifiable", "yes", "--correct", "--rationale", "r", "--evidence", "E1", "-w", w])
      }
      let status = Self.median(runs) { Self.seconds(v, ["status", "-w", w]) }
      let peak = MemoryBench.peak(binary, ["status", "-w", w]).rss
      print("\(label) entries: first status (full replay, writes the snapshot) \(Self.ms(first))")
      rows.append(("note", note, 0))
      rows.append(("evidence add (1 KiB file)", evidence, 0))
      rows.append(("score --correct", score, 0))
      rows.append(("status", status, Double(peak)))
    }
    print("")
    print(
      "| command (whole process, median of \(runs)) | \(large) entries | reference: 10 entries (same run) | ratio | target |"
    )
    print("|---|---|---|---|---|")
    let half = rows.count / 2
    for i in 0..<half where rows[i].0 != "status" {
      let (name, ten, _) = rows[i]
      let million = rows[i + half].1
      print("| \(name) | \(Self.ms(million)) | \(Self.ms(ten)) | \(String(format: "%.2f×", million / ten)) | ≤ 2× |")
    }
    try references(binary: binary, small: small, big: big, status: rows[2 * half - 1], smallFile: smallFile)
  }

  /// `status` beside reading and hashing the ledger; `evidence add` beside `git add && git commit`,
  /// the two taken in turns (ABBA) so that a machine that speeds up or slows down meanwhile moves both.
  private func references(
    binary: URL, small: URL, big: URL, status: (String, Double, Double), smallFile: () throws -> String
  ) throws {
    let ledger = big.appendingPathComponent("ledger.jsonl")
    let bytes = (try FileManager.default.attributesOfItem(atPath: ledger.path)[.size] as? Int) ?? 0
    let hashed = try AppendBench.readAndHash(ledger)
    let sha256sum = Self.median(5) { Self.seconds("/usr/bin/sha256sum", [ledger.path]) }
    print("")
    print("| figure | Veedor | reference (same run) | ratio | target |")
    print("|---|---|---|---|---|")
    print(
      "| `veedor status` on \(large) entries (\(bytes / 1_000_000) MB), whole process; peak memory \(Int(status.2) / 1024) MiB | \(Self.ms(status.1)) | reading + SHA-256 of ledger.jsonl in process: \(Self.ms(hashed)); `sha256sum`: \(Self.ms(sha256sum)) | \(String(format: "%.2f×", status.1 / hashed)) | ≤ 3× |"
    )
    let repo = big.deletingLastPathComponent().appendingPathComponent("git-repo")
    try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
    let git = "/usr/bin/git"
    let r = ["-C", repo.path]
    _ = Self.seconds(git, r + ["init", "-q"])
    _ = Self.seconds(git, r + ["config", "user.email", "bench@example.org"])
    _ = Self.seconds(git, r + ["config", "user.name", "Bench"])
    func commit() throws -> Double {
      let source = try smallFile()
      let name = URL(fileURLWithPath: source).lastPathComponent
      try FileManager.default.copyItem(atPath: source, toPath: repo.appendingPathComponent(name).path)
      return Self.seconds(git, r + ["add", name]) + Self.seconds(git, r + ["commit", "-q", "-m", "Minutes"])
    }
    func evidence() throws -> Double {
      Self.seconds(
        binary.path, ["evidence", "add", "CLPLN0003", try smallFile(), "--title", "Minutes", "-w", small.path])
    }
    var (veedorTimes, gitTimes): ([Double], [Double]) = ([], [])
    for turn in 0..<(2 * runs + 1) {
      if turn % 2 == 0 {
        veedorTimes.append(try evidence())
        gitTimes.append(try commit())
      } else {
        gitTimes.append(try commit())
        veedorTimes.append(try evidence())
      }
    }
    let smallEvidence = veedorTimes.sorted()[runs]
    let commit = gitTimes.sorted()[runs]
    let version = Self.median(runs) { Self.seconds(binary.path, ["--version"]) }
    let truth = Self.median(runs) { Self.seconds("/bin/true", []) }
    print(
      "| `veedor evidence add` of a 1 KiB file, 10-entry workspace, whole process (median of \(2 * runs + 1), in turns with git) | \(Self.ms(smallEvidence)) | `git add && git commit` of the same kind of file: \(Self.ms(commit)) | \(String(format: "%.2f×", smallEvidence / commit)) | ≤ 1.5× |"
    )
    print(
      "| process start: `veedor --version` | \(Self.ms(version)) | `/bin/true`: \(Self.ms(truth)) | +\(Self.ms(version - truth)) | |"
    )
  }

  /// Which build is measured: `veedor` is built by the same `swift build` as this benchmark, so this
  /// process's own mappings say whether the Swift runtime and Foundation are linked in statically
  /// (`--static-swift-stdlib`, the build README recommends installing) or loaded as shared libraries.
  static func buildKind() -> String {
    // /proc files report a size of 0, so they are read with read(2) until end of file.
    var bytes: [UInt8] = []
    let fd = open("/proc/self/maps", O_RDONLY)
    if fd >= 0 {
      var chunk = [UInt8](repeating: 0, count: 65_536)
      while case let n = read(fd, &chunk, chunk.count), n > 0 { bytes += chunk[0..<n] }
      close(fd)
    }
    let maps = String(decoding: bytes, as: UTF8.self)
    let libraries = Set(
      maps.split(separator: "\n").compactMap { $0.split(separator: " ").last }.filter { $0.contains(".so") })
    let dynamic = libraries.contains { $0.hasSuffix("/libswiftCore.so") }
    return dynamic
      ? "Swift runtime and Foundation as shared libraries (plain `swift build -c release`)"
      : "Swift runtime and Foundation linked in (`swift build -c release --static-swift-stdlib`)"
  }

  /// The median of five reads and SHA-256 of a file in this process: the reference for reads.
  static func readAndHash(_ file: URL) throws -> Double {
    try (0..<5).map { _ in
      try time {
        var hasher = SHA256()
        try Data(contentsOf: file).withUnsafeBytes { hasher.update(bufferPointer: $0) }
        _ = hasher.finalize()
      }
    }.sorted()[2]
  }

  static func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }

  /// The median of `n` measurements.
  static func median(_ n: Int, _ measure: () throws -> Double) rethrows -> Double {
    try (0..<n).map { _ in try measure() }.sorted()[n / 2]
  }

  /// Wall time of one run of a program, output discarded.
  static func seconds(_ program: String, _ arguments: [String]) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    guard let pid = Spawn.start(program, arguments) else { return .nan }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }
}
