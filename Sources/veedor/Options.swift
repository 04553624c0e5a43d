import ArgumentParser
import Foundation
import VeedorPlan
import VeedorRecords
import VeedorRubric
import VeedorWorkspace

/// `--workspace DIR`, shared by every command that works on a workspace.
struct WorkspaceOptions: ParsableArguments {
  @Option(name: [.short, .long], help: "The workspace folder.")
  var workspace: String = "."

  /// Opens the workspace.
  func open(decodingRubric: Bool = true) throws -> Workspace {
    try Workspace.open(URL(fileURLWithPath: workspace), decodingRubric: decodingRubric)
  }
}

extension Language: ExpressibleByArgument {}

/// Facts about the running environment: the clock and where bundled files live.
enum Environment {
  /// The current time, or `SOURCE_DATE_EPOCH` when set (for reproducible output).
  static func now() -> Date {
    // One variable read, not the whole environment copied into a dictionary.
    if let value = getenv("SOURCE_DATE_EPOCH"), let seconds = Double(String(cString: value)) {
      return Date(timeIntervalSince1970: seconds)
    }
    return Date()
  }

  /// The language of human-readable output: the `--lang` given, else the language of this run's
  /// messages (`--lang` read before parsing, else Spanish when `LC_ALL` (or, if that is unset, `LANG`)
  /// starts with `es`, else English). JSON keeps its English keys either way.
  static func language(_ chosen: Language?) -> Language {
    chosen ?? messageLanguage
  }

  /// The language of the locale: Spanish when `LC_ALL` (or, if that is unset, `LANG`) starts with `es`.
  static var localeLanguage: Language {
    let env = ProcessInfo.processInfo.environment
    let locale = [env["LC_ALL"], env["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
    return locale.lowercased().hasPrefix("es") ? .es : .en
  }

  /// The language of this run's messages, errors included: `--lang en|es` on the command line (read
  /// before parsing, so a parsing error is already in the right language), else `LC_ALL`/`LANG`.
  static let messageLanguage: Language = {
    let arguments = CommandLine.arguments
    var chosen: Language?
    for (i, argument) in arguments.enumerated() {
      if argument.hasPrefix("--lang=") { chosen = Language(rawValue: String(argument.dropFirst(7))) ?? chosen }
      if argument == "--lang", i + 1 < arguments.count { chosen = Language(rawValue: arguments[i + 1]) ?? chosen }
    }
    return chosen ?? localeLanguage
  }()

  /// Whether this run's messages are in Spanish.
  static var spanish: Bool { messageLanguage == .es }

  /// Today's UTC day (`YYYY-MM-DD`) by the same clock.
  static func today() -> String { String(Act.timestamp(now()).prefix(10)) }

  /// The source checkout this binary was built from.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Folders searched for rubric ids: `$VEEDOR_RUBRICS`, `./rubrics`, then the bundled ones.
  static var rubricLibrary: RubricLibrary {
    var folders: [URL] = []
    if let list = ProcessInfo.processInfo.environment["VEEDOR_RUBRICS"] {
      folders += list.split(separator: ":").map { URL(fileURLWithPath: String($0)) }
    }
    folders.append(URL(fileURLWithPath: "rubrics"))
    folders.append(packageRoot.appendingPathComponent("rubrics"))
    return RubricLibrary(folders: folders)
  }

  /// Whether standard input is a terminal (for guided prompts and progress).
  static var interactive: Bool { isatty(0) == 1 }
}
