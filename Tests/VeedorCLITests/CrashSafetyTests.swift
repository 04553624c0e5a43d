import Foundation
import Testing
import VeedorTestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("Concurrent and interrupted appends")
struct CrashSafetyTests {
  /// Starts `veedor` without waiting; output goes to a file.
  func launch(_ args: [String], output: URL) throws -> Process {
    let process = Process()
    process.executableURL = TestSupport.veedorBinary
    process.arguments = args
    FileManager.default.createFile(atPath: output.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: output)
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  func ledgerEvidenceIDs(_ ws: String) throws -> [String] {
    let text = try String(contentsOfFile: ws + "/ledger.jsonl", encoding: .utf8)
    return text.split(separator: "\n").compactMap { line in
      let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      return (object?["evidence"] as? [String: Any])?["id"] as? String
    }
  }

  @Test("processes appending at once each land exactly once and the tree stays valid")
  func concurrent() throws {
    let ws = try cliWorkspace()
    let folder = TestSupport.temporaryFolder()
    let processes = try (0..<12).map { i in
      try launch(
        [
          "evidence", "add", "CLPLN000\(i % 9 + 1)", "--url", "https://example.org/\(i)", "--title", "item \(i)", "-w",
          ws,
        ],
        output: folder.appendingPathComponent("out\(i)"))
    }
    for p in processes { p.waitUntilExit() }
    #expect(processes.allSatisfy { $0.terminationStatus == 0 })
    let printed = try (0..<12).map {
      try String(contentsOf: folder.appendingPathComponent("out\($0)"), encoding: .utf8).trimmingCharacters(
        in: .whitespacesAndNewlines)
    }
    let ids = try ledgerEvidenceIDs(ws)
    #expect(Set(ids) == Set(printed) && ids.count == 12 && Set(ids).count == 12)
    let text = try String(contentsOfFile: ws + "/ledger.jsonl", encoding: .utf8)
    for i in 0..<12 { #expect(text.components(separatedBy: "https://example.org/\(i)\"").count == 2) }
    try veedor("ledger", "verify", "-w", ws)
  }

  @Test("SIGKILL at random moments never loses an acknowledged append; repair makes the ledger verify")
  func killed() throws {
    let ws = try cliWorkspace()
    let folder = TestSupport.temporaryFolder()
    let big = folder.appendingPathComponent("big.bin")
    try Data(repeating: 7, count: 4 << 20).write(to: big)
    var acknowledged: [String] = []
    for round in 0..<24 {
      let out = folder.appendingPathComponent("out\(round)")
      let args =
        round % 2 == 0
        ? ["evidence", "add", "CLPLN0001", big.path, "--title", "big \(round)", "-w", ws]
        : ["evidence", "add", "CLPLN0002", "--url", "https://example.org/\(round)", "--title", "u \(round)", "-w", ws]
      let process = try launch(args, output: out)
      usleep(UInt32.random(in: 0...250_000))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      if process.terminationReason == .exit && process.terminationStatus == 0 {
        acknowledged.append(
          try String(contentsOf: out, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))
      }
      if round % 6 == 5 {
        // Also cut a line short, as a crash in the middle of a write would.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: ws + "/ledger.jsonl"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"evidence\":{\"commit".utf8))
        try handle.close()
        try veedor("ledger", "repair", "-w", ws)
      }
    }
    try veedor("ledger", "repair", "-w", ws)
    let ids = try ledgerEvidenceIDs(ws)
    for id in acknowledged { #expect(ids.contains(id), "acknowledged \(id) is missing") }
    #expect(Set(ids).count == ids.count)
    try veedor("ledger", "verify", "-w", ws)
    print("killed-append test: \(acknowledged.count) of 24 appends acknowledged, \(ids.count) in the ledger")
  }
}

@Suite("Torn ledgers are reported")
struct TornReportTests {
  @Test("status names the torn line and points to repair; after repair it works again")
  func status() throws {
    let ws = try cliWorkspace()
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: ws + "/ledger.jsonl"))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("{\"seq\":1,\"ty".utf8))
    try handle.close()
    let torn = try veedor("status", "-w", ws, status: 1)
    #expect(
      torn.stderr.contains("ledger.jsonl:2: the last line is incomplete") && torn.stderr.contains("ledger repair"))
    try veedor("ledger", "repair", "-w", ws)
    try veedor("status", "-w", ws)
  }
}
