import CoinWeightAPI
import CoinWeightServing
import Foundation
import Hummingbird

/// What every request of the local API passes before a route sees it:
///
/// - its `Host` must name this listener (``ListenerAddress``): a page of another site that a
///   DNS rebinding pointed at 127.0.0.1 names its own host, and is refused;
/// - a browser's `Origin`, when there is one, must be the console's own or one allowed by
///   configuration (which then gets the CORS headers, preflight included);
/// - outside the spec's open endpoints and the console's page, `Authorization: Bearer` must
///   carry the store's API key or the session's token.
///
/// Each refusal is HTTP 403 in the API's envelope, saying what was wrong.
struct RequestGuard<Context: RequestContext>: RouterMiddleware {
    /// Set once the listener knows its port; until then every request is refused.
    let address: LockedValue<ListenerAddress?>
    let allowedOrigins: Set<String>
    let bearers: Bearers

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let listener = address.get() else { return WireResponse.refusal("the local API is starting") }
        guard let authority = request.head.authority?.lowercased(), listener.accepts(authority) else {
            return WireResponse.refusal("the Host header must name this listener (\(listener.hostNames.sorted().joined(separator: ", ")))")
        }
        var corsOrigin: String?
        if let origin = request.headers[.origin] {
            if allowedOrigins.contains(origin) {
                corsOrigin = origin
            } else if !listener.origins.contains(origin.lowercased()) {
                return WireResponse.refusal("requests from the origin \(origin) are not allowed")
            }
        }
        if request.method == .options, let corsOrigin { return Self.withCORS(Response(status: .noContent), origin: corsOrigin) }
        if !Self.isOpen(request.uri.path), await bearers.caller(request.bearerToken) == nil {
            return Self.withCORS(WireResponse.failure(.forbidden, style: .general), origin: corsOrigin)
        }
        return Self.withCORS(try await next(request, context), origin: corsOrigin)
    }

    /// Whether a path needs no bearer: the spec's endpoints that take none, and the console's page.
    static func isOpen(_ path: String) -> Bool {
        let open = [
            "/exp/v2/user/login", "/exp/v2/user/signup", "/exp/v2/config/symbols", "/exp/v2/config/market/default",
            "/exp/v2/config/strategy/default/items", "/_cwsync/", "/_cwsync", "/_cwsync/console.js", "/_cwsync/console.css", "/_cwsync/openapi.yaml",
        ]
        if open.contains(path) { return true }
        return path.hasPrefix("/exp/v2/config/layout/") && path.hasSuffix("/default")
    }

    private static func withCORS(_ response: Response, origin: String?) -> Response {
        guard let origin else { return response }
        var response = response
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.accessControlAllowHeaders] = "Authorization, Content-Type, Last-Event-ID"
        response.headers[.accessControlAllowMethods] = "GET, POST, OPTIONS"
        response.headers[.accessControlExposeHeaders] = LocalHeaders.exposed.joined(separator: ", ")
        response.headers[.vary] = "Origin"
        return response
    }
}

/// The names a request may give this listener in its `Host` header, and the console's origins.
///
/// On loopback: `127.0.0.1`, `localhost` or `[::1]` with the listener's port. Listening on
/// another address (allowed by the caller), also any IP address with that port, since the
/// clients then reach the machine by one of its addresses; a DNS name stays refused either
/// way, which is what a DNS rebinding sends.
struct ListenerAddress: Sendable {
    /// `127.0.0.1:8480`, `localhost:8480`, `[::1]:8480`, and the address listened on with its port.
    let hostNames: Set<String>
    /// The port listened on.
    let port: Int
    /// Whether any IP address with ``port`` names the listener too (a non-loopback listener).
    let takesAnyAddress: Bool

    /// `http://` before each of the names of ``hostNames``.
    var origins: Set<String> { Set(hostNames.map { "http://" + $0 }) }

    init(host: String, port: Int) {
        let listened = host.contains(":") ? "[\(host)]" : host
        hostNames = Set(["127.0.0.1", "localhost", "[::1]", listened.lowercased()].map { "\($0):\(port)" })
        self.port = port
        takesAnyAddress = !EndpointPolicy.isLoopback(host: host)
    }

    /// Whether `authority` (a `Host` header, lowercased) names this listener.
    func accepts(_ authority: String) -> Bool {
        if hostNames.contains(authority) { return true }
        guard takesAnyAddress, let colon = authority.lastIndex(of: ":"), authority[authority.index(after: colon)...] == "\(port)" else { return false }
        var host = String(authority[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return Self.isIPAddress(host)
    }

    /// Whether `text` is an IPv4 or IPv6 address, not a name.
    static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}
