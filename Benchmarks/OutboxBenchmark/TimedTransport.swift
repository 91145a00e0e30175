import CoinWeightAPI
import Foundation

/// A client's transport for the benchmark: another transport (`URLSessionTransport` as the
/// app uses it, every write on a fresh connection, by default) with the time of each request
/// added to ``tally``.
struct TimedTransport: HTTPTransport {
    let tally = RequestTally()
    private let wrapped: any HTTPTransport

    init(wrapping wrapped: any HTTPTransport = URLSessionTransport()) {
        self.wrapped = wrapped
    }

    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let start = ContinuousClock.now
        var failed = true
        defer { tally.add(start.duration(to: .now), failed: failed) }
        let response = try await wrapped.send(request)
        failed = false
        return response
    }
}
