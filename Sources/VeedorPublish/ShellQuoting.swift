/// Quoting for the shell commands Veedor shows on pages and in the terminal, so each value stays one argument.
public enum ShellQuoting {
  /// Characters that need no quoting in a POSIX shell word.
  static let safe = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@%+=:,./_-".unicodeScalars)

  /// `argument` as one POSIX shell word: as it is when made only of `[A-Za-z0-9@%+=:,./_-]`, else in single
  /// quotes with each `'` written `'\''`.
  public static func quote(_ argument: String) -> String {
    if !argument.isEmpty && argument.unicodeScalars.allSatisfy(safe.contains) { return argument }
    return "'" + argument.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
  }

  /// A command line of words, each quoted as needed and separated by spaces.
  public static func command(_ words: [String]) -> String {
    words.map(quote).joined(separator: " ")
  }
}
