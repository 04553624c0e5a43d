import Foundation
import Testing
import VeedorSigning
import VeedorTestSupport
import VeedorVerify

/// A trust file as ssh-keygen reads it: Veedor must accept and refuse exactly the same signatures.
@Suite("TrustFile against ssh-keygen -Y verify")
struct TrustFileTests {
  static let key = MonitorKey.generate(name: "Monitor", email: "monitor@example.org", created: 1_700_000_000)
  static let other = MonitorKey.generate(name: "Other", email: "other@example.org", created: 1_700_000_000)
  static let ecdsa =
    "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBEdiZkK5o2QmJlCXnpfjSmQswCtO9ShGRmv/"
    + "kvgoQf/yeQqvTUXQ0vPDAwhHsGnvniopfg8e1MQyo4FRSFx4pW4="
  static let ns = SSHSignature.reportNamespace
  /// 2025-06-01T12:00:00Z.
  static let noon = Date(timeIntervalSince1970: 1_748_779_200)

  /// One trust file and one signature check; `expect` is nil where the answer depends on the time zone.
  struct Row: Sendable {
    var name: String
    var lines: [String]
    var principal = "CLPLN"
    var namespace = TrustFileTests.ns
    var at = TrustFileTests.noon
    var expect: Bool?
  }

  static func row(
    _ name: String, _ lines: [String], _ expect: Bool?, principal: String = "CLPLN", namespace: String = ns,
    at: Date = noon
  ) -> Row {
    let blob = key.sshPublicKey
    let expanded = lines.map {
      $0.replacingOccurrences(of: "KEY", with: blob).replacingOccurrences(of: "OTHER", with: other.sshPublicKey)
        .replacingOccurrences(of: "ECDSA", with: ecdsa)
        .replacingOccurrences(of: "B64", with: String(blob.dropFirst("ssh-ed25519 ".count)))
    }
    return Row(name: name, lines: expanded, principal: principal, namespace: namespace, at: at, expect: expect)
  }

  static let rows: [Row] = [
    row("exact namespace", ["CLPLN namespaces=\"assessment-report@veedor\" KEY m@example.org"], true),
    row("namespace list", ["CLPLN namespaces=\"file,assessment-report@veedor\" KEY"], true),
    row("wildcard namespace", ["CLPLN namespaces=\"*@veedor\" KEY"], true),
    row("? in namespace", ["CLPLN namespaces=\"assessment-report@veedo?\" KEY"], true),
    row("negated namespace", ["CLPLN namespaces=\"*,!assessment-report@veedor\" KEY"], false),
    row("another namespace", ["CLPLN namespaces=\"file\" KEY"], false),
    row("namespace containing ours", ["CLPLN namespaces=\"xassessment-report@veedorx\" KEY"], false),
    row("namespace inside ours", ["CLPLN namespaces=\"assessment-report\" KEY"], false),
    row("space after comma in list", ["CLPLN namespaces=\"file, assessment-report@veedor\" KEY"], false),
    row("empty namespaces", ["CLPLN namespaces=\"\" KEY"], false),
    row("no namespaces option", ["CLPLN KEY"], true),
    row(
      "signature in another namespace", ["CLPLN namespaces=\"assessment-report@veedor\" KEY"], false, namespace: "file"),
    row("valid-after in the future", ["CLPLN valid-after=\"20300101Z\" KEY"], false),
    row("valid-before in the past", ["CLPLN valid-before=\"20200101Z\" KEY"], false),
    row("both windows ok", ["CLPLN valid-after=\"20200101Z\",valid-before=\"20300101Z\" KEY"], true),
    row("valid-after is now", ["CLPLN valid-after=\"20250601120000Z\" KEY"], true),
    row("valid-after one second later", ["CLPLN valid-after=\"20250601120001Z\" KEY"], false),
    row("valid-before is now", ["CLPLN valid-before=\"20250601120000Z\" KEY"], true),
    row("valid-before one second earlier", ["CLPLN valid-before=\"20250601115959Z\" KEY"], false),
    row("HHMM form", ["CLPLN valid-after=\"202506011159Z\" KEY"], true),
    row("lower-case z and UTC", ["CLPLN valid-after=\"20200101z\",valid-before=\"20300101UTC\" KEY"], true),
    row("no-Z date long ago (local time)", ["CLPLN valid-after=\"20200101\" KEY"], true),
    row("no-Z time an hour after noon UTC (local time)", ["CLPLN valid-after=\"202506011300\" KEY"], nil),
    row("no-Z valid-before in the past", ["CLPLN valid-before=\"20200101\" KEY"], false),
    row("February 31 is normalised", ["CLPLN valid-after=\"20250231Z\" KEY"], true),
    row("month 13", ["CLPLN valid-after=\"20251301Z\" KEY"], false),
    row("short date", ["CLPLN valid-after=\"2025\" KEY"], false),
    row("valid-before before valid-after", ["CLPLN valid-after=\"20260101Z\",valid-before=\"20250101Z\" KEY"], false),
    row("the epoch itself", ["CLPLN valid-after=\"19700101Z\" KEY"], false),
    row("principal *", ["* KEY"], true),
    row("principal CL*", ["CL* KEY"], true),
    row("principal CL* for another country", ["CL* KEY"], false, principal: "ARBUE"),
    row("principal CLPL?", ["CLPL? KEY"], true),
    row("principal CLPL? one too long", ["CLPL? KEY"], false, principal: "CLPLNX"),
    row("negated principal", ["CL*,!CLPLN KEY"], false),
    row("negated other principal", ["CL*,!CLMPU KEY"], true),
    row("negation first", ["!CLPLN,* KEY"], false),
    row("negation holds on its line only", ["CL*,!CLPLN KEY", "CLPLN KEY"], true),
    row("another member", ["CLMPU KEY"], false),
    row("e-mail pattern", ["*@example.org KEY"], true, principal: "m@example.org"),
    row("quoted principals", ["\"CLPLN,CLMPU\" KEY"], true),
    row("principals are case-sensitive", ["clpln KEY"], false),
    row("cert-authority", ["CLPLN cert-authority KEY"], false),
    row("cert-authority and a plain line", ["CLPLN cert-authority KEY", "CLPLN KEY"], true),
    row("CERT-AUTHORITY upper case", ["CLPLN CERT-AUTHORITY,namespaces=\"*\" KEY"], false),
    row("NAMESPACES upper case", ["CLPLN NAMESPACES=\"assessment-report@veedor\" KEY"], true),
    row("quoted space in namespaces", ["CLPLN namespaces=\"a b,assessment-report@veedor\" KEY"], true),
    row("escaped quote in namespaces", ["CLPLN namespaces=\"x\\\"y,assessment-report@veedor\" KEY"], true),
    row("unquoted namespaces", ["CLPLN namespaces=assessment-report@veedor KEY"], false),
    row("unknown option", ["CLPLN restrict KEY"], false),
    row("empty option", ["CLPLN ,namespaces=\"assessment-report@veedor\" KEY"], true),
    row("trailing comma", ["CLPLN namespaces=\"assessment-report@veedor\", KEY"], false),
    row("two namespaces clauses", ["CLPLN namespaces=\"file\",namespaces=\"*\" KEY"], false),
    row("malformed line, then a good one", ["CLPLN namespaces=nope KEY", "CLPLN KEY"], true),
    row("bad base64", ["CLPLN ssh-ed25519 AAAA!!!"], false),
    row("bad base64, then a good line", ["CLPLN ssh-ed25519 AAAA!!!", "CLPLN KEY"], true),
    row("truncated key", ["CLPLN ssh-ed25519 AAAAC3NzaC1lZDI1NTE5"], false),
    row("Ed25519 key named ssh-rsa", ["CLPLN ssh-rsa B64"], false),
    row("another key", ["CLPLN OTHER"], false),
    row("ECDSA line only", ["CLPLN ECDSA"], false),
    row("ECDSA line is skipped", ["CLPLN ECDSA", "CLPLN KEY"], true),
    row("comment with spaces", ["CLPLN KEY a comment, with words"], true),
    row("CRLF line end", ["CLPLN KEY\r"], true),
    row("tabs and leading blanks", ["  \tCLPLN\tnamespaces=\"assessment-report@veedor\"\tKEY"], true),
    row("commented out", ["# CLPLN KEY", "   # CLPLN KEY"], false),
    row("blank line first", ["", "CLPLN KEY"], true),
    row("missing key", ["CLPLN"], false),
  ]

  /// The tool, or nil after recording why (a failure when CI requires the tools).
  static func tool(_ name: String) -> URL? {
    if let url = TestSupport.tool(name) { return url }
    if TestSupport.toolsRequired {
      Issue.record("\(name) is required (VEEDOR_REQUIRE_TOOLS=1) but not installed")
    } else {
      print("SKIPPED: \(name) is not installed")
    }
    return nil
  }

  /// `YYYYMMDDHHMMSSZ` for ssh-keygen's verify-time.
  static func sshTime(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    return String(format: "%04d%02d%02d%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
  }

  /// Whether ssh-keygen accepts a signature by `key` over `data` with this trust file.
  static func sshKeygen(_ ssh: URL, _ file: URL, _ row: Row, environment: [String: String] = [:]) throws -> Bool {
    let data = Data("{\"report\":\"\(row.name)\"}\n".utf8)
    let sig = file.deletingLastPathComponent().appendingPathComponent("sig-\(UUID().uuidString)")
    try Data(try SSHSignature.sign(data, namespace: row.namespace, key: key).utf8).write(to: sig)
    let args = [
      "-Y", "verify", "-f", file.path, "-I", row.principal, "-n", row.namespace, "-s", sig.path,
      "-O", "verify-time=\(sshTime(row.at))",
    ]
    return try TestSupport.run(ssh, args, environment: environment, input: data).status == 0
  }

  /// Whether Veedor trusts `key` for the row's principal, namespace and time.
  static func veedor(_ file: URL, _ row: Row) -> Bool {
    guard let trust = try? TrustFile(file),
      case .success(let grant) = trust.authorize(key.publicKey, namespace: row.namespace, at: row.at)
    else { return false }
    return grant.allows(row.principal)
  }

  @Test("every row: Veedor's decision equals ssh-keygen's")
  func table() throws {
    guard let ssh = Self.tool("ssh-keygen") else { return }
    let folder = TestSupport.temporaryFolder()
    for (i, row) in Self.rows.enumerated() {
      let file = folder.appendingPathComponent("trust\(i)")
      try Data((row.lines.joined(separator: "\n") + "\n").utf8).write(to: file)
      let theirs = try Self.sshKeygen(ssh, file, row)
      let ours = Self.veedor(file, row)
      #expect(ours == theirs, "\(row.name): Veedor \(ours), ssh-keygen \(theirs)\n\(row.lines.joined(separator: "\n"))")
      if let expected = row.expect { #expect(theirs == expected, "\(row.name): ssh-keygen \(theirs)") }
    }
  }

  @Test("no-Z times are local: under TZ=JST-9 a line valid after 20250101 is valid at 2024-12-31T16:00Z")
  func localTime() throws {
    guard let ssh = Self.tool("ssh-keygen") else { return }
    let file = TestSupport.temporaryFolder().appendingPathComponent("trust")
    let line = Self.row("local", ["CLPLN valid-after=\"20250101\" KEY"], nil).lines[0]
    try Data((line + "\n").utf8).write(to: file)
    let row = Row(name: "local", lines: [line], at: Date(timeIntervalSince1970: 1_735_660_800), expect: nil)
    #expect(try Self.sshKeygen(ssh, file, row, environment: ["TZ": "JST-9"]))
    #expect(try !Self.sshKeygen(ssh, file, row, environment: ["TZ": "UTC0"]))
    let tokyo = try TestSupport.veedor(["trust", "list", "--trust", file.path], environment: ["TZ": "JST-9"])
    let utc = try TestSupport.veedor(["trust", "list", "--trust", file.path], environment: ["TZ": "UTC0"])
    #expect(tokyo.stdout.contains("\"20250101\" (2024-12-31T15:00:00Z)"), "\(tokyo.stdout)")
    #expect(utc.stdout.contains("\"20250101\" (2025-01-01T00:00:00Z)"), "\(utc.stdout)")
  }

  static let patterns: [(String, String, Bool)] = [
    ("CLPLN", "CLPLN", true), ("CLPLN", "CL*", true), ("CLPLN", "*", true), ("CLPLN", "CLPL?", true),
    ("CLPLNX", "CLPL?", false), ("CLPL", "CLPL?", false), ("CLPLN", "CL*,!CLPLN", false), ("CLMPU", "CL*,!CLPLN", true),
    ("CLPLN", "!CLPLN,*", false), ("CLPLN", "ARBUE,CLPLN", true), ("CLPLN", "", false), ("", "", false),
    ("", "*", true), ("CLPLN", "clpln", false), ("m@example.org", "*@example.org", true),
    ("m@example.net", "*@example.org", false), ("abc", "a*c", true), ("ac", "a*c", true), ("abd", "a*c", false),
    ("abc", "a**?", true), ("x", "!y", false), ("CLPLN", "CLPLN,", true), ("CLPLN", ",CLPLN", true), ("", "!", false),
    ("CLPLN", "*,!", true), ("CLPLN", "C*L*N", true), ("CLPLN", "C?P*", true), ("CLPLN", "C?P", false),
    ("a", String(repeating: "*", count: 1023), false),
  ]

  @Test("the pattern matcher is OpenSSH's match_pattern_list")
  func patternMatcher() throws {
    for (name, list, expected) in Self.patterns {
      #expect(TrustFile.matches(name, patterns: list) == expected, "\(name) against \(list)")
    }
    guard let ssh = Self.tool("ssh-keygen") else { return }
    let folder = TestSupport.temporaryFolder()
    for (i, (name, list, _)) in Self.patterns.enumerated() where !name.isEmpty && !list.isEmpty && list.count < 100 {
      let file = folder.appendingPathComponent("p\(i)")
      try Data("\(list) \(Self.key.sshPublicKey)\n".utf8).write(to: file)
      let row = Row(name: "pattern", lines: [], principal: name, expect: nil)
      #expect(
        try Self.sshKeygen(ssh, file, row) == TrustFile.matches(name, patterns: list), "\(name) against \(list)")
    }
  }
}
