import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Testing

/// One bad write never blocks the queue: a write for another user's account is refused at
/// enqueue, and one already queued (by a store from before that rule) fails alone.
@Suite("A write for another user's account")
struct ForeignOwnerTests {
    @Test("refused at enqueue, naming the owner; the user's own and its strategies' owners are taken")
    func refusedAtEnqueue() async throws {
        try await SyncHarness.withOutbox { harness, outbox in
            #expect(await harness.engine.sync(uid: 2, only: [.strategies]).failures.isEmpty)
            var foreign = NewOrder.sample()
            foreign.owner = "3"
            let order = await #expect(throws: OutboxError.self) { try await outbox.placeOrder(foreign, uid: 2) }
            #expect(order == .foreignOwner("3", uid: 2) && order?.description.contains("owner 3") == true)
            let cancelAll = await #expect(throws: OutboxError.self) { try await outbox.enqueue(.cancelAllOrders(CancelAllRequest(owner: "3")), uid: 2) }
            #expect(cancelAll == .foreignOwner("3", uid: 2))
            #expect(try await harness.store.read(.outbox()).isEmpty, "nothing queued")

            var strategyOrder = NewOrder.sample()
            strategyOrder.owner = "strategy-10"
            _ = try await outbox.placeOrder(strategyOrder, uid: 2)
            _ = try await outbox.enqueue(.cancelAllOrders(CancelAllRequest(owner: "2")), uid: 2)
            #expect(try await harness.store.read(.outbox()).count == 2)
        }
    }

    @Test("queued at the head anyway, its 403 fails it alone (the token still authenticates): the 20 writes behind it are delivered, no login asked")
    func failsAloneOnDelivery() async throws {
        try await SyncHarness.withOutbox { harness, outbox in
            let now = harness.clock.now
            let bad = try await harness.store.write { try $0.enqueue(.cancelAllOrders(CancelAllRequest(owner: "3")), uid: 2, at: now) }
            var queued: [Int64] = []
            for index in 1...20 {
                queued.append(try await outbox.placeOrder(NewOrder.sample(quantity: ExactDecimal("1.\(1000 + index)")!), uid: 2).entry)
            }
            let report = await outbox.deliver(uid: 2)
            #expect(!report.authRequired && report.failed == [bad], "\(report)")
            #expect(Set(report.delivered) == Set(queued), "all 20 delivered: \(report.delivered.count)")
            #expect(await outbox.status != .authRequired)
            let failed = try #require(try await harness.store.read(.outboxEntry(id: bad)))
            #expect(failed.state == .failed && failed.errorCode == 403 && failed.errorMessage?.contains("403") == true, "\(failed)")
            let token = try #require(harness.client.authToken)
            #expect(try await !harness.store.read(.isTokenRefused(token, uid: 2)), "the token is not taken for refused")
            let placed = await harness.state.snapshot().orders(owner: "2").filter { $0.price.isSameAmount(as: "2000.50") }
            #expect(placed.count == 20, "each order once on the server")
        }
    }
}
