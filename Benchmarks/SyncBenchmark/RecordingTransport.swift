import CoinWeightAPI
import Foundation

/// The client's transport for the sync (AsyncHTTPClient or URLSession, as the app uses
/// them), with every `/order/inactive` request noted in ``log`` (its URL once answered).
/// Other requests (the login) pass untouched.
struct RecordingTransport: HTTPTransport {
    let log = HistoryRequestLog()
    private let wrapped: any HTTPTransport

    init(wrapping wrapped: any HTTPTransport) { self.wrapped = wrapped }

    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        guard request.url.path.hasSuffix("/order/inactive") else { return try await wrapped.send(request) }
        let clock = ContinuousClock()
        let start = clock.now
        await log.sent(at: start)
        do {
            let response = try await wrapped.send(request)
            await log.answered(request.url, sentAt: start, at: clock.now, bodyBytes: response.body.count)
            return response
        } catch {
            await log.answered(nil, sentAt: start, at: clock.now, bodyBytes: 0)
            throw error
        }
    }
}
