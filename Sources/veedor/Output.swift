import ArgumentParser
import Foundation
import VeedorDataset
import VeedorErrors
import VeedorLedger
import VeedorPlan
import VeedorPublish
import VeedorRecords
import VeedorReports
import VeedorRubric
import VeedorSigning
import VeedorTiles
import VeedorVerify
import VeedorWorkspace

/// Printing: data on stdout, diagnostics on stderr, errors mapped to exit statuses.
///
/// Text goes through `TerminalText`, so a control character from data is shown, never obeyed.
enum Output {
  /// Writes a line to standard output.
  static func line(_ text: TerminalText = "", terminator: String = "\n") {
    print(text.description, terminator: terminator)
  }

  /// Writes a line to standard output in the language of this run's messages.
  static func line(_ english: TerminalText, es spanish: TerminalText, terminator: String = "\n") {
    line(Environment.messageLanguage == .es ? spanish : english, terminator: terminator)
  }

  /// Writes a line to standard error in the language of this run's messages.
  static func note(_ english: TerminalText, es spanish: TerminalText) {
    note(Environment.messageLanguage == .es ? spanish : english)
  }

  /// Writes several lines of data to standard output as they are, control characters other than line feeds escaped.
  static func block(_ text: String) {
    print(Terminal.escape(text, keepingNewlines: true), terminator: "")
  }

  /// Writes a line to standard error.
  static func note(_ text: TerminalText) {
    FileHandle.standardError.write(Data((text.description + "\n").utf8))
  }

  /// Prints a value as pretty JSON on stdout.
  static func json<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
  }

  /// Reports an error on stderr, in the language of this run's messages, and exits: 1 for failed
  /// checks, 2 for bad usage or input.
  static func fail(_ error: any Error) -> Never {
    let (message, status) = describe(UsageError.unwrapped(error))
    note("veedor: error: \(message)")
    exit(status)
  }

  /// An error's one-line message in the language of this run's messages (for errors a command reports
  /// and goes on, such as a score the guided dialogue could not record).
  static func message(for error: any Error) -> String {
    describe(UsageError.unwrapped(error)).0
  }

  /// An error's line, in the language of this run's messages, and exit status.
  private static func describe(_ error: any Error) -> (String, Int32) {
    var (message, status) = baseLine(error)
    guard Environment.spanish else { return (message, status) }
    if let error = error as? any SpanishDescribable { message = error.spanishDescription }
    if let error = error as? UsageError { message = error.spanish }
    return (message, status)
  }

  /// An error's English line and exit status; ArgumentParser's own messages already in Spanish when the run's are.
  private static func baseLine(_ error: any Error) -> (String, Int32) {
    let (message, status): (String, Int32)
    switch error {
    case let error as WorkspaceError:
      (message, status) = (error.description, error.exitStatus)
    case let error as PlanError:
      (message, status) = (error.description, error.exitStatus)
    case let error as RecordsError:
      (message, status) = (error.description, error.exitStatus)
    case let error as ReportsError:
      (message, status) = (error.description, error.exitStatus)
    case let error as VerifyError:
      (message, status) = (error.description, error.exitStatus)
    case let error as DatasetError:
      (message, status) = (error.description, error.exitStatus)
    case let error as PublishError:
      (message, status) = (error.description, error.exitStatus)
    case let error as LedgerError:
      (message, status) = (error.description, error.exitStatus)
    case let error as RubricError:
      (message, status) = (error.description, 2)
    case let error as TilesError:
      (message, status) = (error.description, error.exitStatus)
    case let error as SigningError:
      (message, status) = (error.description, error.exitStatus)
    case let error as UsageError:
      (message, status) = (error.english, 2)
    case let error as ExitCode:
      exit(error.rawValue)
    default:
      let code = Veedor.exitCode(for: error)
      if code == .success {
        print(Veedor.fullMessage(for: error))
        exit(0)
      }
      let english = Veedor.message(for: error).replacingOccurrences(of: "\n", with: " ")
      let text = Environment.spanish ? ParserMessage.spanish(english) : english
      let help = Environment.spanish ? " (véase --help)" : " (see --help)"
      (message, status) = (text + help, code == .validationFailure ? 2 : code.rawValue)
    }
    return (message, status)
  }
}
