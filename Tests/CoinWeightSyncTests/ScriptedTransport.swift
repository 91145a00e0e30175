import CoinWeightAPI
import Foundation

/// URLSession underneath, counting requests by path, and able to "crash": after a number of
/// `/order/inactive` answers every later request hangs until its task is cancelled, as if the
/// process died mid-sync with only what it had committed on disk.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    private let base = URLSessionTransport()
    private let lock = NSLock()
    private let crashAfterHistoryPages: Int?
    private var historyPages = 0
    private var hanging = 0
    private var paths: [String] = []

    init(crashAfterHistoryPages: Int? = nil) { self.crashAfterHistoryPages = crashAfterHistoryPages }

    /// Whether the transport has started hanging.
    var crashed: Bool { lock.withLock { crashAfterHistoryPages.map { historyPages >= $0 } ?? false } }

    /// How many requests are hanging now.
    var hangingRequests: Int { lock.withLock { hanging } }

    /// How many `/order/inactive` requests were answered.
    var answeredHistoryPages: Int { lock.withLock { historyPages } }

    /// The paths requested so far, in order.
    var requestedPaths: [String] { lock.withLock { paths } }

    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let hang = lock.withLock { () -> Bool in
            paths.append(request.url.path)
            return crashAfterHistoryPages.map { historyPages >= $0 } ?? false
        }
        if hang {
            lock.withLock { hanging += 1 }
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(3_600)) }
            lock.withLock { hanging -= 1 }
            throw .cancelled
        }
        let response = try await base.send(request)
        if request.url.path.hasSuffix("/order/inactive") { lock.withLock { historyPages += 1 } }
        return response
    }
}
