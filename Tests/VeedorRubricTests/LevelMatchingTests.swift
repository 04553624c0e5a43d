import Foundation
import Testing
import VeedorErrors

@testable import VeedorRubric

/// Finding a level by what a monitor typed compares ASCII text byte by byte and trims without
/// Foundation when it can; the answer is the one the plain rule gives (trim spaces, lower-case, compare
/// as Swift compares strings) for every input, odd ones included.
@Suite("Level matching")
struct LevelMatchingTests {
  static func level(_ id: String, _ en: String, _ es: String, _ aliases: [String]) -> Level {
    Level(
      id: id, ordinal: 0, label: LocalizedText(en: en, es: es), definition: LocalizedText(en: "d", es: "d"),
      aliases: aliases)
  }
  static let scale = Scale(
    id: "s", title: LocalizedText(en: "S", es: "S"), question: LocalizedText(en: "?", es: "?"), phase: .design,
    levels: [
      level("kelvin", "Kelvin", "Kelvin", ["\u{212A}x"]),
      level("semi", "a;b", "Sí", ["ı"]),
      level("substantial", "Substantial", "Sustancial", ["sub"]),
      level("istanbul", "İstanbul", "ÉTÉ", ["straße"]),
      level("yes", "Yes", "Sí", []),
      level("Upper", "UP", "Arriba", ["e\u{301}t\u{E9}"]),
    ])

  /// The rule as first written, without any fast path.
  static func plain(_ text: String) -> Level? {
    let key = text.trimmingCharacters(in: .whitespaces).lowercased()
    return scale.levels.first { level in
      level.id.lowercased() == key || level.label.en.lowercased() == key || level.label.es.lowercased() == key
        || level.aliases.contains { $0.lowercased() == key }
    }
  }

  @Test("every input finds the level the plain rule finds")
  func sameAsPlainRule() {
    let inputs = [
      "yes", "YES", " Yes ", "\tyes", "yes\u{A0}", "\u{3000}yes", "sí", "SÍ", "si", "s\u{131}", "kelvin", "KELVIN",
      "\u{212A}elvin", "kx", "Kx", "\u{212A}X", "a;b", "A;B", "a\u{37E}b", "ı", "I", "i", "substantial", "SUB",
      "Sustancial", "sustancial ", "istanbul", "İstanbul", "i̇stanbul", "ÉTÉ", "été", "e\u{301}te\u{301}", "STRASSE",
      "straße", "STRAẞE", "upper", "UPPER", "Upper", "up", "étÉ", "", " ", "\n", "no", "yes\n", "\u{0}yes",
      "Yes\u{301}",
    ]
    for input in inputs {
      #expect(Self.scale.level(matching: input)?.id == Self.plain(input)?.id, "\(input.debugDescription)")
    }
    #expect(Self.scale.level(matching: " YES ")?.id == "yes")
    #expect(Self.scale.level(matching: "a\u{37E}b")?.id == "semi")
  }

  @Test("trimming keeps what Foundation keeps")
  func trimming() {
    for text in ["a", " a", "a ", "\ta\t", "\u{A0}a", "a\u{2003}", "a b", "", " ", "\u{301}a", "a\n"] {
      #expect(PlainText.trimmingSpaces(text) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
    }
  }
}
