public import Foundation
public import Logging

/// A typed client for the whole coin-weight REST API.
///
/// One method per endpoint, each `async throws` with a ``CoinWeightError``. The client keeps
/// the token of the last ``login(_:)`` or ``signup(_:)`` and sends it to the endpoints that
/// need one; it never logs it.
///
/// ```swift
/// let client = try CoinWeightClient(baseURL: URL(string: "https://api.coin-weight.com/exp/v2")!)
/// let session = try await client.login(Credentials(userName: "abc", password: "abc_password"))
/// let active = try await client.activeOrders(owner: session.uid.ownAccount)
/// ```
///
/// ## Topics
/// - Config: ``symbols()``, ``defaultMarkets()``, ``customMarkets(uid:)``, ``favorites(uid:)``
/// - Orders: ``createOrder(_:)``, ``updateOrder(_:)``, ``cancelOrder(_:)``, ``activeOrders(owner:)``, ``inactiveOrders(_:)``
/// - User: ``login(_:)``, ``signup(_:)``, ``userInfo(uid:)``, ``positions(uid:)``
/// - Strategies: ``strategyItems(uid:)``, ``startStrategy(userID:strategy:)``, ``strategyStatuses(uid:)``
public final class CoinWeightClient: Sendable {
    /// The API's published base URL.
    public static let productionBaseURL = URL(string: "https://api.coin-weight.com/exp/v2")!

    /// The base URL every path is relative to.
    public let baseURL: URL
    private let transport: any HTTPTransport
    private let logger: Logger
    private let token = LockedValue<AuthToken?>(nil)
    private let answerObserver = LockedValue<(@Sendable (_ answered: Bool, _ at: Date) -> Void)?>(nil)

    /// Creates a client.
    /// - Parameters:
    ///   - baseURL: the API root, `https://…/exp/v2`.
    ///   - transport: how requests are sent; URLSession by default.
    ///   - allowInsecureHTTP: permits plain `http://` to a host other than this machine.
    ///   - authToken: a token saved from an earlier login.
    /// - Throws: ``CoinWeightError/insecureEndpoint(_:)`` for plain HTTP to another host
    ///   without the opt-in, or for a URL that is neither http nor https.
    public init(
        baseURL: URL = CoinWeightClient.productionBaseURL,
        transport: any HTTPTransport = URLSessionTransport(),
        allowInsecureHTTP: Bool = false,
        authToken: AuthToken? = nil,
        logger: Logger = Logger(label: "cwsync.client")
    ) throws {
        guard EndpointPolicy.permits(baseURL, allowInsecureHTTP: allowInsecureHTTP) else {
            throw CoinWeightError.insecureEndpoint(baseURL)
        }
        self.baseURL = baseURL
        self.transport = transport
        self.logger = logger
        token.set(authToken)
    }

    /// The token sent to authenticated endpoints, if any.
    public var authToken: AuthToken? { token.get() }

    /// Replaces the token (a restored session), or forgets it with `nil`.
    package func setAuthToken(_ newToken: AuthToken?) { token.set(newToken) }

    /// Calls `observer` after each request: `true` when the server answered (whatever it
    /// answered), `false` when no answer came back at all (see
    /// ``CoinWeightError/gotNoAnswer``), with the time the request started. Replaces an
    /// earlier observer.
    package func observeAnswers(_ observer: @escaping @Sendable (_ answered: Bool, _ at: Date) -> Void) { answerObserver.set(observer) }

    /// Sends one call and reads its answer.
    func send<Response>(_ endpoint: Endpoint<Response>) async throws(CoinWeightError) -> Response {
        var headers = ["Accept": "application/json"]
        if endpoint.body != nil { headers["Content-Type"] = "application/json" }
        let currentToken = token.get()
        if endpoint.authenticated {
            guard let currentToken else { throw .notLoggedIn(endpoint: endpoint.name) }
            headers["Authorization"] = "Bearer \(currentToken.rawValue)"
        }
        let request = HTTPRequest(method: endpoint.method, url: url(for: endpoint), headers: headers, body: endpoint.body)
        let started = ContinuousClock.now
        let startedAt = Date()
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            logger.debug("request failed", metadata: ["call": "\(endpoint.name)", "error": "\(error)"])
            let failure = CoinWeightError.transient(endpoint: endpoint.name, .transport(error))
            if failure.gotNoAnswer { answerObserver.get()?(false, startedAt) }
            throw failure
        }
        answerObserver.get()?(true, startedAt)
        let elapsed = ContinuousClock.now - started
        logger.debug(
            "request",
            metadata: [
                "call": "\(endpoint.name)", "status": "\(response.status)",
                "seconds": "\(elapsed.timeInterval)",
            ])
        return try ResponseReader(endpoint: endpoint, response: response, token: currentToken).read()
    }

    private func url(for endpoint: Endpoint<some Sendable>) -> URL {
        var text = baseURL.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        var components = URLComponents(string: text + endpoint.path)!
        if !endpoint.query.isEmpty {
            components.queryItems = endpoint.query.map { URLQueryItem(name: $0.0, value: $0.1) }
        }
        return components.url!
    }
}
