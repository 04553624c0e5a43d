import Foundation
import Testing
import VeedorLedger
import VeedorTestSupport

/// Nothing is left half-written: hand edits, non-canonical lines, leftovers and full disks.
@Suite("Ledger safety: edits, leftovers, full disks")
struct LedgerSafetyTests {
  func ledger(_ ws: String) -> URL { URL(fileURLWithPath: ws + "/ledger.jsonl") }

  @Test("a hand-edited last line is refused by the next writing command, with the line named")
  func handEditedTail() throws {
    let ws = try cliWorkspace()
    try veedor("note", "first", "-w", ws)
    var text = try String(contentsOf: ledger(ws), encoding: .utf8)
    text = text.replacingOccurrences(of: "\"text\":\"first\"", with: "\"text\":\"edited\"")
    try Data(text.utf8).write(to: ledger(ws))
    let before = try Data(contentsOf: ledger(ws))
    let lines = text.split(separator: "\n").count
    let refused = try veedor("note", "second", "-w", ws, status: 1)
    #expect(refused.stderr.contains("ledger.jsonl:\(lines): changed since Veedor last wrote it"), "\(refused.stderr)")
    #expect(try Data(contentsOf: ledger(ws)) == before)
    // Reading commands do not show the edited value either, and ledger verify names the line.
    let status = try veedor("status", "-w", ws, status: 1)
    #expect(status.stderr.contains("changed since Veedor last wrote it") && !status.stdout.contains("edited"))
    let key = TestSupport.temporaryFolder().appendingPathComponent("k/monitor.key").path
    try veedor("key", "generate", "--key", key, "--name", "Test Monitor", "--unencrypted")
    let sign = try veedor("checkpoint", "-w", ws, "--key", key, status: 1)
    #expect(sign.stderr.contains("refusing to sign") && sign.stderr.contains("changed since Veedor last wrote it"))
    let verify = try veedor("ledger", "verify", "-w", ws, status: 1)
    #expect(verify.stderr.contains("ledger.jsonl:\(lines): changed since Veedor last wrote it"), "\(verify.stderr)")
  }

  @Test("a line with a duplicated key, or keys out of order, is refused on read")
  func nonCanonicalLines() throws {
    let ws = try cliWorkspace()
    try veedor("note", "first", "-w", ws)
    let text = try String(contentsOf: ledger(ws), encoding: .utf8)
    let lines = text.split(separator: "\n").map(String.init)
    let last = lines.count
    for variant in [
      lines[last - 1].replacingOccurrences(of: "\"text\":\"first\"", with: "\"text\":\"first\",\"text\":\"other\""),
      lines[last - 1].replacingOccurrences(of: "{\"note\"", with: "{ \"note\""),
    ] {
      try Data((lines.dropLast() + [variant]).joined(separator: "\n").appending("\n").utf8).write(to: ledger(ws))
      try? FileManager.default.removeItem(atPath: ws + "/ledger.jsonl.head")
      let result = try veedor("status", "-w", ws, status: 1)
      #expect(result.stderr.contains("ledger.jsonl:\(last): is not in canonical form"), "\(result.stderr)")
    }
  }

  @Test("ledger verify says how many entries no signed checkpoint covers yet")
  func uncovered() throws {
    let ws = try cliWorkspace()
    let key = TestSupport.temporaryFolder().appendingPathComponent("k/monitor.key").path
    try veedor("key", "generate", "--key", key, "--name", "Test Monitor", "--unencrypted")
    try veedor("checkpoint", "-w", ws, "--key", key)
    #expect(!(try veedor("ledger", "verify", "-w", ws).stdout.contains("not yet covered")))
    for i in 0..<3 { try veedor("note", "n\(i)", "-w", ws) }
    #expect(
      try veedor("ledger", "verify", "-w", ws).stdout.contains(
        "3 entries are not yet covered by a signed checkpoint"))
  }

  @Test("evidence copies left by a killed process are removed by the next writing command")
  func staleIncoming() throws {
    let ws = try cliWorkspace()
    let objects = URL(fileURLWithPath: ws + "/objects")
    try FileManager.default.createDirectory(at: objects, withIntermediateDirectories: true)
    let stale = objects.appendingPathComponent(".incoming-999999999-abc")
    let live = objects.appendingPathComponent(".incoming-1-def")
    try Data(repeating: 1, count: 1024).write(to: stale)
    try Data(repeating: 2, count: 1024).write(to: live)
    let file = TestSupport.temporaryFolder().appendingPathComponent("minutes.txt")
    try Data("minutes".utf8).write(to: file)
    try veedor("evidence", "add", "CLPLN0001", file.path, "--title", "Minutes", "-w", ws)
    #expect(!FileManager.default.fileExists(atPath: stale.path))
    #expect(FileManager.default.fileExists(atPath: live.path), "PID 1 still runs: its file is not touched")
  }

  /// A small tmpfs, or nil with the reason printed (mounting needs root and a kernel that allows it).
  func smallDisk() -> URL? {
    let mount = TestSupport.temporaryFolder("tmpfs")
    guard let tool = TestSupport.tool("mount"),
      (try? TestSupport.run(tool, ["-t", "tmpfs", "-o", "size=400k", "tmpfs", mount.path]))?.status == 0
    else {
      print("SKIPPED: full-disk test: cannot mount a tmpfs here (needs root and mount permission)")
      return nil
    }
    return mount
  }

  func unmount(_ url: URL) {
    if let tool = TestSupport.tool("umount") { _ = try? TestSupport.run(tool, [url.path]) }
  }

  @Test("on a full disk an append fails and leaves the ledger byte for byte; repair works; space back, appends work")
  func fullDisk() throws {
    guard let disk = smallDisk() else { return }
    defer { unmount(disk) }
    let ws = disk.appendingPathComponent("ws").path
    try veedor(
      "init", ws, "--plan", TestSupport.packageRoot.appendingPathComponent("scripts/example/penalolen-plan.json").path,
      "--rubric", "ogp-local-2021")
    try veedor("note", "before the disk fills", "-w", ws)
    // A torn tail, as an interrupted write leaves it, then fill the disk to the last byte.
    let handle = try FileHandle(forWritingTo: ledger(ws))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("{\"seq\":99,\"torn".utf8))
    try handle.close()
    let filler = disk.appendingPathComponent("filler")
    FileManager.default.createFile(atPath: filler.path, contents: nil)
    let fill = try FileHandle(forWritingTo: filler)
    while (try? fill.write(contentsOf: Data(repeating: 0, count: 4096))) != nil {}
    while (try? fill.write(contentsOf: Data([0]))) != nil {}
    try fill.close()
    let repaired = try veedor("ledger", "repair", "-w", ws)
    #expect(repaired.status == 0, "\(repaired.stderr)")
    // The side file does not fit: the torn bytes are printed instead, never lost silently.
    let kept =
      (try? String(contentsOf: URL(fileURLWithPath: ws + "/ledger.jsonl.torn"), encoding: .utf8))
      ?? Data(base64Encoded: repaired.stdout.trimmingCharacters(in: .whitespacesAndNewlines)).map {
        String(decoding: $0, as: UTF8.self)
      }
    #expect(kept?.contains("{\"seq\":99,\"torn") == true, "\(repaired.stdout)\(repaired.stderr)")
    try veedor("ledger", "verify", "-w", ws)
    // Fill again what the repair freed, then try to append a long note.
    let refill = try FileHandle(forWritingTo: filler)
    try refill.seekToEnd()
    while (try? refill.write(contentsOf: Data([0]))) != nil {}
    try refill.close()
    let before = try Data(contentsOf: ledger(ws))
    let failed = try veedor("note", String(repeating: "x", count: 8000), "-w", ws, status: 1)
    #expect(failed.stderr.contains("ledger.jsonl"), "\(failed.stderr)")
    #expect(try Data(contentsOf: ledger(ws)) == before, "a failed append leaves no partial line")
    try FileManager.default.removeItem(at: filler)
    try veedor("note", "after", "-w", ws)
    try veedor("ledger", "verify", "-w", ws)
  }
}
