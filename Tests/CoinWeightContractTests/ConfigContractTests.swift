import CoinWeightAPI
import CoinWeightEmulator
import Foundation
import Testing

@Suite("Config API contract")
struct ConfigContractTests {
    @Test(arguments: Wire.allCases) func symbolsNeedNoLoginAndKeepLimitsExact(wire: Wire) async throws {
        try await wire.withRunning { running, state in
            let client = try CoinWeightClient(baseURL: running.baseURL, transport: running.transport)
            let symbols = try await client.symbols()
            #expect(symbols == (await state.snapshot().symbols))
            let ethUSDT = try #require(symbols.first { $0.counterParty == "huobi" }?.symbols.first { $0.name == "ETH-USDT" })
            #expect(ethUSDT.base == "ETH" && ethUSDT.quote == "USDT")
            #expect(ethUSDT.priceDecimal == 2 && ethUSDT.quantityDecimal == 4)
            #expect(ethUSDT.quantityMin == Decimal(string: "0.001"))
            #expect(ethUSDT.quantityMax == Decimal(string: "10000.0"))
        }
    }

    @Test(arguments: Wire.allCases) func defaultMarketsHaveNoFavorites(wire: Wire) async throws {
        try await wire.withRunning { running, _ in
            let client = try CoinWeightClient(baseURL: running.baseURL, transport: running.transport)
            let markets = try await client.defaultMarkets()
            #expect(markets.map(\.category) == ["BTC", "ETH", "USDT"])
            #expect(markets.first?.items.first == MarketItem(counterParty: "binance", symbol: "ETH-BTC", favorite: false))
            #expect(markets.allSatisfy { $0.items.allSatisfy { !$0.favorite } })
        }
    }

    @Test(arguments: Wire.allCases) func customMarketsFlagTheUsersFavorites(wire: Wire) async throws {
        try await wire.withRunning { running, _ in
            let abc = try await running.login()
            let markets = try await abc.client.customMarkets(uid: abc.uid)
            let flagged = markets.flatMap(\.items).filter(\.favorite).map(\.pair)
            #expect(Set(flagged) == [MarketPair(counterParty: "binance", symbol: "ETH-BTC"), MarketPair(counterParty: "huobi", symbol: "EOS-USDT")])
        }
    }

    @Test(arguments: Wire.allCases) func favoritesAddAndDeleteAreIdempotent(wire: Wire) async throws {
        try await wire.withRunning { running, state in
            let abc = try await running.login()
            let pair = MarketPair(counterParty: "binance", symbol: "EOS-ETH")
            try await abc.client.addFavorite(uid: abc.uid, pair)
            try await abc.client.addFavorite(uid: abc.uid, pair)
            var favorites = try await abc.client.favorites(uid: abc.uid)
            #expect(favorites.filter { $0.pair == pair } == [MarketItem(counterParty: "binance", symbol: "EOS-ETH", favorite: true)])
            #expect(favorites.map(\.pair) == (await state.snapshot().user(2)?.favorites ?? []))
            try await abc.client.deleteFavorite(uid: abc.uid, pair)
            try await abc.client.deleteFavorite(uid: abc.uid, pair)
            favorites = try await abc.client.favorites(uid: abc.uid)
            #expect(!favorites.contains { $0.pair == pair })
            #expect(favorites.count == 2)
        }
    }

    @Test(arguments: Wire.allCases, LayoutKind.allCases)
    func layoutsDefaultCustomAndUpdate(wire: Wire, kind: LayoutKind) async throws {
        try await wire.withRunning { running, _ in
            let abc = try await running.login()
            let defaults = try await abc.client.defaultLayout(kind)
            #expect(defaults.map(\.position) == Array(kind.positions))
            #expect(try await abc.client.customLayout(kind, uid: abc.uid) == defaults)
            let slot = LayoutSlot(position: kind.positions.upperBound, counterParty: "binance", symbol: "EOS-ETH")
            try await abc.client.updateLayout(kind, uid: abc.uid, slot: slot)
            let custom = try await abc.client.customLayout(kind, uid: abc.uid)
            #expect(custom.last == slot)
            #expect(custom.count == kind.positions.count)
            #expect(try await abc.client.defaultLayout(kind) == defaults)
        }
    }

    @Test(arguments: Wire.allCases, LayoutKind.allCases)
    func layoutPositionOutOfRangeIsAParametersError(wire: Wire, kind: LayoutKind) async throws {
        try await wire.withRunning { running, _ in
            let abc = try await running.login()
            let before = try await abc.client.customLayout(kind, uid: abc.uid)
            let slot = LayoutSlot(position: kind.positions.upperBound + 1, counterParty: "binance", symbol: "EOS-ETH")
            let error = await #expect(throws: CoinWeightError.self) { try await abc.client.updateLayout(kind, uid: abc.uid, slot: slot) }
            guard case .rejected(let business)? = error else {
                Issue.record("expected a refusal")
                return
            }
            #expect(business.code == 4)
            #expect(business.reason == .invalidParameters)
            #expect(try await abc.client.customLayout(kind, uid: abc.uid) == before)
        }
    }
}
