import Foundation
import VeedorErrors
import VeedorTiles

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// One HTTP request in this process through Foundation's `URLSession` (system TLS), with a hard
/// limit on the bytes received and on the total time. The `veedor-http` helper runs it; a program
/// that does not mind loading `FoundationNetworking` at start may set it as `HTTPTransports.current`.
public struct URLSessionTransport: HTTPTransport {
  /// Creates the transport.
  public init() {}

  /// Sends the request; stops reading past `maxBytes` and gives up after `deadline` seconds.
  public func request(_ url: URL, method: String, body: Data?, maxBytes: Int, deadline: TimeInterval) -> HTTPResult {
    guard url.scheme == "http" || url.scheme == "https" else {
      return HTTPResult(
        problem: Phrase(
          "only http and https addresses are fetched", es: "solo se obtienen direcciones http y https"))
    }
    let receiver = Receiver(maxBytes: maxBytes)
    let session = URLSession(configuration: .ephemeral, delegate: receiver, delegateQueue: nil)
    defer { session.invalidateAndCancel() }
    var request = URLRequest(url: url, timeoutInterval: min(deadline, 30))
    request.httpMethod = method
    request.httpBody = body
    request.setValue("gzip, identity", forHTTPHeaderField: "Accept-Encoding")
    let task = session.dataTask(with: request)
    task.resume()
    if receiver.done.wait(timeout: .now() + deadline) == .timedOut {
      task.cancel()
      return HTTPResult(
        problem: Phrase(
          "no complete answer within \(Int(deadline)) s",
          es: "no hubo una respuesta completa en \(Int(deadline)) s"))
    }
    return receiver.result()
  }

  /// Collects the body, cancelling the task once it exceeds the limit.
  final class Receiver: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// Signalled when the task has finished, one way or another.
    let done = DispatchSemaphore(value: 0)
    /// The most body bytes accepted.
    private let maxBytes: Int
    /// Guards `state` and `tooLarge` (the delegate runs on URLSession's queue).
    private let lock = NSLock()
    /// What was received so far.
    private var state = HTTPResult()
    /// True once the limit was passed: the cancellation error is then not the reason given.
    private var tooLarge = false

    /// A receiver that accepts at most `maxBytes` of body.
    init(maxBytes: Int) { self.maxBytes = maxBytes }

    /// What was received so far.
    func result() -> HTTPResult { lock.withLock { state } }

    /// Records the status; refuses an announced body over the limit.
    func urlSession(
      _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
      completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
      let status = (response as? HTTPURLResponse)?.statusCode ?? 0
      lock.withLock { state.status = status }
      if response.expectedContentLength > Int64(maxBytes) {
        lock.withLock {
          tooLarge = true
          state.problem = Phrase(
            "the answer is \(response.expectedContentLength) bytes, over the limit of \(maxBytes)",
            es: "la respuesta tiene \(response.expectedContentLength) bytes, más que el límite de \(maxBytes)")
        }
        completionHandler(.cancel)
        return
      }
      completionHandler(.allow)
    }

    /// Appends body bytes; cancels once they pass the limit.
    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
      let over = lock.withLock { () -> Bool in
        state.data.append(data)
        guard state.data.count > maxBytes else { return false }
        tooLarge = true
        state.problem = Phrase(
          "the answer is over the limit of \(maxBytes) bytes",
          es: "la respuesta supera el límite de \(maxBytes) bytes")
        state.data = Data()
        return true
      }
      if over { dataTask.cancel() }
    }

    /// Records a failure (unless the limit already explains it) and signals the end.
    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
      lock.withLock {
        if let error, !tooLarge { state.problem = SystemError.phrase(error) }
      }
      done.signal()
    }
  }
}
