import Foundation
import VeedorLedger
import VeedorSigning

/// The server side of C2SP tlog-witness for tests: remembers the last checkpoint it cosigned per
/// origin and cosigns only a checkpoint consistent with it.
final class TestWitness: @unchecked Sendable {
  let name: String
  let key: MonitorKey
  let logKey: NoteKey
  private let lock = NSLock()
  private var latest: [String: Checkpoint] = [:]
  private(set) var server: LoopbackServer?

  /// A witness trusting `logKey`, listening on loopback.
  init(name: String, seed: UInt8, logKey: NoteKey) throws {
    self.name = name
    self.logKey = logKey
    key = try MonitorKey(seed: Data(repeating: seed, count: 32), name: name, created: 0)
    server = try LoopbackServer { [unowned self] request in self.respond(request) }
  }

  /// The witness's vkey (type 0x04).
  var vkey: String { (try? Cosigner(name: name, publicKey: key.publicKey))?.description ?? "" }

  /// The submission prefix.
  var url: String { server?.url ?? "" }

  /// The size last cosigned for an origin.
  func size(_ origin: String) -> Int { lock.withLock { latest[origin]?.size ?? 0 } }

  private func respond(_ request: LoopbackServer.Request) -> LoopbackServer.Response {
    func reply(_ status: Int, _ text: String, _ type: String = "text/plain") -> LoopbackServer.Response {
      LoopbackServer.Response(status: status, body: Data(text.utf8), contentType: type)
    }
    guard request.method == "POST", request.path.hasSuffix("/add-checkpoint") else {
      return reply(404, "no such API\n")
    }
    let text = String(decoding: request.body, as: UTF8.self)
    guard let blank = text.range(of: "\n\n") else { return reply(400, "no empty line\n") }
    let head = text[..<blank.lowerBound].split(separator: "\n").map(String.init)
    let noteText = String(text[blank.upperBound...])
    guard let oldLine = head.first, oldLine.hasPrefix("old "), let old = Int(oldLine.dropFirst(4)) else {
      return reply(400, "no old size line\n")
    }
    let proof = head.dropFirst().compactMap { Data(base64Encoded: $0) }
    guard proof.count == head.count - 1, let note = try? SignedNote(parsing: noteText),
      let checkpoint = try? Checkpoint(text: note.text)
    else { return reply(400, "malformed\n") }
    guard checkpoint.origin == logKey.name else { return reply(404, "unknown log\n") }
    guard note.isSigned(by: logKey) else { return reply(403, "not signed by the log\n") }
    guard old <= checkpoint.size else { return reply(400, "old size beyond the checkpoint\n") }
    return lock.withLock { () -> LoopbackServer.Response in
      let known = latest[checkpoint.origin]
      guard old == (known?.size ?? 0) else { return reply(409, "\(known?.size ?? 0)\n", "text/x.tlog.size") }
      if let known, old > 0 {
        let consistent =
          old == checkpoint.size
          ? known.root == checkpoint.root && proof.isEmpty
          : ProofVerifier.verifyConsistency(
            oldSize: old, newSize: checkpoint.size, oldRoot: known.root, newRoot: checkpoint.root, proof: proof)
        guard consistent else { return reply(422, "not consistent with what I saw\n") }
      } else if !proof.isEmpty {
        return reply(422, "a proof from size 0\n")
      }
      latest[checkpoint.origin] = checkpoint
      guard
        let signature = try? Cosigner.cosign(
          body: note.text, timestamp: 1_700_000_000, name: name, key: key)
      else { return reply(500, "cannot sign\n") }
      return reply(200, signature.line)
    }
  }
}
