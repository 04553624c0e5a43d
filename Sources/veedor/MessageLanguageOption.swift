import ArgumentParser
import VeedorRubric

/// `--lang en|es`, the language of a command's messages, for commands whose `--lang` means nothing else.
///
/// The value is read before parsing by `Environment.messageLanguage` (so a parsing error is already in
/// the right language); this option only makes the parser accept it. `--help` stays in English.
struct MessageLanguageOption: ParsableArguments {
  /// The language asked for, if any.
  @Option(
    name: .customLong("lang"), help: "Language of messages: en or es (default: from LC_ALL/LANG, else en).")
  var language: Language?
}
