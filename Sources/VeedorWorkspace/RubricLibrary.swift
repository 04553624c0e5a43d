import Foundation
import VeedorErrors
import VeedorPlan
import VeedorRecords
import VeedorRubric

/// Finds rubric files by id in a list of folders, then among the rubrics built into the binary, or
/// takes a path to a file.
public struct RubricLibrary: Sendable {
  /// One rubric found: where it came from, its exact bytes and the rubric.
  public struct Entry: Sendable {
    /// A file path, or `(built in) NAME` for an embedded rubric.
    public var source: String
    /// The exact file bytes (what a workspace copies and pins).
    public var data: Data
    /// The rubric.
    public var rubric: Rubric
  }

  /// Folders searched, in order.
  public let folders: [URL]

  /// A library over the given folders (the built-in rubrics come after them).
  public init(folders: [URL]) {
    self.folders = folders
  }

  /// Every valid rubric found, the first source winning for a repeated id.
  public func all() -> [Entry] {
    var seen: Set<String> = []
    var found: [Entry] = []
    for folder in folders {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      for name in names.sorted() where name.hasSuffix(".json") {
        let url = folder.appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url), let rubric = try? Rubric.load(data),
          seen.insert(rubric.id).inserted
        else { continue }
        found.append(Entry(source: url.path, data: data, rubric: rubric))
      }
    }
    for (name, _) in BundledRubrics.files {
      guard let data = BundledRubrics.data(name), let rubric = try? Rubric.load(data), seen.insert(rubric.id).inserted
      else { continue }
      found.append(Entry(source: "(built in) \(name)", data: data, rubric: rubric))
    }
    return found
  }

  /// The file bytes and rubric for an id or a path to a rubric file.
  public func load(_ idOrPath: String) throws(WorkspaceError) -> (data: Data, rubric: Rubric) {
    let url: URL
    if idOrPath.hasSuffix(".json") || idOrPath.contains("/") {
      url = URL(fileURLWithPath: idOrPath)
    } else if let match = all().first(where: { $0.rubric.id == idOrPath }) {
      return (match.data, match.rubric)
    } else {
      let known = all().map(\.rubric.id).joined(separator: ", ")
      throw WorkspaceError(
        .unknownName, "unknown rubric '\(idOrPath)' (available: \(known.isEmpty ? "none found" : known))",
        es: "rúbrica desconocida '\(idOrPath)' (disponibles: \(known.isEmpty ? "no se encontró ninguna" : known))")
    }
    guard let data = try? Data(contentsOf: url) else {
      throw WorkspaceError(
        .badInput, "cannot read the rubric file", es: "no se puede leer el archivo de la rúbrica", file: url.path)
    }
    do {
      return (data, try Rubric.load(data))
    } catch {
      throw WorkspaceError(.badInput, error.description, es: spanishText(error), file: url.path)
    }
  }
}
