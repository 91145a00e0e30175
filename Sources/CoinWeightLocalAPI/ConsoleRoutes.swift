import CoinWeightAPI
import CoinWeightServing
import CoinWeightStore
import CoinWeightSync
import Foundation
import Hummingbird

/// The console at `/_cwsync/`, the OpenAPI document of the API (`/_cwsync/openapi.yaml`),
/// and what the console's page reads besides the API: the sync state of
/// each resource, the outbox (with retry and drop), and orders with their pending marks.
/// The page, its script and its style are served to anyone (they hold no data); the rest
/// needs a bearer, as the API does.
struct ConsoleRoutes: Sendable {
    let mirror: CoinWeightMirror

    var store: CoinWeightStore { mirror.store }

    func add(to group: RouterGroup<BasicRequestContext>) {
        group.get("") { _, _ in Self.asset(ConsolePage.html, type: "text/html; charset=utf-8") }
        group.get("console.js") { _, _ in Self.asset(ConsolePage.script, type: "text/javascript; charset=utf-8") }
        group.get("console.css") { _, _ in Self.asset(ConsolePage.style, type: "text/css; charset=utf-8") }
        group.get("openapi.yaml") { _, _ in Self.asset(EmbeddedAPIDocument.files.first?.text ?? "", type: "application/yaml; charset=utf-8") }
        group.get("status", use: answering { _, _ in try await status() })
        group.get("outbox", use: answering { _, _ in try await outbox() })
        group.get("orders", use: answering { request, _ in try await orders(request) })
        group.post(
            "outbox/:id/retry",
            use: answering { _, context in
                try await mirror.retry(context.parameters.require("id", as: Int64.self))
                return ["done": true]
            })
        group.post(
            "outbox/:id/drop",
            use: answering { _, context in
                try await mirror.drop(context.parameters.require("id", as: Int64.self))
                return ["done": true]
            })
    }

    /// A JSON route: what `body` returns, or `{"error": ...}` with 400 for what it threw.
    private func answering(_ body: @escaping @Sendable (Request, BasicRequestContext) async throws -> some Encodable & Sendable) -> LocalRoutes.Handler {
        { request, context in
            do {
                return WireResponse.json(try await body(request, context))
            } catch {
                return WireResponse.json(["error": "\(error)"], status: .badRequest)
            }
        }
    }

    private static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Who is logged in, and the sync state of every resource.
    private func status() async throws -> ConsoleStatus {
        let session = await mirror.session
        let identity = try await mirror.identity
        let states = try await store.read(.syncStates)
        return ConsoleStatus(
            user: session?.userName ?? identity?.userName, uid: (session?.uid ?? identity?.uid)?.rawValue, loggedIn: session != nil,
            endpoint: mirror.endpoint.absoluteString,
            resources: states.map {
                ConsoleStatus.Resource(
                    resource: $0.resource, lastSuccessAt: $0.lastSuccessAt?.millisecondsSince1970, lastAttemptAt: $0.lastAttemptAt?.millisecondsSince1970,
                    lastError: $0.lastError)
            })
    }

    /// The account the store mirrors: the session's, else the one it is bound to.
    private func account() async throws -> UserID? {
        if let uid = await mirror.session?.uid { return uid }
        return try await mirror.identity?.uid
    }

    /// The logged-in account's outbox, newest first.
    private func outbox() async throws -> [OutboxEntrySummary] {
        guard let uid = try await account() else { return [] }
        return try await store.read(.outbox(uid: uid)).reversed().map(OutboxEntrySummary.init)
    }

    /// Orders of `owner` (the account's own by default): `state=active` (the default) or
    /// `history`, narrowed by `symbol`, newest first, at most `limit` (100), each with its
    /// pending mark (`"pending"`) while the server has not confirmed it.
    private func orders(_ request: Request) async throws -> [Mirrored<Order>] {
        let query = request.uri.queryParameters
        guard let uid = try await account() else { return [] }
        let owner = query.get("owner").map { String($0) } ?? uid.ownAccount
        let history = query.get("state") == "history"
        let symbol = query.get("symbol").map { String($0) }.flatMap { $0.isEmpty ? nil : $0 }
        let filter = OrderFilter(
            owner: owner, symbol: symbol, executionTypes: history ? ExecutionType.inactiveStates : ExecutionType.activeStates)
        let limit = min(max(Int(query.get("limit").map { String($0) } ?? "") ?? 100, 1), 1000)
        return try await store.read(.orders(filter, limit: limit).withPending()).orders
    }
}

/// `GET /_cwsync/status`.
struct ConsoleStatus: Encodable, Sendable {
    struct Resource: Encodable, Sendable {
        var resource: String
        var lastSuccessAt: Int64?
        var lastAttemptAt: Int64?
        var lastError: String?
    }

    var user: String?
    var uid: String?
    var loggedIn: Bool
    var endpoint: String
    var resources: [Resource]
}
