import CoinWeightAPI
import Foundation

/// The client's transport for the sync: `URLSessionTransport`, as the app uses it, with every
/// answered `/order/inactive` request noted in ``log``. Other requests (the login) pass untouched.
struct RecordingTransport: HTTPTransport {
    let log = HistoryRequestLog()
    private let wrapped = URLSessionTransport()

    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        guard request.url.path.hasSuffix("/order/inactive") else { return try await wrapped.send(request) }
        let clock = ContinuousClock()
        let start = clock.now
        let response = try await wrapped.send(request)
        await log.record(request.url, elapsed: start.duration(to: clock.now), bodyBytes: response.body.count)
        return response
    }
}
