import Foundation

/// The Config API: symbols, markets, favorites, layouts and strategy items.
extension CoinWeightClient {
    /// `GET /test-auth`: whose token the client holds.
    public func testAuth() async throws(CoinWeightError) -> AuthIdentity {
        try await send(.get("/test-auth", shape: .bare))
    }

    /// `GET /config/symbols`: every exchange's symbols and their order limits.
    public func symbols() async throws(CoinWeightError) -> [CounterPartySymbols] {
        try await send(.get("/config/symbols", authenticated: false))
    }

    /// `GET /config/market/default`: the market tabs every user starts with.
    public func defaultMarkets() async throws(CoinWeightError) -> [MarketCategory] {
        try await send(.get("/config/market/default", authenticated: false))
    }

    /// `GET /config/market/custom/{uid}`: the user's market tabs with favorite flags.
    public func customMarkets(uid: UserID) async throws(CoinWeightError) -> [MarketCategory] {
        try await send(.get("/config/market/custom/\(uid.rawValue.pathSegment)"))
    }

    /// `GET /config/market/custom/{uid}/favorite`: the user's favorite symbols.
    public func favorites(uid: UserID) async throws(CoinWeightError) -> [MarketItem] {
        try await send(.get("/config/market/custom/\(uid.rawValue.pathSegment)/favorite"))
    }

    /// `POST /config/market/custom/{uid}/favorite/add`. Adding an existing favorite succeeds.
    public func addFavorite(uid: UserID, _ pair: MarketPair) async throws(CoinWeightError) {
        try await send(encoding { try .post("/config/market/custom/\(uid.rawValue.pathSegment)/favorite/add", body: pair) })
    }

    /// `POST /config/market/custom/{uid}/favorite/delete`. Deleting an absent favorite succeeds.
    public func deleteFavorite(uid: UserID, _ pair: MarketPair) async throws(CoinWeightError) {
        try await send(encoding { try .post("/config/market/custom/\(uid.rawValue.pathSegment)/favorite/delete", body: pair) })
    }

    /// `GET /config/layout/{kind}/default`: the layout every user starts with.
    public func defaultLayout(_ kind: LayoutKind) async throws(CoinWeightError) -> [LayoutSlot] {
        try await send(.get("/config/layout/\(kind.rawValue)/default", authenticated: false))
    }

    /// `GET /config/layout/{kind}/custom/{uid}`: the user's layout.
    public func customLayout(_ kind: LayoutKind, uid: UserID) async throws(CoinWeightError) -> [LayoutSlot] {
        try await send(.get("/config/layout/\(kind.rawValue)/custom/\(uid.rawValue.pathSegment)"))
    }

    /// `POST /config/layout/{kind}/custom/{uid}/update`: puts a symbol at one position.
    /// A position outside ``LayoutKind/positions`` is refused with ``BusinessFailure/invalidParameters``.
    public func updateLayout(_ kind: LayoutKind, uid: UserID, slot: LayoutSlot) async throws(CoinWeightError) {
        try await send(encoding { try .post("/config/layout/\(kind.rawValue)/custom/\(uid.rawValue.pathSegment)/update", body: slot) })
    }

    /// `GET /config/strategy/default/items`: every strategy type with its default parameters.
    public func strategyTemplates() async throws(CoinWeightError) -> [StrategyTemplate] {
        try await send(.get("/config/strategy/default/items", authenticated: false))
    }

    /// `GET /config/strategy/custom/{uid}/items`: the user's strategies.
    public func strategyItems(uid: UserID) async throws(CoinWeightError) -> [StrategyItem] {
        try await send(.get("/config/strategy/custom/\(uid.rawValue.pathSegment)/items"))
    }

    /// `POST /config/strategy/custom/{uid}/item/create`: returns the item with the server's id.
    public func createStrategyItem(uid: UserID, _ item: StrategyItem) async throws(CoinWeightError) -> StrategyItem {
        try await send(
            encoding {
                try .post("/config/strategy/custom/\(uid.rawValue.pathSegment)/item/create", body: item.withID(nil), decode: Self.decodeKeyedItem)
            })
    }

    /// `POST /config/strategy/custom/{uid}/item/update`: replaces the item with the same id.
    public func updateStrategyItem(uid: UserID, _ item: StrategyItem) async throws(CoinWeightError) -> StrategyItem {
        try await send(encoding { try .post("/config/strategy/custom/\(uid.rawValue.pathSegment)/item/update", body: item) })
    }

    /// `POST /config/strategy/custom/{uid}/item/delete`: returns the deleted item.
    public func deleteStrategyItem(uid: UserID, id: String) async throws(CoinWeightError) -> StrategyItem {
        try await send(
            encoding {
                try .post("/config/strategy/custom/\(uid.rawValue.pathSegment)/item/delete", body: ["id": id], decode: Self.decodeKeyedItem)
            })
    }

    /// Reads `data` keyed by the strategy id (`{"1": {...}}`), as create and delete answer.
    static let decodeKeyedItem = Endpoint<StrategyItem>.enveloped([String: StrategyItem].self) { keyed in
        guard keyed.count == 1, let (id, item) = keyed.first else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: [AnyCodingKey("data")], debugDescription: "expected one strategy keyed by its id, found \(keyed.count)"))
        }
        return item.withID(id)
    }
}
