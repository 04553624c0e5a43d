import Foundation
import FuzzSupport
import VeedorSigning

let message = Data("{\"report\":\"example\"}\n".utf8)
let publicKey = Data(repeating: 7, count: 32)

/// libFuzzer entry: an armoured OpenPGP signature as `veedor verify` reads report.json.asc.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  guard let start else { return 0 }
  let text = String(decoding: Data(bytes: start, count: count), as: UTF8.self)
  _ = OpenPGPVerifier.verify(text, message: message, publicKey: publicKey)
  return 0
}

/// The program's entry point under SwiftPM: hands control to libFuzzer's driver.
@_cdecl("fuzz_openpgp_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runLibFuzzer(argc, argv) { fuzz($0, $1) }
}
