import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Helpers shared by Veedor's test targets: paths, temporary folders, the built binary, tools.
public enum TestSupport {
  /// The package's root folder.
  public static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The reference notes folder beside the checkout, when present.
  public static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

  /// The folder every temporary folder of this test process is made in, removed when the process exits
  /// (a run that crashes leaves it behind, to look at).
  public static let temporaryRoot: URL = {
    // A new folder of its own (mkdtemp), never one already there under a name that can be guessed.
    var template = Array((FileManager.default.temporaryDirectory.path + "/vt-XXXXXX").utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer in
      mkdtemp(buffer.baseAddress!).map { String(cString: $0) }
    }
    guard let made else { fatalError("cannot make a temporary folder: \(String(cString: strerror(errno)))") }
    let url = URL(fileURLWithPath: made)
    atexit { TestSupport.removeTemporaryRoot() }
    return url
  }()

  /// Removes ``temporaryRoot``, first giving back write permission to any folder a test took it from.
  static func removeTemporaryRoot() {
    let manager = FileManager.default
    for case let path as String in manager.enumerator(atPath: temporaryRoot.path) ?? .init() {
      // A symbolic link is never followed: only a real folder inside the root gets its permission back.
      let url = temporaryRoot.appendingPathComponent(path)
      if (try? manager.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType) == .typeDirectory {
        chmod(url.path, 0o700)
      }
    }
    try? manager.removeItem(at: temporaryRoot)
  }

  /// A new empty temporary folder, inside ``temporaryRoot``.
  public static func temporaryFolder(_ label: String = "veedor-test") -> URL {
    let url = temporaryRoot.appendingPathComponent("\(label)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The built `veedor` executable next to the test bundle.
  public static var veedorBinary: URL {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("veedor")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    return packageRoot.appendingPathComponent(".build/debug/veedor")
  }

  /// What a finished process left behind.
  public struct Result: Sendable {
    /// Exit status.
    public var status: Int32
    /// Standard output.
    public var stdout: String
    /// Standard error.
    public var stderr: String
  }

  /// Runs a program to completion with optional environment additions and standard input.
  @discardableResult
  public static func run(
    _ executable: URL, _ arguments: [String], environment: [String: String] = [:], input: Data? = nil,
    directory: URL? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe()
    let err = Pipe()
    let inPipe = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = inPipe
    try process.run()
    if let input { inPipe.fileHandleForWriting.write(input) }
    try? inPipe.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Runs the built `veedor` with a fixed clock and an English locale (whatever the developer's), so
  /// output in another language is asked for explicitly.
  @discardableResult
  public static func veedor(_ arguments: [String], environment: [String: String] = [:], input: Data? = nil)
    throws -> Result
  {
    let fixed = ["SOURCE_DATE_EPOCH": "1700000000", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
    return try run(veedorBinary, arguments, environment: fixed.merging(environment) { $1 }, input: input)
  }

  /// The path of an outside tool, or nil when it is not installed.
  public static func tool(_ name: String) -> URL? {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
      let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return nil
  }

  /// Checks a file generated from sources against what it should hold now; with the environment
  /// variable `variable` set to 1, rewrites it instead. Returns nil when it matches, else what the
  /// test must record as a failure (a recording run always fails, so it is never mistaken for a pass).
  public static func checkGenerated(_ expected: String, at url: URL, recordWith variable: String) throws -> String? {
    if ProcessInfo.processInfo.environment[variable] == "1" {
      try Data(expected.utf8).write(to: url)
      return "recorded \(url.lastPathComponent); run again without \(variable)=1"
    }
    let current = try? String(contentsOf: url, encoding: .utf8)
    return current == expected ? nil : "\(url.lastPathComponent) is out of date: re-record it with \(variable)=1"
  }

  /// Whether CI demands every outside tool (`VEEDOR_REQUIRE_TOOLS=1`).
  public static var toolsRequired: Bool { ProcessInfo.processInfo.environment["VEEDOR_REQUIRE_TOOLS"] == "1" }
}
