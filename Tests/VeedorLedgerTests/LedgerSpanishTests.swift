import Foundation
import Testing
import VeedorErrors
import VeedorLedger
import VeedorTestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The error an expression throws, or nil.
func caught<E: Error>(_ type: E.Type, _ body: () throws -> Void) -> E? {
  do { try body() } catch let error as E { return error } catch { return nil }
  return nil
}

@Suite("Ledger errors in Spanish")
struct LedgerSpanishTests {
  @Test("a torn ledger tail: the Spanish line keeps path and line, advises 'veedor ledger repair'")
  func tornTail() throws {
    let folder = TestSupport.temporaryFolder()
    let file = LedgerFile(url: folder.appendingPathComponent("ledger.jsonl"))
    try file.append { _ in chainedLines(3) }
    let handle = try FileHandle(forWritingTo: file.url)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("{\"half".utf8))
    try handle.close()
    let error = try #require(caught(LedgerError.self) { try file.append { _ in [Data("{}".utf8)] } })
    #expect(
      error.description
        == "\(file.url.path):4: the last line is incomplete (an interrupted write); run 'veedor ledger repair' to move it aside"
    )
    #expect(error.spanishDescription.hasPrefix("\(file.url.path):4: "))
    #expect(error.spanishDescription.contains("la última línea está incompleta"))
    #expect(error.spanishDescription.contains("ejecute 'veedor ledger repair'"))
    let finding = try #require(LedgerAudit(try file.read()).finding)
    #expect(finding.description.hasPrefix("line 4: incomplete last line"))
    #expect(finding.spanishDescription.hasPrefix("línea 4: última línea incompleta"))
  }

  @Test("an altered line and a rolled-back ledger: the audit finding speaks Spanish, same line and sizes")
  func auditFindings() throws {
    var lines = chainedLines(4)
    lines[1] = Data(
      String(decoding: lines[1], as: UTF8.self).replacingOccurrences(of: "number 1", with: "number 9").utf8)
    let altered = try #require(LedgerAudit(LedgerFile.Contents(lines: lines, goodLength: 0)).finding)
    #expect(
      altered.description
        == "line 2: entry was altered after it was written (the next entry's hash link no longer matches)")
    #expect(
      altered.spanishDescription
        == "línea 2: la entrada fue alterada después de escribirse (el enlace de hash de la entrada siguiente ya no coincide)"
    )
    let intact = chainedLines(4)
    let checkpoint = Checkpoint(origin: "o", size: 4, root: try MerkleTree(entries: intact).root())
    let audit = LedgerAudit(LedgerFile.Contents(lines: Array(intact.prefix(2)), goodLength: 0))
    let rollback = try #require(audit.check(checkpoint, name: "cp-4.note"))
    #expect(rollback.message.contains("checkpoint cp-4.note signed 4 entries but the ledger has 2 (rollback)"))
    #expect(rollback.messageES.contains("el punto de control cp-4.note firmó 4 entradas pero el registro tiene 2"))
    #expect(rollback.messageES.contains("retroceso"))
  }

  @Test("a bad checkpoint and a tree size out of range are said in Spanish with the same values")
  func checkpointAndTree() throws {
    let bad = try #require(caught(LedgerError.self) { _ = try Checkpoint(text: "x\n08\nAAAA\n") })
    #expect(bad.description == "invalid checkpoint: tree size '08' is not a decimal number without leading zeros")
    #expect(
      bad.spanishDescription
        == "punto de control no válido: el tamaño de árbol '08' no es un número decimal sin ceros a la izquierda")
    let tree = MerkleTree(entries: chainedLines(3))
    let range = try #require(caught(LedgerError.self) { _ = try tree.root(size: 7) })
    #expect(range.description == "tree size 7 is out of range (the ledger has 3 entries)")
    #expect(range.spanishDescription == "el tamaño de árbol 7 está fuera de rango (el registro tiene 3 entradas)")
  }

  @Test("ENOENT from the system: the ledger file that is not there is named, the reason in Spanish")
  func missingFile() throws {
    let file = LedgerFile(url: TestSupport.temporaryFolder().appendingPathComponent("none/ledger.jsonl"))
    let error = try #require(caught(LedgerError.self) { _ = try file.repair() })
    #expect(error.description == "\(file.url.path): cannot open: \(String(cString: strerror(ENOENT)))")
    #expect(error.spanishDescription == "\(file.url.path): no se puede abrir: no existe el archivo o la carpeta")
    let read = try #require(
      caught(BoundedRead.Failure.self) { _ = try BoundedRead.contents(of: file.url, limit: 10) })
    #expect(read.spanishDescription == "no se puede leer el archivo: no existe el archivo o la carpeta")
    #expect(read.description.hasPrefix("cannot read the file: "))
  }

  @Test("EACCES from the system: a file that may not be created is refused in Spanish")
  func permissionDenied() throws {
    let folder = TestSupport.temporaryFolder().appendingPathComponent("locked")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: folder.path)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path) }
    // The superuser may write anywhere it has a mode bit for; /sys refuses it too.
    let target =
      getuid() == 0
      ? URL(fileURLWithPath: "/sys/veedor-\(getpid()).json") : folder.appendingPathComponent("x.json")
    let error = try #require(caught(LedgerError.self) { try POSIXFile.writeNew(Data("{}".utf8), to: target) })
    if error.description.hasSuffix(String(cString: strerror(EACCES))) {
      #expect(error.spanishDescription == "\(target.path): no se puede crear: permiso denegado")
    } else {
      #expect(error.spanishDescription.hasPrefix("\(target.path): no se puede crear: "))
    }
    #expect(error.spanishDescription != error.description)
  }

  @Test("the common errnos have Spanish; any other keeps the C library's text")
  func systemErrors() {
    let common = [
      ENOENT, EACCES, EPERM, ENOSPC, EDQUOT, EEXIST, ELOOP, EISDIR, ENOTDIR, EROFS, EIO, EMFILE, ENAMETOOLONG, EBUSY,
      EINVAL, EXDEV,
    ]
    for code in common {
      let words = SystemError.describe(code)
      #expect(words.en == String(cString: strerror(code)))
      #expect(!words.es.isEmpty && words.es != words.en, "errno \(code)")
    }
    #expect(SystemError.describe(ENOSPC).es == "no queda espacio en el disco")
    let missing = URL(fileURLWithPath: "/nonexistent-\(getpid())/ledger.jsonl")
    do { _ = try Data(contentsOf: missing) } catch {
      #expect(SystemError.describe(error).es == "no existe el archivo o la carpeta")
      #expect(SystemError.describe(error).en == error.localizedDescription)
    }
    let other = SystemError.describe(ECHILD)
    #expect(other.es == other.en)
  }

  @Test("a fetch's URLSession error keeps the system's English and says it in Spanish")
  func urlErrors() {
    let english = "Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn't connect to server"
    let refused = NSError(domain: "NSURLErrorDomain", code: -1004, userInfo: [NSLocalizedDescriptionKey: english])
    #expect(SystemError.describe(refused).en == english)
    #expect(SystemError.describe(refused).es == "no se pudo conectar con el servidor")
    let timedOut = NSError(domain: "NSURLErrorDomain", code: -1001, userInfo: [NSLocalizedDescriptionKey: "timed out"])
    #expect(SystemError.phrase(timedOut).es == "se agotó el tiempo de espera")
    // A code with no Spanish keeps its English in both.
    let odd = NSError(domain: "NSURLErrorDomain", code: -1999, userInfo: [NSLocalizedDescriptionKey: "odd"])
    #expect(SystemError.describe(odd).es == "odd")
  }
}
