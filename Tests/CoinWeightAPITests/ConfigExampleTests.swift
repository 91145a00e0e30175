import CoinWeightAPI
import CoinWeightTestSupport
import Foundation
import Testing

/// The Config API's example bodies from the spec, decoded through the client.
@Suite("Spec examples: Config API")
struct ConfigExampleTests {
    @Test("/config/symbols: limits per exchange and symbol")
    func symbols() async throws {
        let (client, transport) = try apiClient(answering: "config-symbols.response")
        let exchanges = try await client.symbols()
        #expect(exchanges.map(\.counterParty) == ["huobi", "binance"])
        let eth = try #require(exchanges.first?.symbols.first)
        #expect(eth.name == "ETH-USDT" && eth.base == "ETH" && eth.quote == "USDT")
        #expect(eth.priceDecimal == 2 && eth.quantityDecimal == 4)
        #expect(eth.quantityMin == Decimal(string: "0.001"))
        #expect(eth.quantityMax == 10000)
        let request = try #require(transport.requests.first)
        #expect(request.method == .get)
        #expect(request.url.absoluteString == "https://api.coin-weight.com/exp/v2/config/symbols")
        #expect(request.headers["Authorization"] == nil, "a public endpoint is sent no token")
    }

    @Test("/config/market/default and /custom/{uid}: tabs with favorite flags")
    func markets() async throws {
        let (defaults, _) = try apiClient(answering: "market-default.response")
        let tabs = try await defaults.defaultMarkets()
        #expect(tabs.map(\.category) == ["BTC", "ETH"])
        #expect(tabs.flatMap(\.items).allSatisfy { !$0.favorite })

        let (custom, transport) = try apiClient(answering: "market-custom.response")
        let mine = try await custom.customMarkets(uid: 2)
        #expect(mine[0].items[0] == MarketItem(counterParty: "binance", symbol: "ETH-BTC", favorite: true))
        #expect(mine[1].items.map(\.favorite) == [false, true])
        #expect(transport.requests.first?.url.path == "/exp/v2/config/market/custom/2")
        #expect(transport.requests.first?.headers["Authorization"] == "Bearer \(specLoginToken.rawValue)")
    }

    @Test("/config/market/custom/{uid}/favorite: the full-width comma example")
    func favorites() async throws {
        let (client, _) = try apiClient(answering: "favorites.response")
        let favorites = try await client.favorites(uid: 2)
        #expect(
            favorites.map(\.pair) == [
                MarketPair(counterParty: "binance", symbol: "ETH-BTC"),
                MarketPair(counterParty: "huobi", symbol: "EOS-USDT"),
            ])
    }

    @Test("favorite add and delete send the spec's body and accept data:null")
    func favoriteWrites() async throws {
        let pair = MarketPair(counterParty: "binance", symbol: "ETH-BTC")
        let (adding, addTransport) = try apiClient(answering: "favorite-add.response")
        try await adding.addFavorite(uid: 2, pair)
        #expect(try SpecExample.json(of: addTransport.requests.first) == SpecExample.json("favorite-add.request"))
        #expect(addTransport.requests.first?.url.path == "/exp/v2/config/market/custom/2/favorite/add")

        let (deleting, deleteTransport) = try apiClient(answering: "favorite-delete.response")
        try await deleting.deleteFavorite(uid: 2, pair)
        #expect(try SpecExample.json(of: deleteTransport.requests.first) == SpecExample.json("favorite-delete.request"))
    }

    @Test("layouts: professional 1-3, simple up to 12, and the update body", arguments: LayoutKind.allCases)
    func layouts(kind: LayoutKind) async throws {
        let (defaults, _) = try apiClient(answering: "layout-\(kind.rawValue)-default.response")
        let slots = try await defaults.defaultLayout(kind)
        #expect(slots.first == LayoutSlot(position: 1, counterParty: "binance", symbol: "ETH-BTC"))
        #expect(slots.allSatisfy { kind.positions.contains($0.position) })
        #expect(slots.last?.position == kind.positions.upperBound)

        let (custom, _) = try apiClient(answering: "layout-\(kind.rawValue)-custom.response")
        #expect(try await custom.customLayout(kind, uid: 2) == slots)

        let (updating, transport) = try apiClient(answering: "layout-\(kind.rawValue)-update.response")
        try await updating.updateLayout(kind, uid: 2, slot: LayoutSlot(position: 1, counterParty: "binance", symbol: "EOS-USDT"))
        #expect(try SpecExample.json(of: transport.requests.first) == SpecExample.json("layout-\(kind.rawValue)-update.request"))
        #expect(transport.requests.first?.url.path == "/exp/v2/config/layout/\(kind.rawValue)/custom/2/update")
    }

    @Test("the generic ok envelope with an empty data object is a success for a write")
    func genericOkEnvelope() async throws {
        let (client, _) = try apiClient(answering: "envelope-ok")
        try await client.addFavorite(uid: 2, MarketPair(counterParty: "binance", symbol: "ETH-BTC"))
    }

    @Test("/test-auth: a bare {uid, group} on success, 403 with an envelope on failure")
    func testAuth() async throws {
        let (client, _) = try apiClient(answering: "test-auth.response")
        #expect(try await client.testAuth() == AuthIdentity(uid: 1, group: "group1"))

        let refused = CannedTransport(status: 403, body: try SpecExample.data("test-auth.403"))
        let failure = try await error { try await apiClient(refused).testAuth() }
        guard case .authenticationFailed(let endpoint) = failure else {
            Issue.record("expected authenticationFailed, got \(String(describing: failure))")
            return
        }
        #expect(endpoint == "GET /test-auth")
    }
}
