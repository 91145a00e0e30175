import CoinWeightAPI
import Foundation

/// A transport that answers every request with one canned response (or failure) and keeps
/// what it was sent, so a test can look at the request the client built.
final class CannedTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var answer: Result<HTTPResponse, TransportError>
    private var sent: [HTTPRequest] = []

    init(_ answer: Result<HTTPResponse, TransportError>) { self.answer = answer }

    convenience init(status: Int = 200, headers: [String: String] = [:], body: Data) {
        self.init(.success(HTTPResponse(status: status, headers: headers, body: body)))
    }

    /// Every request sent so far, oldest first.
    var requests: [HTTPRequest] { lock.withLock { sent } }

    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let answer = lock.withLock {
            sent.append(request)
            return self.answer
        }
        return try answer.get()
    }
}

/// The token the spec's `/user/login` example returns (uid 2, exp 1517148660: long expired).
let specLoginToken = AuthToken(
    "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJ1aWQiOjIsImlzcyI6ImV4IiwiZXhwIjoxNTE3MTQ4NjYwLCJncm91cCI6Imdyb3VwMSJ9.YrYttRaGcFWro6WFsGkm3arnSQXyF1ZOWfT2-Uve6tI"
)

/// A logged-in client whose every call gets `transport`'s answer.
func apiClient(_ transport: CannedTransport, token: AuthToken? = specLoginToken) throws -> CoinWeightClient {
    try CoinWeightClient(baseURL: URL(string: "https://api.coin-weight.com/exp/v2")!, transport: transport, authToken: token)
}

/// A logged-in client whose every call is answered HTTP 200 with the spec example `name`.
func apiClient(answering name: String) throws -> (CoinWeightClient, CannedTransport) {
    let transport = CannedTransport(body: try SpecExample.data(name))
    return (try apiClient(transport), transport)
}
