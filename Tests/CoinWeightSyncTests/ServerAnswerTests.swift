import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Testing

/// Every answer that carries an order updates the mirror at once, not at the next sync.
@Suite("The server's word, applied at once")
struct ServerAnswerTests {
    @Test("a delivered cancel leaves the order EXECUTION_CANCELED; a cancel refused with 1001 leaves it as the refusal carries it (filled), not active")
    func cancelAnswersApplied() async throws {
        try await SyncHarness.withOutbox { harness, outbox in
            let first = try await harness.client.createOrder(NewOrder.sample(quantity: "1.1110"))
            let second = try await harness.client.createOrder(NewOrder.sample(quantity: "1.2220"))
            #expect(await harness.engine.sync(uid: 2, only: [.activeOrders]).failures.isEmpty)

            _ = try await outbox.enqueue(.cancelOrder(OrderReference(streetOrderId: first.streetOrderId, owner: "2", counterParty: "binance")), uid: 2)
            #expect(try await harness.store.read(.order(id: first.streetOrderId))?.executionType == .canceling, "shown at once")
            #expect(await outbox.deliver(uid: 2).delivered.count == 1)
            #expect(try await harness.store.read(.order(id: first.streetOrderId))?.executionType == .canceled, "the server's answer, with no sync")

            let filled = try #require(await harness.state.fillOrder(id: second.streetOrderId))
            let refused = try await outbox.enqueue(
                .cancelOrder(OrderReference(streetOrderId: second.streetOrderId, owner: "2", counterParty: "binance")), uid: 2)
            let report = await outbox.deliver(uid: 2)
            #expect(report.failed == [refused], "\(report)")
            #expect(try await harness.store.read(.outboxEntry(id: refused))?.errorCode == 1001)
            let stored = try await harness.store.read(.order(id: second.streetOrderId))
            #expect(
                stored?.executionType == filled.executionType && stored?.executionType.isActive == false,
                "as the refusal carried it: \(String(describing: stored))")
        }
    }
}
