import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Testing

/// A MARKET order fills at whatever the price is when it is sent: never late.
@Suite("MARKET orders are never late")
struct MarketOrderTests {
    @Test("every connection reset before an answer: the outbox and a sync count that as offline, and a MARKET order is refused")
    func resetsCountAsOffline() async throws {
        try await SyncHarness.withOutbox { harness, outbox in
            await harness.state.setFaults(FaultPlan(dropBeforeEffectRate: 1))
            _ = try await outbox.enqueue(.addFavorite(MarketPair(counterParty: "okcoin", symbol: "BTC-USDT")), uid: 2)
            let report = await outbox.deliver(uid: 2)
            #expect(report.delivered.isEmpty && report.retrying.count == 1, "\(report)")
            #expect(await outbox.isOffline == true)
            let refused = await #expect(throws: OutboxError.self) { try await outbox.placeOrder(NewOrder.sample(type: .market), uid: 2) }
            #expect(refused == .marketOrderWhileOffline)
            #expect(try await harness.store.read(.outbox(uid: 2)).count == 1, "only the favorite is queued")
            let sync = await harness.engine.sync(uid: 2, only: [.favorites, .positions])
            #expect(sync.isOffline && sync.unreachable == [.favorites, .positions], "a sync says offline too: \(sync)")
        }
    }

    @Test("a MARKET order queued before the network went: unsent past its own deadline (5 s by default, not a LIMIT order's 30 s), it expires")
    func expiresAfterItsShortDeadline() async throws {
        try await SyncHarness.withOutbox { harness, outbox in
            let (market, _) = try await outbox.placeOrder(NewOrder.sample(quantity: "1.7770", type: .market), uid: 2)
            let (limit, _) = try await outbox.placeOrder(NewOrder.sample(quantity: "1.8880"), uid: 2)
            #expect(try await harness.store.read(.outboxEntry(id: market))?.deadline == harness.clock.now.addingTimeInterval(5))
            harness.clock.advance(by: 6)
            let report = await outbox.deliver(uid: 2)
            #expect(report.expired == [market] && report.delivered == [limit], "\(report)")
            #expect(await harness.placed(NewOrder.sample(quantity: "1.7770", type: .market)).isEmpty, "never sent")
        }
    }
}
