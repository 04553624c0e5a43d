import Foundation
import Testing
import VeedorLedger

@Suite("Ledger audit names the tampered line")
struct LedgerAuditTests {
  static let lines = chainedLines(6)

  static let signed = Checkpoint(
    origin: "o", size: lines.count, root: (try? MerkleTree(entries: lines).root()) ?? Data())

  func audit(_ lines: [Data]) -> LedgerFinding? {
    let contents = LedgerFile.Contents(lines: lines, tornTail: nil, goodLength: 0)
    let audit = LedgerAudit(contents, anchors: [Self.signed])
    return audit.finding ?? audit.check(Self.signed, name: "cp")
  }

  @Test("an intact ledger passes")
  func intact() { #expect(audit(Self.lines) == nil) }

  @Test("changing any byte of any line is found on that line")
  func everyByte() {
    for (i, line) in Self.lines.enumerated() {
      for offset in line.indices {
        var lines = Self.lines
        var changed = line
        changed[offset] = changed[offset] == UInt8(ascii: "7") ? UInt8(ascii: "8") : UInt8(ascii: "7")
        lines[i] = changed
        let finding = audit(lines)
        #expect(finding?.line == i + 1, "byte \(offset) of line \(i + 1): \(String(describing: finding))")
      }
    }
  }

  @Test("swapped, deleted and duplicated lines, and a rollback below the checkpoint, are found")
  func structure() {
    var swapped = Self.lines
    swapped.swapAt(2, 4)
    #expect(audit(swapped)?.line == 3)
    var deleted = Self.lines
    deleted.remove(at: 3)
    #expect(audit(deleted)?.line == 4)
    var duplicated = Self.lines
    duplicated.insert(Self.lines[1], at: 2)
    #expect(audit(duplicated)?.line == 3)
    let truncated = Array(Self.lines.prefix(4))
    #expect(audit(truncated)?.line == 5)
    #expect(audit(truncated)?.message.contains("rollback") == true)
  }
}
