import CoinWeightAPI
import CoinWeightEmulator
import Foundation
import Testing

@Suite("Strategy contract")
struct StrategyContractTests {
    @Test(arguments: Wire.allCases) func templatesCarryBothSymbolShapes(wire: Wire) async throws {
        try await wire.withRunning { running, _ in
            let client = try CoinWeightClient(baseURL: running.baseURL, transport: running.transport)
            let templates = try await client.strategyTemplates()
            #expect(templates.map(\.name) == ["VolumeMarketMaker", "SingleMarketMaker"])
            let volume = try #require(templates.first?.defaultItem.symbols.first)
            #expect(volume["currency1"] == .string("ETH"))
            #expect(volume["delayVar"] == .number(10))
            let single = try #require(templates.last?.defaultItem)
            #expect(single.owner == "strategy-11")
            #expect(single.symbols.first?["middlePriceStep"] == .number(Decimal(string: "0.0001")!))
        }
    }

    @Test(arguments: Wire.allCases) func itemsCreateUpdateDeleteRoundTrip(wire: Wire) async throws {
        try await wire.withRunning { running, state in
            let abc = try await running.login()
            let existing = try await abc.client.strategyItems(uid: abc.uid)
            #expect(existing == (await state.snapshot().user(2)?.strategies ?? []))
            #expect(existing.first?.id == "1")
            #expect(existing.first?.symbols.first?["currency"] == .string("ETH"))

            var item = try #require(try await abc.client.strategyTemplates().first?.defaultItem)
            item.owner = "strategy-12"
            item.extraFields["note"] = .string("kept")
            let created = try await abc.client.createStrategyItem(uid: abc.uid, item)
            let id = try #require(created.id)
            #expect(id != "1")
            #expect(created.withID(nil) == item)

            var changed = created
            changed.symbols[0]["orderQty"] = .number(Decimal(string: "0.25")!)
            let updated = try await abc.client.updateStrategyItem(uid: abc.uid, changed)
            #expect(updated == changed)
            #expect(try await abc.client.strategyItems(uid: abc.uid).last == changed)

            let deleted = try await abc.client.deleteStrategyItem(uid: abc.uid, id: id)
            #expect(deleted == changed)
            #expect(try await abc.client.strategyItems(uid: abc.uid) == existing)
        }
    }

    @Test(arguments: Wire.allCases) func startStopLeaveAndStatus(wire: Wire) async throws {
        try await wire.withRunning { running, state in
            let abc = try await running.login()
            let item = try #require(try await abc.client.strategyItems(uid: abc.uid).first)
            #expect(try await abc.client.strategyStatuses(uid: abc.uid) == [StrategyStatus(id: "1", status: .stopped)])

            #expect(try await abc.client.startStrategy(userID: abc.uid, strategy: item) == StrategyStatus(id: "1", status: .running))
            #expect(try await abc.client.strategyStatuses(uid: abc.uid) == [StrategyStatus(id: "1", status: .running)])

            // Leave keeps the strategy's orders on the book; stop cancels them.
            let order = try await abc.client.createOrder(limitOrder(owner: "strategy-10"))
            #expect(try await abc.client.leaveStrategy(userID: abc.uid, strategy: item).status == .stopped)
            #expect(await state.order(id: order.streetOrderId)?.executionType == .acknowledged)
            _ = try await abc.client.startStrategy(userID: abc.uid, strategy: item)
            #expect(try await abc.client.stopStrategy(userID: abc.uid, strategy: item).status == .stopped)
            #expect(await state.order(id: order.streetOrderId)?.executionType == .canceled)
        }
    }

    @Test(arguments: Wire.allCases) func unknownStrategyIsWrongOwner(wire: Wire) async throws {
        try await wire.withRunning { running, _ in
            let abc = try await running.login()
            let ghost = StrategyItem(id: "999", name: "x", exchange: "binance", strategyType: "SingleMarketMaker", symbols: [])
            let error = await #expect(throws: CoinWeightError.self) { try await abc.client.startStrategy(userID: abc.uid, strategy: ghost) }
            guard case .rejected(let business)? = error else {
                Issue.record("expected a refusal")
                return
            }
            #expect(business.code == 500)
            #expect(business.reason == .wrongOwner)
        }
    }
}
