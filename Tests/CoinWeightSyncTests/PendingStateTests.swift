import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Synchronization
import Testing

/// Every mirrored row that a write the server has not confirmed yet changed says so, and
/// stops saying so once the server has it: "not yet on the exchange" is the most important
/// fact about an order.
@Suite("Pending writes on mirrored rows")
struct PendingStateTests {
    static let owner = OrderFilter(owner: "2")

    @Test("an order created, updated and cancelled through the outbox carries each write while queued, none once delivered; an observation yields both")
    func ordersThroughTheOutbox() async throws {
        try await SyncHarness.withOutbox { harness, outbox in
            let observed = Observed(harness.store.observe(.allOrders(Self.owner).withPending()))
            defer { observed.stop() }
            let (create, localID) = try await outbox.placeOrder(NewOrder.sample(), uid: 2)
            let local = try #require(try await harness.store.read(.order(id: localID).withPending()))
            #expect(local.pending == PendingWrite(entry: create, kind: "createOrder", state: .queued), "a local create is never shown without it")
            try await observed.wait("the queued create observed") { $0.contains { $0.streetOrderId == localID && $0.pending?.entry == create } }

            #expect(await outbox.deliver(uid: 2).delivered == [create])
            let serverID = try #require(await harness.placed(NewOrder.sample()).first?.streetOrderId)
            try await observed.wait("the delivered order observed, nothing pending") { rows in
                rows.contains { $0.streetOrderId == serverID && $0.pending == nil } && !rows.contains { $0.streetOrderId == localID }
            }

            let reference = OrderReference(streetOrderId: serverID, owner: "2", counterParty: "binance")
            let update = try await outbox.enqueue(
                .updateOrder(OrderAmendment(streetOrderId: serverID, price: "1999.50", quantity: "1.2500", owner: "2", counterParty: "binance")), uid: 2)
            #expect(
                try await harness.store.read(.order(id: serverID).withPending())?.pending == PendingWrite(entry: update, kind: "updateOrder", state: .queued))
            #expect(await outbox.deliver(uid: 2).delivered == [update])
            #expect(try await harness.store.read(.order(id: serverID).withPending())?.pending == nil, "confirmed")

            let cancel = try await outbox.enqueue(.cancelOrder(reference), uid: 2)
            let canceling = try #require(try await harness.store.read(.order(id: serverID).withPending()))
            #expect(canceling.executionType == .canceling && canceling.pending == PendingWrite(entry: cancel, kind: "cancelOrder", state: .queued))
            #expect(await outbox.deliver(uid: 2).delivered == [cancel])
            let canceled = try #require(try await harness.store.read(.order(id: serverID).withPending()))
            #expect(canceled.executionType == .canceled && canceled.pending == nil)
            try await observed.wait("the cancel observed settled") {
                $0.contains { $0.streetOrderId == serverID && $0.executionType == .canceled && $0.pending == nil }
            }
        }
    }

    @Test("a create whose answer was lost is outcome unknown; a refused cancel says failed, with the server's code, until the next pull")
    func unknownAndRefused() async throws {
        try await SyncHarness.withOutbox { harness, outbox in
            await harness.state.setFaults(FaultPlan(dropAfterEffectRate: 1, paths: ["/order/create"]))
            let (create, localID) = try await outbox.placeOrder(NewOrder.sample(quantity: "1.3330"), uid: 2)
            #expect(await outbox.deliver(uid: 2).unresolved == [create])
            #expect(try await harness.store.read(.order(id: localID).withPending())?.pending?.state == .outcomeUnknown)
            await harness.state.setFaults(FaultPlan())

            let placed = try await harness.client.createOrder(NewOrder.sample(quantity: "1.4440"))
            #expect(await harness.engine.sync(uid: 2, only: [.activeOrders]).failures.isEmpty)
            _ = try #require(await harness.state.fillOrder(id: placed.streetOrderId))
            let refused = try await outbox.enqueue(
                .cancelOrder(OrderReference(streetOrderId: placed.streetOrderId, owner: "2", counterParty: "binance")), uid: 2)
            #expect(await outbox.deliver(uid: 2).failed.contains(refused))
            let stored = try #require(try await harness.store.read(.order(id: placed.streetOrderId).withPending()))
            #expect(
                stored.pending?.entry == refused && stored.pending?.state == .failed && stored.pending?.code == 1001, "\(String(describing: stored.pending))")

            harness.clock.advance(by: 1)
            #expect(await harness.engine.sync(uid: 2, only: [.activeOrders]).failures.isEmpty)
            #expect(try await harness.store.read(.order(id: placed.streetOrderId).withPending())?.pending == nil, "the pull confirmed the server's state")
        }
    }

    @Test("a favorite, a slot of the user's layout and a strategy edit carry their writes; the default layout and untouched rows carry none")
    func configRows() async throws {
        try await SyncHarness.withOutbox { harness, outbox in
            #expect(await harness.engine.sync(uid: 2, only: [.favorites, .layouts, .strategies]).failures.isEmpty)
            let favorite = try await outbox.enqueue(.addFavorite(MarketPair(counterParty: "binance", symbol: "BTC-USDT")), uid: 2)
            let favorites = try await harness.store.read(.favorites(uid: 2).withPending())
            #expect(favorites.first { $0.symbol == "BTC-USDT" }?.pending?.entry == favorite)
            #expect(favorites.filter { $0.symbol != "BTC-USDT" }.allSatisfy { $0.pending == nil } && favorites.count > 1)

            let slot = LayoutSlot(position: 2, counterParty: "okcoin", symbol: "BTC-USDT")
            let layout = try await outbox.enqueue(.updateLayout(.professional, slot), uid: 2)
            let own = try await harness.store.read(.layout(.professional, scope: .user(2)).withPending(.professional, scope: .user(2)))
            #expect(own.first { $0.position == 2 }?.pending?.entry == layout && own.filter { $0.position != 2 }.allSatisfy { $0.pending == nil })
            let defaults = try await harness.store.read(.layout(.professional, scope: .defaults).withPending(.professional, scope: .defaults))
            #expect(!defaults.isEmpty && defaults.allSatisfy { $0.pending == nil })

            var item = try #require(try await harness.store.read(.strategyItems(uid: 2)).first)
            item.name = "renamed offline"
            let edit = try await outbox.enqueue(.updateStrategy(item), uid: 2)
            let items = try await harness.store.read(.strategyItems(uid: 2).withPending())
            #expect(items.first { $0.id == item.id }?.pending == PendingWrite(entry: edit, kind: "updateStrategy", state: .queued))

            #expect(await outbox.deliver(uid: 2).delivered.count == 3)
            #expect(try await harness.store.read(.favorites(uid: 2).withPending()).allSatisfy { $0.pending == nil })
            #expect(
                try await harness.store.read(.layout(.professional, scope: .user(2)).withPending(.professional, scope: .user(2))).allSatisfy {
                    $0.pending == nil
                })
            #expect(try await harness.store.read(.strategyItems(uid: 2).withPending()).allSatisfy { $0.pending == nil })
        }
    }
}

/// The values an observation yields, collected by a task of its own until ``stop()``.
final class Observed<Value: Sendable>: Sendable {
    private final class Values: Sendable {
        let list = Mutex<[Value]>([])
    }

    private let values = Values()
    private let task: Task<Void, Never>

    init(_ observation: StoreObservation<Value>) {
        let values = values
        task = Task {
            do {
                for try await value in observation { values.list.withLock { $0.append(value) } }
            } catch {}
        }
    }

    /// Waits until a value yielded so far satisfies `condition`.
    func wait(_ what: String, _ condition: @escaping @Sendable (Value) -> Bool) async throws {
        try await waitUntil(what) { values.list.withLock { $0.contains(where: condition) } }
    }

    func stop() { task.cancel() }
}
