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
            #expect(
                try await store.read(.strategyStatuses(uid: 2))
                    == abc.strategyStatus.map { StrategyStatus(id: $0.key, status: $0.value) }.sorted { $0.id < $1.id })
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
            #expect(
                Set(states.map(\.resource)).isSuperset(of: ["symbols", "orderHistory:2", "orderHistory:strategy-10", "activeOrders:2", "secrets:strategy-10"]))
        }
    }

    @Test("a sync's progress covers every resource: the fraction only rises, the history estimate only shrinks, and it ends with the sync")
    func progress() async throws {
        try await SyncHarness.with(
            seedOrders: 2_000,
            configuration: { clock in
                SyncConfiguration(historyWindow: .seconds(7 * 86_400), pageSize: 100, now: { clock.now })
            }
        ) { harness in
            let states = harness.engine.hub.subscribe(store: harness.store, uid: { 2 })
            let collector = Task {
                var seen: [SyncActivity] = []
                var last: SyncReport?
                for await state in states {
                    if let sync = state.sync { seen.append(sync) }
                    if !seen.isEmpty && state.sync == nil {
                        last = state.lastSync
                        break
                    }
                }
                return (seen, last)
            }
            let report = await harness.engine.sync(uid: 2)
            let (seen, last) = await collector.value
            let inactive = await harness.serverOrders(owner: "2").filter { !$0.executionType.isActive }.count
            #expect(report.isComplete && last == report, "the state ends with the sync and holds its report")
            #expect(seen.count > 20)
            #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.fractionCompleted <= $1.fractionCompleted && $0.finished.isSubset(of: $1.finished) })
            #expect(seen.last?.finished == Set(SyncResource.allCases) && seen.last?.fractionCompleted == 1)
            let ownHistory = seen.filter { $0.history?.owner == "2" }
            #expect(ownHistory.last?.history?.orders == inactive && ownHistory.last?.history?.remainingFraction == 0)
            let estimates = ownHistory.compactMap(\.estimatedRemainingOrders)
            #expect(!estimates.isEmpty && estimates.contains { $0 > 0 })
            #expect(zip(estimates, estimates.dropFirst()).allSatisfy { $0 >= $1 }, "\(estimates)")
            #expect(seen.allSatisfy { $0.orders >= ($0.history?.orders ?? 0) })
        }
    }
}
