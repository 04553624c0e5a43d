import Foundation
import Testing
import VeedorDataset
import VeedorTestSupport

/// The import gives the same bytes on any number of threads.
@Suite("import on one thread or several")
struct ImportWorkersTests {
  /// Two monitors' reports, copies of each, a tampered one and an unsigned one, in one inbox; and a
  /// trust file for both monitors.
  static func inbox() throws -> (inbox: URL, trust: URL) {
    let root = TestSupport.temporaryFolder()
    let inbox = root.appendingPathComponent("inbox")
    try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
    var trust = ""
    for monitor in 0..<2 {
      let f = try ReportFixture()
      for copy in 0..<3 {
        try FileManager.default.copyItem(at: f.out, to: inbox.appendingPathComponent("m\(monitor)-\(copy)"))
      }
      let own = try String(contentsOf: f.keys.appendingPathComponent("allowed_signers"), encoding: .utf8)
      trust += "CLPLN " + String(own.split(separator: " ", maxSplits: 1)[1])
      if monitor == 0 {
        let tampered = try f.copy()
        let json = tampered.appendingPathComponent("report.json")
        var bytes = try Data(contentsOf: json)
        bytes[try #require(bytes.range(of: Data("greener".utf8))).lowerBound] ^= 0x01
        try bytes.write(to: json)
        try FileManager.default.copyItem(at: tampered, to: inbox.appendingPathComponent("m0-tampered"))
        let unsigned = try f.copy()
        for name in ["report.json.sshsig", "report.json.sig"] {
          try FileManager.default.removeItem(at: unsigned.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(at: unsigned, to: inbox.appendingPathComponent("m1-unsigned"))
      }
    }
    let trustFile = root.appendingPathComponent("monitors.allowed_signers")
    try Data(trust.utf8).write(to: trustFile)
    return (inbox, trustFile)
  }

  @Test("every byte written is the same with one worker and with several; bad reports are refused either way")
  func sameBytes() throws {
    let (inbox, trust) = try Self.inbox()
    var written: [[String: Data]] = []
    for workers in [1, 2, 4] {
      let result = try DatasetImporter(inputs: [inbox], trust: trust, workers: workers)
      let out = TestSupport.temporaryFolder().appendingPathComponent("dataset")
      try result.write(to: out)
      var files: [String: Data] = [:]
      for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
        files[name] = try Data(contentsOf: out.appendingPathComponent(name))
      }
      written.append(files)
      #expect(result.dataset.rows.count == 22, "workers \(workers)")
      let refused = Dictionary(
        result.refused.map { (URL(fileURLWithPath: $0.file).deletingLastPathComponent().lastPathComponent, $0.reason) },
        uniquingKeysWith: { first, _ in first })
      #expect(refused["m0-tampered"]?.hasPrefix("report signature") == true, "workers \(workers): \(refused)")
      #expect(refused["m1-unsigned"]?.contains("no signature") == true, "workers \(workers): \(refused)")
      #expect(!result.clean)
    }
    #expect(Set(written.map { $0.keys.sorted() }).count == 1)
    #expect(written[0].keys.contains("commitments.json") && written[0].keys.contains("import-log.json"))
    for other in written.dropFirst() { #expect(other == written[0]) }
  }

  @Test(
    "commitments.json: one row per line, each row's bytes as JSONEncoder writes the array, odd characters and empty rows included"
  )
  func datasetJSONMatchesEncoder() throws {
    var controls = ""
    for byte in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(byte))) }
    let odd = controls + "\"\\/\u{7F}\u{2028}\u{2029}é😀\u{FEFF} ● done, \"quoted\""
    var dataset = Dataset()
    try Self.check(dataset)
    dataset.add(["Commitment Unique Identifier": "X0001", "Lead Institution": odd, "x_é": "1", "x_Z": " padded "])
    dataset.add(["Commitment Unique Identifier": "X0002", "x_monitor": odd, "Zeta": ""])
    dataset.add([:])
    try Self.check(dataset)
  }

  /// Checks the document against `JSONEncoder`: the same values when parsed, every row on its own line
  /// holding exactly the encoder's compact bytes for the row's cells (`null` where the row lacks a column).
  static func check(_ dataset: Dataset) throws {
    let bytes = try dataset.json()
    let document = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
    #expect(document["schema_version"] as? String == Dataset.schemaVersion)
    #expect(document["columns"] as? [String] == dataset.headers)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let expected = try dataset.rows.map { row in
      "    " + String(decoding: try encoder.encode(dataset.headers.map { row[$0] }), as: UTF8.self)
    }
    let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
    let open = try #require(lines.firstIndex(of: "  \"rows\" : ["))
    let rowLines = lines[(open + 1)...].prefix(max(1, dataset.rows.count)).map {
      $0.hasSuffix(",") ? String($0.dropLast()) : $0
    }
    #expect(rowLines == (expected.isEmpty ? [""] : expected))
    #expect(bytes.last == 0x0A)
  }
}
