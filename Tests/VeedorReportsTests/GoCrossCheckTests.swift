import Foundation
import Testing
import VeedorLedger
import VeedorSigning
import VeedorTestSupport
import VeedorTiles

/// The program `scripts/gocheck`, built with Go's `golang.org/x/mod/sumdb` packages (an implementation
/// of signed notes and tiled logs written independently of ours).
struct GoCheck {
  /// Where Debian's golang-golang-x-mod-dev puts the sources.
  static let gopath = "/usr/share/gocode"

  /// The built program.
  let binary: URL

  /// Builds the program into a new temporary folder, or returns nil after recording why it cannot
  /// (a failure when CI requires the tools).
  static func build() throws -> GoCheck? {
    let sumdb = gopath + "/src/golang.org/x/mod/sumdb"
    guard let go = TestSupport.tool("go"), FileManager.default.fileExists(atPath: sumdb) else {
      let why = "go or \(sumdb) (packages golang-go, golang-golang-x-mod-dev) is not installed"
      if TestSupport.toolsRequired {
        Issue.record("\(why), but VEEDOR_REQUIRE_TOOLS=1 requires it")
      } else {
        print("SKIPPED: \(why)")
      }
      return nil
    }
    let binary = TestSupport.temporaryFolder("veedor-gocheck").appendingPathComponent("gocheck")
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent("veedor-gocheck-cache")
    let environment = ["GOPATH": gopath, "GO111MODULE": "off", "GOCACHE": cache.path, "GOFLAGS": ""]
    let result = try TestSupport.run(
      go, ["build", "-o", binary.path, "./scripts/gocheck"], environment: environment,
      directory: TestSupport.packageRoot)
    try #require(result.status == 0, "go build failed: \(result.stderr)")
    return GoCheck(binary: binary)
  }

  /// Runs one subcommand with file arguments.
  func run(_ subcommand: String, _ files: URL...) throws -> TestSupport.Result {
    try TestSupport.run(binary, [subcommand] + files.map(\.path))
  }

  /// Expects the subcommand to accept its input.
  func accepts(_ subcommand: String, _ files: URL..., sourceLocation: SourceLocation = #_sourceLocation) throws {
    let result = try TestSupport.run(binary, [subcommand] + files.map(\.path))
    #expect(result.status == 0, "gocheck \(subcommand) rejected: \(result.stderr)", sourceLocation: sourceLocation)
  }

  /// Expects the subcommand to reject its input with a reason containing `reason`.
  func rejects(
    _ subcommand: String, _ files: URL..., reason: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let result = try TestSupport.run(binary, [subcommand] + files.map(\.path))
    #expect(result.status != 0, "gocheck \(subcommand) accepted: \(result.stdout)", sourceLocation: sourceLocation)
    #expect(
      result.stderr.contains(reason), "gocheck \(subcommand) gave another reason: \(result.stderr)",
      sourceLocation: sourceLocation)
  }
}

/// A tiled log of 70,000 small entries (273 full level-0 tiles, a full level-1 tile, partial tiles at
/// every level) whose checkpoint carries a witness cosignature, written with the library.
struct BigLog: Sendable {
  /// Number of entries.
  static let size = 70_000
  /// The cosignature's timestamp.
  static let timestamp: UInt64 = 1_700_000_000

  /// The tiles folder.
  let folder: URL
  /// The log's verifier key file.
  let vkey: URL
  /// The witness's cosigner key file.
  let witnessVKey: URL

  /// Writes the log, its checkpoint (signed and cosigned) and the two key files.
  init() throws {
    let root = TestSupport.temporaryFolder("veedor-biglog")
    let origin = "veedor.example/go-cross-check"
    let lines = (0..<Self.size).map { Data(#"{"i":\#($0),"kind":"cross.check","text":"entry \#($0)"}"#.utf8) }
    let body = Checkpoint(origin: origin, size: lines.count, root: try MerkleTree(entries: lines).root()).text
    let logKey = MonitorKey.generate(name: "Cross-check log", created: 1_700_000_000)
    let witnessKey = MonitorKey.generate(name: "Cross-check witness", created: 1_700_000_000)
    let witness = "witness.example/w1"
    let cosignature = try Cosigner.cosign(body: body, timestamp: Self.timestamp, name: witness, key: witnessKey)
    let note = try SignedNote.sign(body, name: origin, key: logKey).adding([cosignature])
    folder = root.appendingPathComponent("log")
    _ = try TileWriter.write(lines: lines, checkpoint: note.serialized, sizes: [773, 65_543], to: folder)
    vkey = root.appendingPathComponent("verifier.vkey")
    try Data((try NoteKey(name: origin, publicKey: logKey.publicKey).description + "\n").utf8).write(to: vkey)
    witnessVKey = root.appendingPathComponent("witness.vkey")
    try Data((try Cosigner(name: witness, publicKey: witnessKey.publicKey).description + "\n").utf8).write(
      to: witnessVKey)
  }

  /// Built once for the suite.
  static let shared = Result(catching: { try BigLog() })
}

/// Go's sumdb packages must accept what Veedor writes and reject it with one byte changed.
@Suite("Go's sumdb note and tlog packages on our checkpoints, cosignatures and tiles")
struct GoCrossCheckTests {
  /// The demo workspace's published log and report proof pass Go's checks.
  @Test("the demo: note.Open verifies the checkpoint, tlog reads the tiles and checks the report's tlog-proof")
  func demo() throws {
    guard let go = try GoCheck.build() else { return }
    let dir = TestSupport.temporaryFolder().appendingPathComponent("demo")
    let made = try TestSupport.veedor(["demo", dir.path])
    try #require(made.status == 0, "veedor demo failed: \(made.stderr)")
    let vkey = dir.appendingPathComponent("public/verifier.vkey")
    let log = dir.appendingPathComponent("site/log")
    try go.accepts("note", vkey, log.appendingPathComponent("checkpoint"))
    try go.accepts("tiles", log)

    // The proof is of the report's last ledger line, as the report quotes it.
    let report = dir.appendingPathComponent("report/report.json")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
    let ledger = try #require((json["inputs"] as? [String: Any])?["ledger"] as? [String])
    try #require(ledger.count >= 2)
    let entry = TestSupport.temporaryFolder().appendingPathComponent("entry")
    try Data(ledger[ledger.count - 1].utf8).write(to: entry)
    let proof = dir.appendingPathComponent("report/report.json.tlog-proof")
    try go.accepts("proof", vkey, proof, entry)

    // Another entry, or another log's key, does not pass.
    let other = TestSupport.temporaryFolder().appendingPathComponent("other")
    try Data(ledger[ledger.count - 2].utf8).write(to: other)
    try go.rejects("proof", vkey, proof, other, reason: "CheckRecord")
    let stranger = TestSupport.temporaryFolder().appendingPathComponent("stranger.vkey")
    let strangerKey = MonitorKey.generate(name: "Stranger", created: 1_700_000_000)
    try Data(try NoteKey(name: "veedor.example/penalolen-2021-2024", publicKey: strangerKey.publicKey).description.utf8)
      .write(to: stranger)
    try go.rejects("note", stranger, log.appendingPathComponent("checkpoint"), reason: "note.Open")
  }

  /// A log big enough for full and partial tiles at two levels passes Go's checks.
  @Test("70,000 entries: Go accepts the cosigned checkpoint, the cosignature, every tile and bundle, and proofs")
  func bigLog() throws {
    guard let go = try GoCheck.build() else { return }
    let log = try BigLog.shared.get()
    let checkpoint = log.folder.appendingPathComponent("checkpoint")
    try go.accepts("note", log.vkey, checkpoint)
    let cosig = try go.run("cosig", log.witnessVKey, checkpoint)
    #expect(cosig.status == 0, "\(cosig.stderr)")
    #expect(cosig.stdout.contains("at time \(BigLog.timestamp)"), "\(cosig.stdout)")
    let tiles = try go.run("tiles", log.folder)
    #expect(tiles.status == 0, "\(tiles.stderr)")
    #expect(tiles.stdout.contains("tiles ok: \(BigLog.size) entries"), "\(tiles.stdout)")
    // 273 full level-0 tiles and one full level-1 tile, each checked against its parent.
    #expect(tiles.stdout.contains("274 full tiles match their parents"), "\(tiles.stdout)")
    // The log holds the tiles this test relies on: full level-0 and level-1 tiles, partial tiles.
    for path in [
      "tile/0/272", "tile/0/273.p/112", "tile/1/000", "tile/1/001.p/17", "tile/2/000.p/1", "tile/entries/273.p/112",
    ] {
      #expect(FileManager.default.fileExists(atPath: log.folder.appendingPathComponent(path).path), "\(path)")
    }
  }

  /// Each single-byte change is caught, with the reason Go gives.
  @Test("one flipped byte in a tile, a bundle, the checkpoint's root or the cosignature is rejected")
  func flippedBytes() throws {
    guard let go = try GoCheck.build() else { return }
    let shared = try BigLog.shared.get()
    let folder = TestSupport.temporaryFolder().appendingPathComponent("log")
    try FileManager.default.copyItem(at: shared.folder, to: folder)
    let checkpoint = folder.appendingPathComponent("checkpoint")

    /// Runs `check` with the file's bytes changed by `change`, then puts the file back.
    func changed(_ path: String, _ change: (inout Data) throws -> Void, check: () throws -> Void) throws {
      let url = folder.appendingPathComponent(path)
      let original = try Data(contentsOf: url)
      var bytes = original
      try change(&bytes)
      #expect(bytes != original, "\(path) unchanged")
      try bytes.write(to: url)
      defer { try? original.write(to: url) }
      try check()
    }

    // A hash in full level-0 tiles (under the full and under the partial level-1 tile), in the
    // partial level-0 tile (part of the root's hash) and in the full level-1 tile.
    let tileReasons = [
      "tile/0/000": "tile/0/000 does not hash to the hash tile/1/000 holds",
      "tile/0/271": "tile/0/271 does not hash to the hash tile/1/001.p/17 holds",
      "tile/0/273.p/112": "inconsistent tile",
      "tile/1/000": "tile/1/000 does not hash to the hash tile/2/000.p/1 holds",
    ]
    for (path, reason) in tileReasons.sorted(by: { $0.key < $1.key }) {
      try changed(path, { $0[$0.startIndex + 100] ^= 0x01 }) {
        try go.rejects("tiles", folder, reason: reason)
      }
    }
    // A byte inside an entry (past its 2-byte length) in a full and in the partial bundle.
    for path in ["tile/entries/005", "tile/entries/273.p/112"] {
      try changed(path, { $0[$0.startIndex + 8] ^= 0x01 }) {
        try go.rejects("tiles", folder, reason: "does not match its level-0 hash")
      }
    }
    try go.accepts("tiles", folder)

    // The root line: still base64, another hash.
    try changed(
      "checkpoint",
      { bytes in
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let at = lines[0].count + 1 + lines[1].count + 1
        bytes[bytes.startIndex + at] =
          bytes[bytes.startIndex + at] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
      }
    ) {
      try go.rejects("note", shared.vkey, checkpoint, reason: "invalid signature")
      try go.rejects("cosig", shared.witnessVKey, checkpoint, reason: "does not verify")
      try go.rejects("tiles", folder, reason: "inconsistent tile")
    }

    // One byte of the witness's Ed25519 signature (after key ID and timestamp).
    try changed(
      "checkpoint",
      { bytes in
        var text = String(decoding: bytes, as: UTF8.self)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("\u{2014} witness.example/w1 ") })
        let encoded = String(line.split(separator: " ")[2])
        var blob = try #require(Data(base64Encoded: encoded))
        blob[blob.startIndex + 4 + 8 + 10] ^= 0x01
        text = text.replacingOccurrences(of: encoded, with: blob.base64EncodedString())
        bytes = Data(text.utf8)
      }
    ) {
      try go.rejects("cosig", shared.witnessVKey, checkpoint, reason: "does not verify")
      // Go's note package ignores signature lines by keys it does not know.
      try go.accepts("note", shared.vkey, checkpoint)
    }
    try go.accepts("note", shared.vkey, checkpoint)
    try go.accepts("cosig", shared.witnessVKey, checkpoint)
  }
}
