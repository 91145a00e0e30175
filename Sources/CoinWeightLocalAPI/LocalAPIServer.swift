import CoinWeightAPI
import CoinWeightServing
public import CoinWeightSync
public import Foundation
import Hummingbird
public import Logging
public import ServiceLifecycle

/// The mirror served as the coin-weight API on this machine: the spec's paths under
/// `/exp/v2`, in the spec's envelopes, answered from the store, so that they answer the same
/// with the network gone. Any client written for the real API becomes offline-first by
/// changing its base URL to ``baseURL``.
///
/// - Reads answer what the mirror holds, with `CWSync-Synced-At`: when that resource was
///   last synced.
/// - Writes go through the outbox and are answered as the API would answer them (a created
///   order under its local id), with `CWSync-Outbox-Entry` and `CWSync-Outbox-State`; while
///   the server answers, a write first waits a bounded moment for its acknowledgement.
/// - Logins, signups and API key changes go to the server; without it, they are refused in
///   the API's envelope (HTTP 503), saying so.
///
/// Every request must name this listener in its `Host` header, come from no browser origin
/// but the console's own (or one allowed), and, outside the endpoints the spec leaves open,
/// carry `Authorization: Bearer` with the store's ``LocalAPIKey`` or the session's token.
public struct LocalAPIServer: Service {
    private let listener: HTTPListener

    /// The base URL of the local API, with the port the system chose when asked for port 0.
    public var baseURL: URL { URL(string: listener.url("/exp/v2"))! }

    /// Listens on the configuration's address for requests on `mirror`.
    /// - Throws: what kept it from listening, such as NIO's `IOError` for a taken port.
    public static func start(mirror: CoinWeightMirror, configuration: LocalAPIConfiguration, logger: Logger) async throws -> LocalAPIServer {
        let address = LockedValue<ListenerAddress?>(nil)
        let bearers = Bearers(mirror: mirror)
        let router = Router()
        router.add(middleware: RequestGuard(address: address, allowedOrigins: configuration.allowedOrigins, bearers: bearers))
        router.add(middleware: EndpointTable())
        LocalRoutes(mirror: mirror, bearers: bearers, configuration: configuration).add(to: router.group("exp/v2"))
        let feed = ChangeFeedRoute(store: mirror.store)
        router.get("_cwsync/events") { request, _ in try await feed.response(request) }
        ConsoleRoutes(mirror: mirror).add(to: router.group("_cwsync"))
        router.get("**") { _, _ in WireResponse.refused(.notFound, code: 404, message: "not found: the API is under /exp/v2") }
        let listener = try await HTTPListener.start(router.buildResponder(), host: configuration.host, port: configuration.port, logger: logger)
        address.set(ListenerAddress(host: configuration.host, port: listener.port))
        return LocalAPIServer(listener: listener)
    }

    /// Serves until graceful shutdown.
    public func run() async throws { try await listener.run() }

    /// Stops serving, outside a service group: the requests in progress end first.
    public func stop() async { await listener.stop() }
}
