import Foundation
import Testing
import VeedorSigning
import VeedorTestSupport

/// The report fixture's workspace with two parties, a draft open for replies (window 2023-11-14 to
/// 2023-11-20; the fixed clock is 2023-11-14), and helpers to write and sign replies.
struct ReplyFixture {
  let base: ReportFixture
  let root: URL
  let government = MonitorKey.generate(name: "dideco", created: 1_700_000_000)
  let civil = MonitorKey.generate(name: "ong", created: 1_700_000_000)
  let stranger = MonitorKey.generate(name: "stranger", created: 1_700_000_000)
  var ws: String { base.ws }
  var draft: URL { root.appendingPathComponent("draft") }

  init() throws {
    base = try ReportFixture()
    root = TestSupport.temporaryFolder("replies")
    for (name, role, key) in [("dideco", "government", government), ("ong", "civil-society", civil)] {
      let pub = root.appendingPathComponent("\(name).pub")
      try Data("\(key.sshPublicKey) \(name)\n".utf8).write(to: pub)
      try ReportFixture.run(["party", "add", name, "--role", role, "--key", pub.path, "-w", ws])
    }
    try ReportFixture.run([
      "report", "export", "--draft", "--review-closes", "2023-11-20", "--key", base.key, "--out", draft.path, "-w", ws,
    ])
  }

  /// The draft's `SIZE ROOT`, as the reply template writes it.
  func checkpointLine() throws -> String {
    let text = try ReportFixture.run([
      "reply", "template", "--report", draft.appendingPathComponent("report.json").path,
    ])
    .stdout
    return try #require(text.split(separator: "\n").first { $0.hasPrefix("checkpoint: ") }).dropFirst(12).description
  }

  /// Writes a reply file; returns its URL.
  func reply(
    _ name: String, party: String? = "dideco", checkpoint: String? = nil, fields: String = "",
    text: String = "The minutes show it."
  ) throws -> URL {
    let url = root.appendingPathComponent(name)
    let line = try checkpoint ?? checkpointLine()
    let header =
      "veedor-reply/1\ncheckpoint: \(line)\n" + (party.map { "party: \($0)\n" } ?? "")
      + (fields.isEmpty ? "" : fields + "\n")
    try Data((header + "\n" + text + "\n").utf8).write(to: url)
    return url
  }

  /// Signs a file as `ssh-keygen -Y sign` does, writing FILE.sig.
  @discardableResult
  func sign(_ file: URL, with key: MonitorKey, namespace: String = "reply@veedor") throws -> URL {
    let sig = URL(fileURLWithPath: file.path + ".sig")
    try Data(try SSHSignature.sign(Data(contentsOf: file), namespace: namespace, key: key).utf8).write(to: sig)
    return sig
  }

  /// `veedor reply add FILE [SIG]` with the fixed clock, or another one.
  func add(_ file: URL, _ extra: [String] = [], epoch: String = "1700000000") throws -> TestSupport.Result {
    try TestSupport.veedor(
      ["reply", "add", file.path] + extra + ["-w", ws], environment: ["SOURCE_DATE_EPOCH": epoch])
  }
}
