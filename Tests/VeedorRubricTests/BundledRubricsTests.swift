import Foundation
import Testing
import VeedorRubric
import VeedorTestSupport

/// The rubrics embedded in the binary are the files in `rubrics/`, byte for byte.
/// `VEEDOR_RECORD_RUBRICS=1` rewrites Sources/VeedorRubric/BundledRubrics.swift and fails that run.
@Suite("Bundled rubrics")
struct BundledRubricsTests {
  static let folder = TestSupport.packageRoot.appendingPathComponent("rubrics")
  static let source = TestSupport.packageRoot.appendingPathComponent("Sources/VeedorRubric/BundledRubrics.swift")

  /// The generated source for the current rubric files.
  static func generated() throws -> String {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
      .sorted()
    var out = [
      "import Foundation", "",
      "// Generated from rubrics/*.json by `VEEDOR_RECORD_RUBRICS=1 swift test --filter BundledRubricsTests`; do not edit.",
      "",
      "/// The rubric files of `rubrics/`, embedded so an installed `veedor` finds them wherever it is copied.",
      "public enum BundledRubrics {",
      "  /// File name and base64 of the exact bytes of each bundled rubric file, in name order.",
      "  public static let files: [(name: String, base64: [String])] = [",
    ]
    for name in names {
      let base64 = try Data(contentsOf: folder.appendingPathComponent(name)).base64EncodedString()
      out += ["    (", "      \"\(name)\",", "      ["]
      var start = base64.startIndex
      while start < base64.endIndex {
        let end = base64.index(start, offsetBy: 8_000, limitedBy: base64.endIndex) ?? base64.endIndex
        out.append("        \"\(base64[start..<end])\",")
        start = end
      }
      out += ["      ]", "    ),"]
    }
    out += [
      "  ]", "", "  /// The exact bytes of a bundled rubric file, by file name.",
      "  public static func data(_ name: String) -> Data? {",
      "    files.first { $0.name == name }.flatMap { Data(base64Encoded: $0.base64.joined()) }", "  }", "}",
    ]
    return out.joined(separator: "\n") + "\n"
  }

  @Test("BundledRubrics.swift is generated from the current rubrics/ files")
  func generatedFileIsCurrent() throws {
    let problem = try TestSupport.checkGenerated(Self.generated(), at: Self.source, recordWith: "VEEDOR_RECORD_RUBRICS")
    #expect(problem == nil, "\(problem ?? "")")
  }

  @Test("each embedded rubric is byte for byte the file, and loads")
  func embeddedBytes() throws {
    #expect(BundledRubrics.files.count == 5)
    for (name, _) in BundledRubrics.files {
      let data = try #require(BundledRubrics.data(name))
      #expect(data == (try Data(contentsOf: Self.folder.appendingPathComponent(name))), "\(name)")
      #expect(throws: Never.self) { try Rubric.load(data) }
    }
  }
}
