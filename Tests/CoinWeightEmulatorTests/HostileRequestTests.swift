import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightTestSupport
import Foundation
import Testing

/// What a schema fuzzer sends: well-formed requests with extreme values. The emulator answers
/// each of them and keeps answering; its ids never name two items.
@Suite("Hostile requests")
struct HostileRequestTests {
    @Test("extreme pageIndex, pageSize and window values answer with a page, never trap; the next request still answers")
    func extremePaging() async throws {
        let configuration = EmulatorConfiguration(controlEnabled: true, seedOrders: 50, seedDays: 2)
        try await EmulatorHarness.with(configuration) { harness in
            let token = try #require(harness.abc.authToken?.rawValue)
            let queries = [
                "pageIndex=9223372036854775806&pageSize=10",
                "pageIndex=2&pageSize=9223372036854775807",
                "pageIndex=9223372036854775807&pageSize=9223372036854775807",
                "startTime=-9223372036854775808&endTime=9223372036854775807&pageIndex=9223372036854775807",
                "startTime=9223372036854775807&endTime=-9223372036854775808",
            ]
            for query in queries {
                let response = try await harness.raw(.get, harness.api("/order/inactive?owner=2&\(query)"), token: token)
                let body = String(decoding: response.body, as: UTF8.self)
                #expect(response.status == 200 && body.contains(#""success":true"#) && body.contains(#""content":[]"#), "\(query): \(body)")
            }
            let whole = try await harness.abc.inactiveOrders(
                InactiveOrderQuery(owner: "2", startTime: .min, endTime: .max, pageIndex: 0, pageSize: 1_000))
            #expect(whole.content.count == (try await harness.snapshot().orders(owner: "2").filter { !$0.executionType.isActive }.count))
        }
    }

    @Test("a deleted strategy's id is never given again: a stale reference to it fails instead of acting on a new item")
    func strategyIDsNotReused() async throws {
        try await EmulatorHarness.with { harness in
            let template = try #require(try await harness.abc.strategyTemplates().first?.defaultItem)
            let first = try await harness.abc.createStrategyItem(uid: 2, template)
            let second = try await harness.abc.createStrategyItem(uid: 2, template)
            let stale = try #require(second.id)
            _ = try await harness.abc.deleteStrategyItem(uid: 2, id: stale)
            let third = try await harness.abc.createStrategyItem(uid: 2, template)
            #expect(third.id != stale && third.id != first.id, "ids \(String(describing: first.id)), \(stale), \(String(describing: third.id))")
            await #expect(throws: CoinWeightError.self, "the stale id names nothing") { try await harness.abc.deleteStrategyItem(uid: 2, id: stale) }
            #expect(try await harness.abc.strategyItems(uid: 2).contains { $0.id == third.id }, "the new item is untouched")
        }
    }
}
