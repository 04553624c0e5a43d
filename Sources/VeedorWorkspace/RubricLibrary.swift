import Foundation
import VeedorPlan
import VeedorRecords
import VeedorRubric

/// Finds rubric files by id in a list of folders, or takes a path to a file.
public struct RubricLibrary: Sendable {
  /// Folders searched, in order.
  public let folders: [URL]

  /// A library over the given folders.
  public init(folders: [URL]) {
    self.folders = folders
  }

  /// Every valid rubric found, first folder wins for a repeated id.
  public func all() -> [(url: URL, rubric: Rubric)] {
    var seen: Set<String> = []
    var found: [(URL, Rubric)] = []
    for folder in folders {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      for name in names.sorted() where name.hasSuffix(".json") {
        let url = folder.appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url), let rubric = try? Rubric.load(data),
          seen.insert(rubric.id).inserted
        else { continue }
        found.append((url, rubric))
      }
    }
    return found
  }

  /// The file bytes and rubric for an id or a path to a rubric file.
  public func load(_ idOrPath: String) throws(WorkspaceError) -> (data: Data, rubric: Rubric) {
    let url: URL
    if idOrPath.hasSuffix(".json") || idOrPath.contains("/") {
      url = URL(fileURLWithPath: idOrPath)
    } else if let match = all().first(where: { $0.rubric.id == idOrPath }) {
      url = match.url
    } else {
      let known = all().map(\.rubric.id).joined(separator: ", ")
      throw WorkspaceError(
        .unknownName, "unknown rubric '\(idOrPath)' (available: \(known.isEmpty ? "none found" : known))")
    }
    guard let data = try? Data(contentsOf: url) else {
      throw WorkspaceError(.badInput, "cannot read the rubric file", file: url.path)
    }
    do {
      return (data, try Rubric.load(data))
    } catch {
      throw WorkspaceError(.badInput, error.description, file: url.path)
    }
  }
}
