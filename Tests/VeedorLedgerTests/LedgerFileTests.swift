import Foundation
import Testing
import VeedorLedger
import VeedorTestSupport

/// A chain of valid ledger lines with seq and prev links.
func chainedLines(_ count: Int) -> [Data] {
  var lines: [Data] = []
  for i in 0..<count {
    let envelope = LedgerEnvelope.next(after: lines, type: "note")
    let prev = envelope.prev.map { "\"prev\":\"\($0)\"," } ?? ""
    lines.append(Data("{\"note\":\"entry number \(i)\",\(prev)\"seq\":\(envelope.seq),\"type\":\"note\"}".utf8))
  }
  return lines
}

@Suite("The ledger file")
struct LedgerFileTests {
  @Test("a line cut short, or a last line that is not JSON, is set aside as a torn tail")
  func tornTail() {
    let good = Data("{\"seq\":0}\n{\"seq\":1}\n".utf8)
    #expect(LedgerFile.split(good).tornTail == nil)
    #expect(LedgerFile.split(good).lines.count == 2)
    let cut = LedgerFile.split(good + Data("{\"se".utf8))
    #expect(cut.tornTail == Data("{\"se".utf8) && cut.lines.count == 2 && cut.goodLength == good.count)
    let notJSON = LedgerFile.split(good + Data("{\"seq\":2\n".utf8))
    #expect(notJSON.tornTail != nil && notJSON.lines.count == 2 && notJSON.goodLength == good.count)
  }

  @Test("append refuses a torn ledger; repair moves the tail aside and keeps it")
  func repair() throws {
    let folder = TestSupport.temporaryFolder()
    let file = LedgerFile(url: folder.appendingPathComponent("ledger.jsonl"))
    let lines = chainedLines(3)
    try file.append { _ in lines }
    let handle = try FileHandle(forWritingTo: file.url)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("{\"half".utf8))
    try handle.close()
    #expect(throws: LedgerError.tornTail(path: file.url.path, line: 4)) { try file.append { _ in [Data("{}".utf8)] } }
    let repair = try #require(try file.repair())
    #expect(repair.line == 4 && repair.bytes == 6)
    #expect(try String(contentsOf: file.sideFile, encoding: .utf8) == "{\"half\n")
    #expect(try file.read().lines == lines)
    #expect(try file.repair() == nil)
    let audit = LedgerAudit(try file.read())
    #expect(audit.finding == nil && audit.tree.size == 3)
  }

  @Test("makeLines sees the ledger under the lock and an error leaves the file untouched")
  func abandonedAppend() throws {
    let folder = TestSupport.temporaryFolder()
    let file = LedgerFile(url: folder.appendingPathComponent("ledger.jsonl"))
    try file.append { _ in chainedLines(2) }
    let before = try Data(contentsOf: file.url)
    struct Refused: Error {}
    #expect(throws: Refused.self) { try file.append { _ in throw Refused() } }
    #expect(throws: LedgerError.self) { try file.append { _ in [Data("a\nb".utf8)] } }
    #expect(try Data(contentsOf: file.url) == before)
    var seen = 0
    try file.append { contents in
      seen = contents.lines.count
      return []
    }
    #expect(seen == 2)
  }

  @Test("checkpoint bodies round-trip and malformed ones are refused")
  func checkpointText() throws {
    let checkpoint = Checkpoint(origin: "example.org/log", size: 8, root: Data(hex: RFC6962VectorTests.roots[8])!)
    #expect(checkpoint.text == "example.org/log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n")
    #expect(try Checkpoint(text: checkpoint.text) == checkpoint)
    for bad in [
      "example.org/log\n08\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", "x\n1\nAAAA\n", "x\n1\n",
      "\n1\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
    ] {
      #expect(throws: LedgerError.self) { try Checkpoint(text: bad) }
    }
  }
}
