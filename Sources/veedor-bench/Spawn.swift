import Foundation

/// Starts a program with its output discarded, as the benchmarks measure whole processes.
enum Spawn {
  /// Starts `program` with `arguments`, stdout and stderr to /dev/null; nil when it cannot start.
  static func start(_ program: String, _ arguments: [String]) -> pid_t? {
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    return posix_spawn(&pid, program, &actions, nil, argv, environ) == 0 ? pid : nil
  }

  /// The `veedor` built beside this benchmark, or nil (with a line saying how to build it).
  static func siblingVeedor() -> URL? {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("veedor")
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
      print("veedor is not built beside veedor-bench; run 'swift build -c release' first")
      return nil
    }
    print("Measuring \(binary.path): \(AppendBench.buildKind())")
    return binary
  }
}
