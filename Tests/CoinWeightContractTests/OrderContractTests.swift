import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightTestSupport
import Foundation
import Testing

@Suite("Order API contract")
struct OrderContractTests {
    @Test(arguments: Wire.allCases) func createReturnsTheAcknowledgedOrderExactly(wire: Wire) async throws {
        try await wire.withRunning { running, state in
            let abc = try await running.login()
            let before = nowMilliseconds()
            let order = try await abc.client.createOrder(limitOrder(price: "2000.50", quantity: "1.2500"))
            #expect(order.price.text == "2000.50")
            #expect(order.quantity.text == "1.2500")
            #expect(order.executionType == .acknowledged)
            #expect(order.orderType == .limit && order.side == .bid)
            #expect(order.owner == "2" && order.counterParty == "binance" && order.symbol == "ETH-USDT")
            #expect(order.createTime >= before && order.createTime <= nowMilliseconds())
            #expect(await state.order(id: order.streetOrderId) == order)
        }
    }

    /// The answer to a create is lost after the order was placed, on a connection the pool
    /// had kept alive: the transport reports it lost and never sends the create again itself.
    /// Through the local API, the daemon's outbox meets the loss, and resends nothing either.
    @Test(arguments: Wire.allCases) func aLostAnswerIsNeverResent(wire: Wire) async throws {
        try await wire.withRunning { running, state in
            let abc = try await running.login()
            _ = try await abc.client.symbols()
            await state.setFaults(FaultPlan(dropAfterEffectRate: 1, paths: ["/order/create"]))
            for attempt in 1...5 {
                if wire == .localAPI {
                    // The daemon's outbox owns the create and its lost answer: the client gets the
                    // order at once (pending, or found on the server by a lookup), never an error.
                    let order = try await abc.client.createOrder(limitOrder(price: "100.00"))
                    #expect(order.price.text == "100.00")
                    try await waitUntil("create \(attempt) reached the server") { await state.snapshot().orders(owner: "2").count >= attempt }
                } else {
                    do {
                        _ = try await abc.client.createOrder(limitOrder(price: "100.00"))
                        Issue.record("attempt \(attempt) got an answer through a dropped connection")
                    } catch let error as CoinWeightError {
                        #expect(error.mayHaveReachedServer && error.isTransient, "\(error)")
                    }
                }
                #expect(await state.snapshot().orders(owner: "2").count == attempt, "each create placed once, none resent")
            }
            await state.setFaults(FaultPlan())
            #expect(try await abc.client.activeOrders(owner: "2").count == 5, "the pool still works")
        }
    }

    @Test(arguments: Wire.allCases) func activeListsNewestFirst(wire: Wire) async throws {
        let clock = ManualClock(start: Date())
        try await wire.withRunning(EmulatorConfiguration(now: { clock.now })) { running, _ in
            let abc = try await running.login()
            let first = try await abc.client.createOrder(limitOrder(price: "100.00"))
            clock.advance(by: 1)
            let second = try await abc.client.createOrder(limitOrder(price: "101.00", side: .ask))
            let active = try await abc.client.activeOrders(owner: "2")
            #expect(active.map(\.streetOrderId) == [second.streetOrderId, first.streetOrderId])
            #expect(active.first == second)
        }
    }

    @Test(arguments: Wire.allCases) func inactivePagesAWindowNewestFirst(wire: Wire) async throws {
        try await wire.withRunning(EmulatorConfiguration(controlEnabled: true, seedOrders: 120, seedDays: 3)) { running, state in
            let abc = try await running.login()
            let now = nowMilliseconds()
            let start = now - 3 * 86_400_000
            let expected = await state.snapshot().orders(owner: "2")
                .filter { ExecutionType.inactiveStates.contains($0.executionType) && $0.createTime >= start }
                .sorted { ($0.createTime, $0.streetOrderId) > ($1.createTime, $1.streetOrderId) }
            let first = try await abc.client.inactiveOrders(InactiveOrderQuery(owner: "2", startTime: start, endTime: now, pageIndex: 0, pageSize: 25))
            #expect(first.totalPage == (expected.count + 24) / 25)
            var seen = first.content
            for index in 1..<first.totalPage {
                seen += try await abc.client.inactiveOrders(InactiveOrderQuery(owner: "2", startTime: start, endTime: now, pageIndex: index, pageSize: 25))
                    .content
            }
            #expect(seen == expected)
        }
    }

    @Test(arguments: Wire.allCases) func updateChangesPriceAndQuantity(wire: Wire) async throws {
        try await wire.withRunning { running, _ in
            let abc = try await running.login()
            let order = try await abc.client.createOrder(limitOrder())
            let updated = try await abc.client.updateOrder(
                OrderAmendment(streetOrderId: order.streetOrderId, price: "1999.99", quantity: "2.0000", owner: "2", counterParty: "binance"))
            #expect(updated.price.text == "1999.99")
            #expect(updated.quantity.text == "2.0000")
            #expect(updated.streetOrderId == order.streetOrderId)
            #expect(updated.createTime == order.createTime)
        }
    }

    @Test(arguments: Wire.allCases) func updateOfAFilledOrderIsRefusedWithTheOrder(wire: Wire) async throws {
        try await wire.withRunning { running, _ in
            let abc = try await running.login()
            var market = limitOrder()
            market.orderType = .market
            let filled = try await abc.client.createOrder(market)
            #expect(filled.executionType == .filled)
            let error = await #expect(throws: CoinWeightError.self) {
                try await abc.client.updateOrder(
                    OrderAmendment(streetOrderId: filled.streetOrderId, price: "1.00", quantity: "1.0", owner: "2", counterParty: "binance"))
            }
            guard case .rejected(let business)? = error else {
                Issue.record("expected a refusal")
                return
            }
            #expect(business.code == 1000)
            #expect(business.reason == .orderNotUpdatable)
            #expect(business.order == filled)
        }
    }

    @Test(arguments: Wire.allCases) func cancelThenCancelAgain(wire: Wire) async throws {
        try await wire.withRunning { running, _ in
            let abc = try await running.login()
            let order = try await abc.client.createOrder(limitOrder())
            let reference = OrderReference(streetOrderId: order.streetOrderId, owner: "2", counterParty: "binance")
            let canceled = try await abc.client.cancelOrder(reference)
            #expect(canceled.executionType == .canceled)
            let error = await #expect(throws: CoinWeightError.self) { try await abc.client.cancelOrder(reference) }
            guard case .rejected(let business)? = error else {
                Issue.record("expected a refusal")
                return
            }
            #expect(business.code == 1001)
            #expect(business.reason == .orderNotCancelable)
            #expect(business.order?.executionType == .canceled)
        }
    }

    @Test(arguments: Wire.allCases) func cancelAllIsBareAndCancelsTheSelectedExchanges(wire: Wire) async throws {
        try await wire.withRunning { running, state in
            let abc = try await running.login()
            let onBinance = try await abc.client.createOrder(limitOrder())
            var huobiOrder = limitOrder()
            huobiOrder.counterParty = "huobi"
            let onHuobi = try await abc.client.createOrder(huobiOrder)
            let result = try await abc.client.cancelAllOrders(CancelAllRequest(owner: "2", selectedCounterParty: ["huobi"]))
            #expect(result == CancelAllResult(owner: "2", canceledCounterParty: ["huobi"]))
            #expect(await state.order(id: onHuobi.streetOrderId)?.executionType == .canceled)
            #expect(await state.order(id: onBinance.streetOrderId)?.executionType == .acknowledged)
            let all = try await abc.client.cancelAllOrders(CancelAllRequest(owner: "2"))
            #expect(all.owner == "2")
            #expect(Set(all.canceledCounterParty).isSuperset(of: ["binance", "huobi"]))
            #expect(try await abc.client.activeOrders(owner: "2").isEmpty)
        }
    }

    @Test(arguments: Wire.allCases) func validationNamesTheRuleAndCreatesNothing(wire: Wire) async throws {
        try await wire.withRunning { running, state in
            let abc = try await running.login()
            let cases: [(NewOrder, String)] = [
                (limitOrder(quantity: "0.0001"), "quantityMin"),
                (limitOrder(quantity: "20000"), "quantityMax"),
                (limitOrder(quantity: "1.00001"), "quantityDecimal"),
                (limitOrder(price: "1.001"), "priceDecimal"),
                (limitOrder(price: "0"), "greater than 0"),
                (NewOrder(orderType: .limit, symbol: "DOGE-USDT", side: .bid, owner: "2", counterParty: "binance", price: "1", quantity: "1"), "DOGE-USDT"),
                (NewOrder(orderType: .limit, symbol: "ETH-USDT", side: .bid, owner: "2", counterParty: "kraken", price: "1", quantity: "1"), "kraken"),
            ]
            for (order, rule) in cases {
                let error = await #expect(throws: CoinWeightError.self) { try await abc.client.createOrder(order) }
                guard case .rejected(let business)? = error else {
                    Issue.record("expected a refusal for \(rule)")
                    continue
                }
                #expect(business.reason == .invalidParameters)
                #expect(business.message?.contains(rule) == true, "message \(business.message ?? "") should name \(rule)")
            }
            #expect(await state.snapshot().orders.isEmpty)
        }
    }
}
