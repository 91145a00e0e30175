import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Testing

/// Strategy writes through the outbox: local ids rewritten to the server's, updates folded,
/// and a create whose answer was lost adopted instead of made twice.
@Suite("Outbox: strategies")
struct StrategyOutboxTests {
    /// A new item shaped like abc's first one, named `name`.
    static func newItem(_ harness: SyncHarness, name: String) async throws -> StrategyItem {
        let template = try #require(try await harness.store.read(.strategyItems(uid: 2)).first)
        var item = template.withID(nil)
        item.name = name
        return item
    }

    static func serverItems(_ harness: SyncHarness, named name: String) async -> [StrategyItem] {
        await harness.state.snapshot().user(2)?.strategies.filter { $0.name == name } ?? []
    }

    @Test("a strategy created offline gets a local id; the update and start queued on it go with the server's id")
    func localIDRewritten() async throws {
        try await SyncHarness.withOutbox { harness, outbox in
            #expect(await harness.engine.sync(uid: 2, only: [.strategies]).failures.isEmpty)
            let item = try await Self.newItem(harness, name: "offline-mm")
            let (create, localID) = try await outbox.createStrategy(item, uid: 2)
            #expect(try await harness.store.read(.strategyItems(uid: 2)).last?.id == localID, "shown at once")

            await harness.state.setFaults(FaultPlan(serverErrorRate: 1, paths: ["/config/strategy/custom/2/item/create"]))
            #expect(await outbox.deliver(uid: 2).unresolved == [create])
            await harness.state.setFaults(FaultPlan())
            var renamed = item.withID(localID)
            renamed.name = "offline-mm-2"
            let update = try await outbox.enqueue(.updateStrategy(renamed), uid: 2)
            let start = try await outbox.enqueue(.startStrategy(renamed), uid: 2)
            #expect(try await harness.store.read(.strategyStatuses(uid: 2)).contains(StrategyStatus(id: localID, status: .running)))

            harness.clock.advance(by: 11)
            let report = await outbox.deliver(uid: 2)
            let entries = try await harness.store.read(.outbox(uid: 2))
            #expect(report.delivered == [create, update, start], "\(report) \(entries)")
            let onServer = await Self.serverItems(harness, named: "offline-mm-2")
            let oldName = await Self.serverItems(harness, named: "offline-mm")
            #expect(onServer.count == 1 && oldName.isEmpty)
            let serverID = try #require(onServer.first?.id)
            let status = await harness.state.snapshot().user(2)?.strategyStatus[serverID]
            #expect(status == .running)
            let mirrored = try await harness.store.read(.strategyItems(uid: 2))
            #expect(mirrored.contains { $0.id == serverID && $0.name == "offline-mm-2" } && !mirrored.contains { $0.id == localID })
            #expect(try await harness.store.read(.strategyStatuses(uid: 2)).contains(StrategyStatus(id: serverID, status: .running)))
        }
    }

    @Test("three updates of one strategy queued offline send only the last")
    func updatesFold() async throws {
        let transport = ScriptedTransport()
        try await SyncHarness.withOutbox(transport: transport) { harness, outbox in
            #expect(await harness.engine.sync(uid: 2, only: [.strategies]).failures.isEmpty)
            var item = try #require(try await harness.store.read(.strategyItems(uid: 2)).first)
            for name in ["a", "b", "c"] {
                item.name = name
                try await outbox.enqueue(.updateStrategy(item), uid: 2)
            }
            #expect(await outbox.deliver(uid: 2).delivered.count == 1)
            #expect(transport.requestedPaths.filter { $0.hasSuffix("/item/update") }.count == 1)
            let updated = await harness.state.snapshot().user(2)?.strategies.first { $0.id == item.id }
            #expect(updated?.name == "c")
        }
    }

    @Test("a create whose answer was lost is found on the server and adopted, not made twice")
    func lostAnswerAdopted() async throws {
        try await SyncHarness.withOutbox { harness, outbox in
            #expect(await harness.engine.sync(uid: 2, only: [.strategies]).failures.isEmpty)
            let item = try await Self.newItem(harness, name: "lost-answer")
            let (create, _) = try await outbox.createStrategy(item, uid: 2)
            await harness.state.setFaults(FaultPlan(dropAfterEffectRate: 1, paths: ["/config/strategy/custom/2/item/create"]))
            #expect(await outbox.deliver(uid: 2).unresolved == [create])
            await harness.state.setFaults(FaultPlan())
            harness.clock.advance(by: 1)
            #expect(await outbox.deliver(uid: 2).delivered == [create])
            let onServer = await Self.serverItems(harness, named: "lost-answer")
            #expect(onServer.count == 1, "made once")
            #expect(try await harness.store.read(.createdServerIDs).contains(onServer[0].id ?? ""))
        }
    }
}
