import CoinWeightAPI
import Foundation

/// A transport that sends its first request to the server for real, then answers every later
/// one at once with that first answer, sending nothing: with it, a favorite write costs the
/// caller's own work alone (the emulator answers every favorite write alike).
final class ReplayTransport: HTTPTransport, @unchecked Sendable {
    private let wrapped = URLSessionTransport()
    /// The first answer, once there is one; behind the lock, hence `@unchecked Sendable`.
    private var answer: HTTPResponse?
    private let lock = NSLock()

    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        if let answer = lock.withLock({ answer }) { return answer }
        let response = try await wrapped.send(request)
        lock.withLock { answer = answer ?? response }
        return response
    }
}
