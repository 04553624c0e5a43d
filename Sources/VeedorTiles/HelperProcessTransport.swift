import Foundation
import VeedorErrors

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Sends each request through the `veedor-http` helper program found beside the running program:
/// the helper runs Foundation's `URLSession` (system TLS) with the same limits and writes the
/// result in `HTTPWire` form. Keeping it in its own process keeps `FoundationNetworking`, libcurl and
/// the TLS libraries out of the start of every other command. This side enforces the limits again:
/// at most `maxBytes` of body (plus the header and problem texts), and the deadline plus 5 s.
public struct HelperProcessTransport: HTTPTransport {
  /// The helper's file name.
  public static let helperName = "veedor-http"

  /// Creates the transport.
  public init() {}

  /// Runs the helper for one request and reads its answer.
  public func request(_ url: URL, method: String, body: Data?, maxBytes: Int, deadline: TimeInterval) -> HTTPResult {
    guard let helper = Self.helperPath() else {
      return HTTPResult(
        problem: Phrase(
          "fetching over HTTP needs the \(Self.helperName) program beside this one (build it with 'swift build')",
          es: "obtener por HTTP requiere el programa \(Self.helperName) junto a este (compílelo con 'swift build')"))
    }
    var ends: [Int32] = [-1, -1]
    guard socketpair(AF_UNIX, Self.streamType, 0, &ends) == 0 else {
      return HTTPResult(
        problem: Phrase(
          "cannot start \(Self.helperName): ", es: "no se puede iniciar \(Self.helperName): ", errno: errno))
    }
    let (mine, theirs) = (ends[0], ends[1])
    #if !os(Linux)
      var on: Int32 = 1
      setsockopt(mine, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
    #endif
    defer { close(mine) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, theirs, 0)
    posix_spawn_file_actions_adddup2(&actions, theirs, 1)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addclose(&actions, mine)
    let arguments = [helper, method, url.absoluteString, String(maxBytes), String(Int(deadline.rounded(.up)))]
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, helper, &actions, nil, argv, environ)
    close(theirs)
    guard spawned == 0 else {
      return HTTPResult(
        problem: Phrase(
          "cannot start \(Self.helperName): ", es: "no se puede iniciar \(Self.helperName): ", errno: spawned))
    }
    let answer = Self.exchange(mine, body: body ?? Data(), limit: maxBytes + 65_536, deadline: deadline + 5)
    if answer == nil { kill(pid, SIGKILL) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    guard let answer else {
      return HTTPResult(
        problem: Phrase(
          "no complete answer within \(Int(deadline)) s, or an answer over the limit of \(maxBytes) bytes",
          es:
            "no hubo una respuesta completa en \(Int(deadline)) s, o la respuesta superó el límite de \(maxBytes) bytes"
        ))
    }
    guard let result = HTTPWire.decode(answer), result.data.count <= maxBytes else {
      return HTTPResult(
        problem: Phrase(
          "\(Self.helperName) gave no well-formed answer", es: "\(Self.helperName) no dio una respuesta bien formada"))
    }
    return result
  }

  /// Sends the body, then reads until end of file; nil past `limit` bytes or after `deadline` seconds.
  private static func exchange(_ socket: Int32, body: Data, limit: Int, deadline: TimeInterval) -> Data? {
    let sent = body.withUnsafeBytes { raw -> Bool in
      var offset = 0
      while offset < raw.count {
        let n = send(socket, raw.baseAddress! + offset, raw.count - offset, sendFlags)
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { return false }
        offset += n
      }
      return true
    }
    guard sent, shutdown(socket, Int32(SHUT_WR)) == 0 else { return nil }
    let end = Date().addingTimeInterval(deadline)
    var answer = Data()
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let left = end.timeIntervalSinceNow
      guard left > 0 else { return nil }
      var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
      let ready = poll(&poller, 1, Int32(min(left * 1000, 60_000).rounded(.up)))
      if ready < 0 && errno == EINTR { continue }
      guard ready >= 0 else { return nil }
      if ready == 0 { continue }
      let n = recv(socket, &buffer, buffer.count, 0)
      if n < 0 && errno == EINTR { continue }
      guard n >= 0 else { return nil }
      if n == 0 { return answer }
      answer.append(buffer, count: n)
      if answer.count > limit { return nil }
    }
  }

  /// The helper beside the running program, if it is there and executable.
  static func helperPath() -> String? {
    #if os(Linux)
      var bytes = [CChar](repeating: 0, count: 4096)
      let n = readlink("/proc/self/exe", &bytes, bytes.count - 1)
      guard n > 0 else { return nil }
      let program = String(decoding: bytes[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    #else
      guard let program = Bundle.main.executablePath else { return nil }
    #endif
    let path = URL(fileURLWithPath: program).deletingLastPathComponent().appendingPathComponent(helperName).path
    return access(path, X_OK) == 0 ? path : nil
  }

  #if os(Linux)
    /// A stream socket closed on exec, as `socketpair` takes it: a helper started at the same time
    /// by another thread never holds this one's end open.
    private static let streamType = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
    /// A write to a helper that has gone returns an error instead of raising SIGPIPE.
    private static let sendFlags = Int32(MSG_NOSIGNAL)
  #else
    /// A stream socket, as `socketpair` takes it.
    private static let streamType = SOCK_STREAM
    /// No flag needed: the socket has SO_NOSIGPIPE.
    private static let sendFlags: Int32 = 0
  #endif
}
