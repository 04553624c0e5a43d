import Foundation
import VeedorErrors

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// One HTTP request with a hard limit on the bytes received and on the total time, so a slow or
/// endless server can neither hang a command nor fill memory.
enum HTTPFetch {
  /// The status, the body, and what went wrong (nil on a complete response).
  struct Result {
    var status = 0
    var data = Data()
    var problem: Phrase?
  }

  /// Sends the request; stops reading past `maxBytes` and gives up after `deadline` seconds.
  static func request(_ url: URL, method: String, body: Data?, maxBytes: Int, deadline: TimeInterval) -> Result {
    guard url.scheme == "http" || url.scheme == "https" else {
      return Result(
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
      return Result(
        problem: Phrase(
          "no complete answer within \(Int(deadline)) s",
          es: "no hubo una respuesta completa en \(Int(deadline)) s"))
    }
    return receiver.result()
  }

  /// Collects the body, cancelling the task once it exceeds the limit.
  final class Receiver: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    private let maxBytes: Int
    private let lock = NSLock()
    private var state = Result()
    private var tooLarge = false

    init(maxBytes: Int) { self.maxBytes = maxBytes }

    func result() -> Result { lock.withLock { state } }

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

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
      lock.withLock {
        if let error, !tooLarge { state.problem = SystemError.phrase(error) }
      }
      done.signal()
    }
  }
}
