import CoinWeightAPI
import CoinWeightStore
import Foundation
import GRDB
import Testing

/// Every resource written and read back equal, decimals exact, with replace semantics:
/// what the server no longer has goes, and one user's copy never touches another's.
@Suite("Resources round trip")
struct ResourceRoundTripTests {
    @Test("symbols keep their exchange grouping, order and limits")
    func symbols() async throws {
        try await withStore { store, _ in
            let exchanges = [
                CounterPartySymbols(
                    counterParty: "huobi",
                    symbols: [
                        SymbolSpec(
                            name: "ETH-USDT", base: "ETH", quote: "USDT", priceDecimal: 2, quantityDecimal: 4, quantityMin: Decimal(string: "0.001")!,
                            quantityMax: 10000),
                        SymbolSpec(
                            name: "BTC-USDT", base: "BTC", quote: "USDT", priceDecimal: 2, quantityDecimal: 6, quantityMin: Decimal(string: "0.000001")!,
                            quantityMax: Decimal(string: "123456789.123456789")!),
                    ]),
                CounterPartySymbols(
                    counterParty: "binance",
                    symbols: [
                        SymbolSpec(
                            name: "ETH-USDT", base: "ETH", quote: "USDT", priceDecimal: 2, quantityDecimal: 4, quantityMin: Decimal(string: "0.001")!,
                            quantityMax: 10000)
                    ]),
            ]
            try await store.write { try $0.replaceSymbols(exchanges) }
            #expect(try await store.read(.symbols) == exchanges)
            try await store.write { try $0.replaceSymbols(Array(exchanges.prefix(1))) }
            #expect(try await store.read(.symbols) == Array(exchanges.prefix(1)))
        }
    }

    @Test("markets, favorites and layouts per scope")
    func configPerScope() async throws {
        try await withStore { store, _ in
            let defaults = [
                MarketCategory(
                    category: "BTC",
                    items: [
                        MarketItem(counterParty: "binance", symbol: "ETH-BTC", favorite: false),
                        MarketItem(counterParty: "huobi", symbol: "ETH-BTC", favorite: false),
                    ]),
                MarketCategory(category: "ETH", items: [MarketItem(counterParty: "binance", symbol: "EOS-ETH", favorite: false)]),
            ]
            var mine = defaults
            mine[1].items[0].favorite = true
            let favorites = [
                MarketItem(counterParty: "binance", symbol: "EOS-ETH", favorite: true), MarketItem(counterParty: "huobi", symbol: "EOS-USDT", favorite: true),
            ]
            let slots = (1...12).map { LayoutSlot(position: $0, counterParty: $0 % 2 == 0 ? "huobi" : "binance", symbol: "S\($0)-USDT") }
            try await store.write { [mine] transaction in
                try transaction.replaceMarkets(defaults, scope: .defaults)
                try transaction.replaceMarkets(mine, scope: .user(2))
                try transaction.replaceFavorites(favorites, uid: 2)
                try transaction.replaceFavorites([favorites[0]], uid: 3)
                try transaction.replaceLayout(slots, kind: .simple, scope: .defaults)
                try transaction.replaceLayout(Array(slots.prefix(3)), kind: .professional, scope: .user(2))
            }
            #expect(try await store.read(.markets(scope: .defaults)) == defaults)
            #expect(try await store.read(.markets(scope: .user(2))) == mine)
            #expect(try await store.read(.markets(scope: .user(3))).isEmpty)
            #expect(try await store.read(.favorites(uid: 2)) == favorites)
            #expect(try await store.read(.favorites(uid: 3)) == [favorites[0]])
            #expect(try await store.read(.layout(.simple, scope: .defaults)) == slots)
            #expect(try await store.read(.layout(.professional, scope: .user(2))) == Array(slots.prefix(3)))
            #expect(try await store.read(.layout(.professional, scope: .defaults)).isEmpty)

            try await store.write { try $0.replaceFavorites([favorites[1]], uid: 2) }
            #expect(try await store.read(.favorites(uid: 2)) == [favorites[1]], "a favorite the server dropped goes")
            #expect(try await store.read(.favorites(uid: 3)) == [favorites[0]], "another user's are untouched")
        }
    }

    @Test("strategy templates, items with unknown fields in both symbol shapes, and statuses")
    func strategies() async throws {
        try await withStore { store, _ in
            let volume = StrategySymbol(fields: [
                "name": "test", "symbol": "ETH-BTC", "currency1": "ETH", "margin1": .number(Decimal(string: "0.2")!),
                "replaceDelay": .number(Decimal(string: "60.0")!), "delayVar": 10,
            ])
            let older = StrategySymbol(fields: [
                "name": "OCT-ETH", "currency": "ETH", "margin": .number(Decimal(string: "0.1")!), "nested": .object(["a": .array([1, .null, true])]),
            ])
            let items = [
                StrategyItem(
                    id: "1", name: "octmm", exchange: "binance", owner: "strategy-10", strategyType: "VolumeMarketMaker", symbols: [volume],
                    extraFields: ["riskLimit": .object(["maxLoss": "12.5"])]),
                StrategyItem(id: "7", name: "old", exchange: "huobi", strategyType: "SingleMarketMaker", symbols: [older, volume]),
            ]
            let templates = [StrategyTemplate(name: "VolumeMarketMaker", defaultItem: items[0].withID(nil))]
            let statuses = [StrategyStatus(id: "1", status: .running), StrategyStatus(id: "7", status: .unknown("paused"))]
            try await store.write { transaction in
                try transaction.replaceStrategyTemplates(templates)
                try transaction.replaceStrategyItems(items, uid: 2)
                try transaction.replaceStrategyStatuses(statuses, uid: 2)
            }
            #expect(try await store.read(.strategyTemplates) == templates)
            #expect(try await store.read(.strategyItems(uid: 2)) == items)
            #expect(try await store.read(.strategyStatuses(uid: 2)) == statuses)
            #expect(try await store.read(.strategyItems(uid: 3)).isEmpty)
        }
    }

    @Test("user info, positions and secrets, decimals exact")
    func account() async throws {
        try await withStore { store, _ in
            let info = UserInfo(
                uid: "123", googleAuthEnabled: true, group: "group1", userName: "test", phone: nil, email: "x@y.z",
                avatar: "https://cdn/x.png", estimatedValue: "10.0027 USDT", availableValue: "82.0000", netUnitValue: "10.0027 USDT",
                onOrders: "12.000", changePercentage: Decimal(string: "-0.0218")!)
            let positions = [
                Position(counterParty: "binance", currency: "BTC", totalAmount: "1000.0", usedAmount: "12.001", availableAmount: "987.999000000000000001"),
                Position(counterParty: "binance", currency: "ETH", totalAmount: "400.0", usedAmount: "42.00", availableAmount: "358"),
            ]
            let secrets = [SecretMetadata(counterParty: "huobi", owner: "2", apiKey: "123456", maskedSecretKey: "k****k")]
            try await store.write { transaction in
                try transaction.saveUserInfo(info)
                try transaction.replacePositions(positions, uid: "123")
                try transaction.replaceSecrets(secrets, owner: "2")
            }
            #expect(try await store.read(.userInfo(uid: "123")) == info)
            #expect(try await store.read(.userInfo(uid: 2)) == nil)
            let read = try await store.read(.positions(uid: "123"))
            #expect(read == positions)
            #expect(read.map(\.totalAmount.text) == ["1000.0", "400.0"], "trailing zeros kept")
            #expect(try await store.read(.secrets(owner: "2")) == secrets)
        }
    }

    @Test("a plaintext secret has no column to land in: the whole write is refused")
    func plaintextSecretRefused() async throws {
        try await withStore { store, _ in
            let masked = SecretMetadata(counterParty: "huobi", owner: "2", apiKey: "a", maskedSecretKey: "k****k")
            try await store.write { try $0.replaceSecrets([masked], owner: "2") }
            let plaintext = SecretMetadata(counterParty: "binance", owner: "2", apiKey: "b", maskedSecretKey: "s3cr3t-Plain*Text")
            await #expect(throws: DatabaseError.self) { try await store.write { try $0.replaceSecrets([masked, plaintext], owner: "2") } }
            #expect(try await store.read(.secrets(owner: "2")) == [masked], "the refused write changed nothing")
        }
    }

    @Test("sync state per resource")
    func syncState() async throws {
        try await withStore { store, _ in
            let state = SyncState(
                resource: "orders.history:2", lastAttemptAt: Date(timeIntervalSince1970: 1_790_000_000.123), lastSuccessAt: nil, lastError: "timed out",
                cursor: #"{"high":1790000000000}"#)
            try await store.write { try $0.saveSyncState(state) }
            #expect(try await store.read(.syncState("orders.history:2")) == state)
            var next = state
            next.lastSuccessAt = next.lastAttemptAt
            next.lastError = nil
            try await store.write { [next] in try $0.saveSyncState(next) }
            #expect(try await store.read(.syncStates) == [next])
            #expect(try await store.read(.syncState("symbols")) == nil)
        }
    }
}
