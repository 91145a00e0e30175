import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Testing

/// After a first sync, the store holds what the server holds, field for field.
@Suite("First sync")
struct FirstSyncTests {
    @Test("every resource matches the emulator's state dump")
    func mirrorsEverything() async throws {
        try await SyncHarness.with(seedOrders: 3_000) { harness in
            let client = harness.client
            try await client.addFavorite(uid: 2, MarketPair(counterParty: "huobi", symbol: "EOS-USDT"))
            try await client.updateLayout(.simple, uid: 2, slot: LayoutSlot(position: 7, counterParty: "okcoin", symbol: "BTC-USDT"))
            try await client.addSecret(NewSecret(counterParty: "binance", owner: "2", apiKey: "key-2", secretKey: "plain-secret-2"))
            try await client.addSecret(NewSecret(counterParty: "huobi", owner: "strategy-10", apiKey: "key-10", secretKey: "plain-secret-10"))
            await harness.state.seedHistory(owner: "strategy-10", count: 400, days: 30, seed: 9, endTime: harness.clock.now.millisecondsSince1970)

            let report = await harness.engine.sync(uid: 2)
            #expect(report.isComplete, "\(report.failures)")
            let snapshot = await harness.state.snapshot()
            let abc = try #require(snapshot.user(2))
            let store = harness.store

            #expect(try await store.read(.symbols) == snapshot.symbols)
            #expect(try await store.read(.favorites(uid: 2)).map(\.pair) == abc.favorites)
            #expect(try await store.read(.markets(scope: .user(2))) == (try await client.customMarkets(uid: 2)))
            #expect(try await store.read(.markets(scope: .defaults)) == (try await client.defaultMarkets()))
            #expect(try await store.read(.layout(.professional, scope: .user(2))) == abc.professionalLayout)
            #expect(try await store.read(.layout(.simple, scope: .user(2))) == abc.simpleLayout)
            #expect(try await store.read(.layout(.simple, scope: .defaults)) == (try await client.defaultLayout(.simple)))
            #expect(try await store.read(.strategyTemplates) == (try await client.strategyTemplates()))
            #expect(try await store.read(.strategyItems(uid: 2)) == abc.strategies)
            #expect(try await store.read(.strategyStatuses(uid: 2)) == abc.strategyStatus.map { StrategyStatus(id: $0.key, status: $0.value) }.sorted { $0.id < $1.id })
            #expect(try await store.read(.userInfo(uid: 2)) == abc.info)
            #expect(Set(try await store.read(.positions(uid: 2))) == Set(abc.positions))
            for owner in ["2", "strategy-10"] {
                #expect(try await store.read(.secrets(owner: owner)) == snapshot.secrets.filter { $0.owner == owner })
                let stored = try await harness.storedOrders(owner: owner)
                let server = await harness.serverOrders(owner: owner)
                #expect(stored.count == server.count && server.count > 300)
                #expect(stored == server, "owner \(owner): every order, field for field")
            }
            let states = try await store.read(.syncStates)
            #expect(states.allSatisfy { $0.lastError == nil && $0.lastSuccessAt == harness.clock.now }, "\(states)")
            #expect(Set(states.map(\.resource)).isSuperset(of: ["symbols", "orderHistory:2", "orderHistory:strategy-10", "activeOrders:2", "secrets:strategy-10"]))
        }
    }

    @Test("the history walk reports its progress, ending with nothing left")
    func progress() async throws {
        try await SyncHarness.with(seedOrders: 2_000, configuration: { clock in
            SyncConfiguration(historyWindow: .seconds(7 * 86_400), pageSize: 100, now: { clock.now })
        }) { harness in
            let updates = await harness.engine.progress()
            let collector = Task {
                var seen: [SyncProgress] = []
                for await update in updates where update.owner == "2" {
                    seen.append(update)
                    if update.remainingFraction == 0 { break }
                }
                return seen
            }
            _ = await harness.engine.sync(uid: 2, only: [.orderHistory])
            let seen = await collector.value
            let inactive = await harness.serverOrders(owner: "2").filter { !$0.executionType.isActive }.count
            #expect(seen.count > 10)
            #expect(seen.last?.orders == inactive && seen.last?.remainingFraction == 0)
            #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.pages < $1.pages && $0.remainingFraction >= $1.remainingFraction })
            #expect(seen.contains { ($0.estimatedRemainingOrders ?? 0) > 0 })
        }
    }
}
