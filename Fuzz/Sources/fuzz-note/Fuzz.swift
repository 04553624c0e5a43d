import Foundation
import FuzzSupport
import VeedorLedger
import VeedorSigning

let key = try! NoteKey(text: "example.org/monitor-log+9a3929de+AQOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4")

/// libFuzzer entry: a signed checkpoint note and a verifier key line.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  guard let start else { return 0 }
  let text = String(decoding: Data(bytes: start, count: count), as: UTF8.self)
  if let note = try? SignedNote(parsing: text) {
    _ = note.isSigned(by: key)
    _ = try? Checkpoint(text: note.text)
  }
  _ = try? Checkpoint(text: text)
  _ = try? NoteKey(text: text)
  return 0
}

/// The program's entry point under SwiftPM: hands control to libFuzzer's driver.
@_cdecl("fuzz_note_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runLibFuzzer(argc, argv) { fuzz($0, $1) }
}
