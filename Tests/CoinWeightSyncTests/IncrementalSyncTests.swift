import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Testing

/// Later syncs: server-side changes arrive, late fills are found, re-reads add nothing twice.
@Suite("Incremental sync")
struct IncrementalSyncTests {
    @Test("a favorite added and removed, a layout changed, an order filled, a strategy stopped: all appear after the next sync")
    func serverChangesArrive() async throws {
        try await SyncHarness.with { harness in
            let client = harness.client
            try await client.addFavorite(uid: 2, MarketPair(counterParty: "binance", symbol: "ETH-BTC"))
            let order = try await client.createOrder(
                NewOrder(orderType: .limit, symbol: "ETH-USDT", side: .bid, owner: "2", counterParty: "binance", price: "2000.50", quantity: "1.0000"))
            let strategy = try #require(try await client.strategyItems(uid: 2).first)
            _ = try await client.startStrategy(userID: 2, strategy: strategy)
            #expect(await harness.engine.sync(uid: 2).isComplete)
            #expect(try await harness.store.read(.order(id: order.streetOrderId))?.executionType == .acknowledged)
            #expect(try await harness.store.read(.strategyStatuses(uid: 2)).first?.status == .running)

            harness.clock.advance(by: 60)
            try await client.deleteFavorite(uid: 2, MarketPair(counterParty: "binance", symbol: "ETH-BTC"))
            try await client.addFavorite(uid: 2, MarketPair(counterParty: "okcoin", symbol: "EOS-USDT"))
            try await client.updateLayout(.professional, uid: 2, slot: LayoutSlot(position: 2, counterParty: "okcoin", symbol: "BTC-USDT"))
            _ = await harness.state.fillOrder(id: order.streetOrderId)
            _ = try await client.stopStrategy(userID: 2, strategy: strategy)

            #expect(await harness.engine.sync(uid: 2).isComplete)
            let favorites = try await harness.store.read(.favorites(uid: 2)).map(\.pair)
            #expect(favorites == (await harness.state.snapshot().user(2)?.favorites))
            #expect(favorites.contains(MarketPair(counterParty: "okcoin", symbol: "EOS-USDT")))
            #expect(!favorites.contains(MarketPair(counterParty: "binance", symbol: "ETH-BTC")))
            #expect(
                try await harness.store.read(.layout(.professional, scope: .user(2)))[1] == LayoutSlot(position: 2, counterParty: "okcoin", symbol: "BTC-USDT"))
            #expect(try await harness.store.read(.order(id: order.streetOrderId))?.executionType == .filled)
            #expect(try await harness.store.read(.strategyStatuses(uid: 2)).first?.status == .stopped)
        }
    }

    @Test("an order created three days ago and filled now appears in the history")
    func lateFill() async throws {
        try await SyncHarness.with { harness in
            harness.clock.advance(by: -3 * 86_400)
            let old = try await harness.client.createOrder(
                NewOrder(orderType: .limit, symbol: "ETH-USDT", side: .ask, owner: "2", counterParty: "binance", price: "2100.00", quantity: "0.5000"))
            harness.clock.advance(by: 3 * 86_400 - 3_600)
            #expect(await harness.engine.sync(uid: 2).isComplete)
            harness.clock.advance(by: 3_600)
            _ = await harness.state.fillOrder(id: old.streetOrderId)

            let report = await harness.engine.sync(uid: 2)
            #expect(report.isComplete, "\(report.failures)")
            let stored = try #require(try await harness.store.read(.order(id: old.streetOrderId)))
            #expect(stored.executionType == .filled && stored.filledQuantity.isSameAmount(as: "0.5"))
            let history = try await harness.store.read(.orders(OrderFilter(owner: "2", executionTypes: ExecutionType.inactiveStates), limit: 10))
            #expect(history.orders.map(\.streetOrderId) == [old.streetOrderId])
        }
    }

    @Test("overlapping re-reads add no duplicates, and only re-read the overlap")
    func overlapNoDuplicates() async throws {
        try await SyncHarness.with(
            seedOrders: 1_500, seedDays: 10,
            configuration: { clock in
                SyncConfiguration(historyOverlap: .seconds(2 * 86_400), pageSize: 100, now: { clock.now })
            }
        ) { harness in
            #expect(await harness.engine.sync(uid: 2).isComplete)
            let first = try await harness.storedOrders(owner: "2")
            for _ in 0..<3 {
                harness.clock.advance(by: 3_600)
                #expect(await harness.engine.sync(uid: 2).isComplete)
            }
            let after = try await harness.storedOrders(owner: "2")
            #expect(after == first)
            #expect(after == (await harness.serverOrders(owner: "2")))
            #expect(Set(after.map(\.streetOrderId)).count == after.count)
        }
    }
}
