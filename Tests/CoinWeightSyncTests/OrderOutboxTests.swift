import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Testing

/// Orders through the outbox: shown at once under a local id, placed once whatever is lost
/// or interrupted, expired after their deadline, and checked before they are queued.
@Suite("Outbox: orders")
struct OrderOutboxTests {
    @Test("a cancel whose answer was lost is sent again, finds its order inactive, and counts as delivered")
    func cancelAnswerLost() async throws {
        try await SyncHarness.withOutbox { harness, outbox in
            let (create, _) = try await outbox.placeOrder(NewOrder.sample(), uid: 2)
            #expect(await outbox.deliver(uid: 2).delivered == [create])
            let serverID = try #require(await harness.placed(NewOrder.sample()).first?.streetOrderId)
            let cancel = try await outbox.enqueue(.cancelOrder(OrderReference(streetOrderId: serverID, owner: "2", counterParty: "binance")), uid: 2)
            await harness.state.setFaults(FaultPlan(dropAfterEffectRate: 1, paths: ["/order/cancel"]))
            #expect(await outbox.deliver(uid: 2).retrying == [cancel], "no answer: tried again later")
            #expect(await harness.state.order(id: serverID)?.executionType == .canceled, "the first one took effect")
            await harness.state.setFaults(FaultPlan())
            harness.clock.advance(by: 5)
            #expect(await outbox.deliver(uid: 2).delivered == [cancel], "error 1001 on the resend: the cancel had worked")
            #expect(try await harness.store.read(.outboxEntry(id: cancel))?.state == .delivered)
        }
    }

    @Test("a queued order shows at once under a local id; delivered, the server's id replaces it, in the mirror and in a queued cancel")
    func localIDRewritten() async throws {
        try await SyncHarness.withOutbox { harness, outbox in
            let (create, localID) = try await outbox.placeOrder(NewOrder.sample(), uid: 2)
            let cancel = try await outbox.enqueue(.cancelOrder(OrderReference(streetOrderId: localID, owner: "2", counterParty: "binance")), uid: 2)
            #expect(try await harness.store.read(.order(id: localID)) == nil, "a cancel of a create still queued drops both")
            #expect(try await harness.store.read(.outboxEntry(id: cancel))?.coalesced == true)
            #expect(await outbox.deliver(uid: 2).delivered.isEmpty)
            #expect(await harness.placed(NewOrder.sample()).isEmpty, "no request for a create cancelled before it went")
            _ = create

            let (second, secondLocal) = try await outbox.placeOrder(NewOrder.sample(quantity: "2.0000"), uid: 2)
            #expect(try await harness.store.read(.order(id: secondLocal))?.executionType == .acknowledged, "optimistic")
            let report = await outbox.deliver(uid: 2)
            #expect(report.delivered == [second])
            let placed = await harness.placed(NewOrder.sample(quantity: "2.0000"))
            #expect(placed.count == 1)
            let serverID = try #require(placed.first?.streetOrderId)
            #expect(try await harness.store.read(.order(id: secondLocal)) == nil)
            #expect(try await harness.store.read(.order(id: serverID)) != nil)

            // A create answered 503 may have been placed: it is looked up, not resent. A cancel
            // queued on its local id meanwhile waits, and goes with the server's id.
            let (third, thirdLocal) = try await outbox.placeOrder(NewOrder.sample(quantity: "3.0000"), uid: 2)
            await harness.state.setFaults(FaultPlan(serverErrorRate: 1, paths: ["/order/create"]))
            #expect(await outbox.deliver(uid: 2).unresolved == [third])
            await harness.state.setFaults(FaultPlan())
            #expect(try await harness.store.read(.outboxEntry(id: third))?.state == .sending)
            harness.clock.advance(by: 11)
            let thirdCancel = try await outbox.enqueue(.cancelOrder(OrderReference(streetOrderId: thirdLocal, owner: "2", counterParty: "binance")), uid: 2)
            #expect(await outbox.deliver(uid: 2).delivered == [third, thirdCancel])
            let canceled = await harness.placed(NewOrder.sample(quantity: "3.0000"))
            #expect(canceled.map(\.executionType) == [.canceled])
            let entry = try await harness.store.read(.outboxEntry(id: thirdCancel))
            #expect(entry?.write == .cancelOrder(OrderReference(streetOrderId: canceled[0].streetOrderId, owner: "2", counterParty: "binance")))
        }
    }

    @Test(
        "placed while the outbox runs with nothing ahead of it, an order is queued already marked sending and goes at once; behind a write it depends on, it waits its turn"
    )
    func sentAtOnce() async throws {
        try await SyncHarness.withOutbox { harness, outbox in
            let running = Task { await outbox.run(uid: { 2 }) }
            defer { running.cancel() }
            try await waitUntil("the outbox runs") { await outbox.runningFor == 2 }
            await outbox.finishDelivery()  // its first pass, which found nothing to send

            let (first, _) = try await outbox.placeOrder(NewOrder.sample(quantity: "5.0000"), uid: 2)
            let queued = try #require(try await harness.store.read(.outboxEntry(id: first)))
            #expect(queued.state != .pending && queued.attempts == 1, "marked sending in the commit that queued it: \(queued)")
            try await waitUntil("placed") { try await harness.store.read(.outboxEntry(id: first))?.state == .delivered }
            #expect(await harness.placed(NewOrder.sample(quantity: "5.0000")).count == 1)

            await harness.state.setFaults(FaultPlan(serverErrorRate: 1, paths: ["/order/cancel-all"]))
            let cancelAll = try await outbox.enqueue(.cancelAllOrders(CancelAllRequest(owner: "2")), uid: 2)
            // Its failure recorded, not only its attempt counted: the backoff then runs from before the clock moves.
            try await waitUntil("the cancel-all failed once") {
                let entry = try await harness.store.read(.outboxEntry(id: cancelAll))
                return entry?.state == .pending && entry?.attempts == 1 && entry?.errorMessage != nil
            }
            let (second, _) = try await outbox.placeOrder(NewOrder.sample(quantity: "6.0000"), uid: 2)
            let waiting = try #require(try await harness.store.read(.outboxEntry(id: second)))
            #expect(waiting.state == .pending && waiting.attempts == 0, "behind the cancel-all of its owner: \(waiting)")
            await harness.state.setFaults(FaultPlan())
            harness.clock.advance(by: 10)  // past the cancel-all's backoff, within the order's deadline
            #expect(try #require(try await harness.store.read(.outboxEntry(id: cancelAll))).nextAttemptAt <= harness.clock.now)
            await outbox.wake()
            try await waitUntil("the cancel-all, then the order") { try await harness.store.read(.outboxEntry(id: second))?.state == .delivered }
            #expect(try await harness.store.read(.outboxEntry(id: cancelAll))?.state == .delivered)
            let placed = await harness.placed(NewOrder.sample(quantity: "6.0000"))
            #expect(placed.map(\.executionType) == [.acknowledged], "placed once, after the cancel-all: \(placed)")
        }
    }

    enum CrashPoint: String, CaseIterable, CustomTestStringConvertible {
        case beforeSend, afterSendBeforeRecord, afterRecord
        var testDescription: String { rawValue }
    }

    @Test("a crash before the send, after it before its answer is recorded, or after: the order is placed exactly once", arguments: CrashPoint.allCases)
    func crash(at point: CrashPoint) async throws {
        try await SyncHarness.withOutbox { harness, outbox in
            let order = NewOrder.sample(quantity: "4.0000")
            let (id, _) = try await outbox.placeOrder(order, uid: 2)
            switch point {
            case .beforeSend:
                #expect(try await harness.store.write { try $0.claimForSending(id, at: harness.clock.now) }, "marked sending, then the process died")
            case .afterSendBeforeRecord:
                #expect(try await harness.store.write { try $0.claimForSending(id, at: harness.clock.now) })
                _ = try await harness.client.createOrder(order)  // the request went out and took effect; the answer was never recorded
            case .afterRecord:
                #expect(await outbox.deliver(uid: 2).delivered == [id])
            }
            let restarted = Outbox(
                client: harness.client, store: try CoinWeightStore(path: harness.store.path), configuration: SyncConfiguration(now: { harness.clock.now }))
            var passes = 0
            while try await harness.store.read(.outboxEntry(id: id))?.state != .delivered && passes < 30 {
                _ = await restarted.deliver(uid: 2)
                harness.clock.advance(by: 1)
                passes += 1
            }
            #expect(try await harness.store.read(.outboxEntry(id: id))?.state == .delivered)
            #expect(await harness.placed(order).count == 1, "exactly one order on the server")
            _ = await restarted.deliver(uid: 2)
            #expect(await harness.placed(order).count == 1, "and still one after another pass")
        }
    }

    @Test("with 30% of creates' answers lost, 10% dropped before effect and 2 s of read lag, 1,000 queued orders give exactly 1,000 orders")
    func lossyCreates() async throws {
        let configure: (ManualClock) -> SyncConfiguration = { clock in
            SyncConfiguration(
                backoff: Backoff(initial: .milliseconds(100), maximum: .seconds(1)), orderDeadline: .seconds(600),
                createResolutionWindow: .seconds(5), createLookupInterval: .seconds(1), now: { clock.now })
        }
        try await SyncHarness.withOutbox(configure: configure) { harness, outbox in
            let before = await harness.state.snapshot().orders(owner: "2").count
            var entries: [Int64] = []
            for i in 1...1_000 {
                entries.append(try await outbox.placeOrder(NewOrder.sample(quantity: ExactDecimal("\(i).0000")!), uid: 2).entry)
            }
            await harness.state.setFaults(FaultPlan(dropBeforeEffectRate: 0.1, dropAfterEffectRate: 0.3, readLagMilliseconds: 2_000, paths: ["/order/create"]))
            var passes = 0
            var unresolved = 0
            while try await !harness.store.read(.outbox(uid: 2, states: [.pending, .sending])).isEmpty && passes < 100 {
                unresolved += await outbox.deliver(uid: 2).unresolved.count
                harness.clock.advance(by: 0.5)
                passes += 1
            }
            let counts = await harness.state.snapshot().faultCounts
            await harness.state.setFaults(FaultPlan())
            let states = try await harness.store.read(.outbox(uid: 2)).map(\.state)
            #expect(
                states.count == 1_000 && states.allSatisfy { $0 == .delivered },
                "after \(passes) passes: \(Dictionary(grouping: states, by: \.self).mapValues(\.count))")
            #expect(await harness.state.snapshot().orders(owner: "2").count - before == 1_000, "exactly 1,000 orders on the server")
            #expect(
                counts.dropsAfterEffect > 200 && counts.dropsBeforeEffect > 50 && unresolved > 250, "faults were injected: \(counts), \(unresolved) lookups")
            let local = try await harness.store.read(.allOrders(OrderFilter(owner: "2"))).filter { OutboxWrite.isLocalID($0.streetOrderId) }
            #expect(local.isEmpty, "every local row was replaced by the server's")
        }
    }

    @Test("a create not sent by its deadline expires, is never sent, and leaves the mirror")
    func deadline() async throws {
        let transport = ScriptedTransport()
        try await SyncHarness.withOutbox(transport: transport) { harness, outbox in
            let (id, localID) = try await outbox.placeOrder(NewOrder.sample(), uid: 2, validFor: .seconds(30))
            harness.clock.advance(by: 31)
            #expect(await outbox.deliver(uid: 2).expired == [id])
            #expect(try await harness.store.read(.outboxEntry(id: id))?.state == .expired)
            #expect(try await harness.store.read(.order(id: localID)) == nil)
            #expect(!transport.requestedPaths.contains { $0.hasSuffix("/order/create") })
        }
    }

    @Test(
        "an order that breaks a rule of the symbols config is refused before queueing, naming the rule",
        arguments: [
            ("0.0001", "2000.50", "ETH-USDT", "binance", "below quantityMin"),
            ("20000.0", "2000.50", "ETH-USDT", "binance", "above quantityMax"),
            ("1.00001", "2000.50", "ETH-USDT", "binance", "quantityDecimal"),
            ("1.0", "0", "ETH-USDT", "binance", "greater than 0"),
            ("1.0", "2000.50", "DOGE-USDT", "binance", "not traded"),
            ("1.0", "2000.50", "ETH-USDT", "kraken", "not in the symbols config"),
        ])
    func validation(quantity: String, price: String, symbol: String, counterParty: String, rule: String) async throws {
        try await SyncHarness.withOutbox { harness, outbox in
            let order = NewOrder(
                orderType: .limit, symbol: symbol, side: .ask, owner: "2", counterParty: counterParty,
                price: ExactDecimal(price)!, quantity: ExactDecimal(quantity)!)
            let error = await #expect(throws: OutboxError.self) { try await outbox.placeOrder(order, uid: 2) }
            #expect(error?.description.contains(rule) == true, "\(String(describing: error))")
            let queued = try await harness.store.read(.outbox())
            #expect(queued.isEmpty)
        }
    }

    @Test("a MARKET order is not queued while the server cannot be reached, unless asked for")
    func marketOffline() async throws {
        try await SyncHarness.withOutbox { harness, _ in
            let unreachable = try CoinWeightClient(baseURL: URL(string: "http://127.0.0.1:9")!, authToken: harness.client.authToken)
            let outbox = Outbox(client: unreachable, store: harness.store, configuration: SyncConfiguration(now: { harness.clock.now }))
            _ = try await outbox.enqueue(.addFavorite(MarketPair(counterParty: "okcoin", symbol: "BTC-USDT")), uid: 2)
            #expect(await outbox.deliver(uid: 2).retrying.count == 1)
            #expect(await outbox.isOffline == true)
            let market = NewOrder.sample(type: .market)
            await #expect(throws: OutboxError.marketOrderWhileOffline) { try await outbox.placeOrder(market, uid: 2) }
            let limit = try await outbox.placeOrder(NewOrder.sample(), uid: 2)
            let asked = try await outbox.placeOrder(market, uid: 2, allowWhileOffline: true)
            let creates = try await harness.store.read(.outbox(uid: 2, states: [.pending])).filter { $0.write.kind == "createOrder" }
            #expect(creates.map(\.id) == [limit.entry, asked.entry])
        }
    }

    @Test("a second identical create waits while the first is unresolved, and each gets its own order")
    func identicalCreatesWait() async throws {
        try await SyncHarness.withOutbox { harness, outbox in
            let order = NewOrder.sample(quantity: "5.0000")
            let first = try await outbox.placeOrder(order, uid: 2).entry
            await harness.state.setFaults(FaultPlan(dropAfterEffectRate: 1, readLagMilliseconds: 3_000, paths: ["/order/create"]))
            #expect(await outbox.deliver(uid: 2).unresolved == [first])
            await harness.state.setFaults(FaultPlan(readLagMilliseconds: 3_000))
            let second = try await outbox.placeOrder(order, uid: 2).entry
            harness.clock.advance(by: 1)
            let waiting = await outbox.deliver(uid: 2)
            #expect(waiting.unresolved == [first] && !waiting.delivered.contains(second), "the second waits: \(waiting)")
            harness.clock.advance(by: 3)
            #expect(await outbox.deliver(uid: 2).delivered == [first, second])
            let placed = await harness.placed(order)
            #expect(placed.count == 2)
            let adopted = try await harness.store.read(.createdServerIDs)
            #expect(Set(placed.map(\.streetOrderId)).isSubset(of: adopted), "each entry took its own order")
        }
    }

    @Test("a refused create is rolled back with the server's code, and the cancel queued on it fails without a request")
    func refusedCreateHoldsDependents() async throws {
        let transport = ScriptedTransport()
        try await SyncHarness.withOutbox(transport: transport) { harness, outbox in
            // The store's copy of the rules is looser than the server's: the server refuses.
            var symbols = try await harness.store.read(.symbols)
            let exchange = try #require(symbols.firstIndex { $0.counterParty == "binance" })
            let spec = try #require(symbols[exchange].symbols.firstIndex { $0.name == "ETH-USDT" })
            symbols[exchange].symbols[spec].quantityMin = Decimal(string: "0.0001")!
            try await harness.store.write { [symbols] in try $0.replaceSymbols(symbols) }

            let (create, localID) = try await outbox.placeOrder(NewOrder.sample(quantity: "0.0001"), uid: 2)
            await harness.state.setFaults(FaultPlan(serverErrorRate: 1, paths: ["/order/create"]))
            #expect(await outbox.deliver(uid: 2).unresolved == [create])
            await harness.state.setFaults(FaultPlan())
            let cancel = try await outbox.enqueue(.cancelOrder(OrderReference(streetOrderId: localID, owner: "2", counterParty: "binance")), uid: 2)
            harness.clock.advance(by: 11)
            #expect(await outbox.deliver(uid: 2).failed == [create, cancel])
            let refused = try await harness.store.read(.outboxEntry(id: create))
            #expect(refused?.state == .failed && refused?.errorCode == 4, "\(String(describing: refused))")
            #expect(try await harness.store.read(.outboxEntry(id: cancel))?.errorMessage?.contains("never created on the server") == true)
            #expect(try await harness.store.read(.order(id: localID)) == nil, "rolled back")
            #expect(!transport.requestedPaths.contains { $0.hasSuffix("/order/cancel") })
        }
    }

    @Test("an update the server refuses (the order filled meanwhile) is rolled back, and the order shows as the refusal carries it")
    func refusedUpdateRollsBack() async throws {
        try await SyncHarness.withOutbox { harness, outbox in
            let placed = try await harness.client.createOrder(NewOrder.sample(quantity: "6.0000"))
            #expect(await harness.engine.sync(uid: 2, only: [.activeOrders]).failures.isEmpty)
            let filled = try #require(await harness.state.fillOrder(id: placed.streetOrderId))
            #expect(filled.executionType == .filled)
            let amendment = OrderAmendment(streetOrderId: placed.streetOrderId, price: "2100.00", quantity: "6.0000", owner: "2", counterParty: "binance")
            let id = try await outbox.enqueue(.updateOrder(amendment), uid: 2)
            #expect(try await harness.store.read(.order(id: placed.streetOrderId))?.price == "2100.00", "optimistic")
            #expect(await outbox.deliver(uid: 2).failed == [id])
            #expect(try await harness.store.read(.outboxEntry(id: id))?.errorCode == 1000)
            let stored = try await harness.store.read(.order(id: placed.streetOrderId))
            #expect(
                stored?.price == placed.price && stored?.executionType == .filled, "the optimistic price gone, the fill shown: \(String(describing: stored))")
        }
    }
}
