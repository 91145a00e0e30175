import CoinWeightAPI
import CoinWeightServing
import CoinWeightStore
import CoinWeightSync
import Hummingbird

/// The Config API: symbols, markets, favorites, layouts and strategy items, from the mirror.
extension LocalRoutes {
    func addConfigRoutes(to group: RouterGroup<BasicRequestContext>) {
        group.get("config/symbols", use: route { _, _, _ in try await openRead("symbols", .symbols, server: mirror.client.symbols) })
        group.get(
            "config/market/default", use: route { _, _, _ in try await openRead("markets:", .markets(scope: .defaults), server: mirror.client.defaultMarkets) })
        group.get(
            "config/market/custom/:uid", use: ownUser { _, _, uid in try await synced(store.read(.markets(scope: .user(uid))), "markets:\(uid)") })
        group.get(
            "config/market/custom/:uid/favorite",
            use: ownUser { _, _, uid in try await synced(store.read(.favorites(uid: uid)), "favorites:\(uid)") })
        group.post(
            "config/market/custom/:uid/favorite/add",
            use: ownUser { request, context, _ in try await queueAnsweringEmpty(.addFavorite(request.decodeBody(MarketPair.self, context: context))) })
        group.post(
            "config/market/custom/:uid/favorite/delete",
            use: ownUser { request, context, _ in try await queueAnsweringEmpty(.deleteFavorite(request.decodeBody(MarketPair.self, context: context))) })
        group.get(
            "config/layout/:kind/default",
            use: route { _, context, _ in
                let kind = try context.layoutKind()
                return try await openRead("layouts:", .layout(kind, scope: .defaults)) { try await mirror.client.defaultLayout(kind) }
            })
        group.get(
            "config/layout/:kind/custom/:uid",
            use: ownUser { _, context, uid in
                let kind = try context.layoutKind()
                return try await synced(store.read(.layout(kind, scope: .user(uid))), "layouts:\(uid)")
            })
        group.post(
            "config/layout/:kind/custom/:uid/update",
            use: ownUser { request, context, _ in
                try await queueAnsweringEmpty(.updateLayout(context.layoutKind(), request.decodeBody(LayoutSlot.self, context: context)))
            })
        group.get(
            "config/strategy/default/items",
            use: route { _, _, _ in try await openRead("strategyTemplates", .strategyTemplates, server: mirror.client.strategyTemplates) })
        group.get(
            "config/strategy/custom/:uid/items",
            use: ownUser { _, _, uid in try await synced(store.read(.strategyItems(uid: uid)), "strategies:\(uid)") })
        addStrategyItemWrites(to: group)
    }
}

extension LocalRoutes {
    /// An endpoint the spec leaves open (the same for every user): the mirror's copy once
    /// `resource` has been synced; until then, which is before the first login, the server's.
    func openRead<Value: Encodable & Sendable>(_ resource: String, _ query: StoreQuery<Value>, server fetch: @Sendable () async throws -> Value) async throws
        -> Response
    {
        let syncedAt = try await syncedAt(resource)
        var response = WireResponse.ok(syncedAt == Self.never ? try await fetch() : try await store.read(query))
        response.headers[LocalHeaders.syncedAt] = syncedAt
        return response
    }
}

extension BasicRequestContext {
    /// The `:kind` path parameter; anything but professional or simple is 404.
    func layoutKind() throws -> LayoutKind {
        guard let kind = LayoutKind(rawValue: try parameters.require("kind")) else { throw HTTPError(.notFound) }
        return kind
    }
}
