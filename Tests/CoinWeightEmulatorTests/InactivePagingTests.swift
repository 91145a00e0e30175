import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightTestSupport
import Foundation
import Testing

/// `/order/inactive` paging: the page cap, `totalPage`, and windows on `createTime`.
@Suite("Inactive order paging")
struct InactivePagingTests {
    @Test("a pageSize above the cap gets the cap; walking totalPage pages returns every order once, newest first")
    func capAndWalk() async throws {
        let clock = ManualClock()
        let configuration = EmulatorConfiguration(pageSizeCap: 40, controlEnabled: true, seedOrders: 300, seedDays: 3, now: { clock.now })
        try await EmulatorHarness.with(configuration) { harness in
            let now = clock.now.millisecondsSince1970
            let start = now - 3 * 24 * 3600 * 1000
            let expected = try await harness.snapshot().orders(owner: "2")
                .filter { !$0.executionType.isActive && $0.createTime >= start }
                .sorted { $0.createTime > $1.createTime }
            try #require(expected.count > 100, "the seed gives enough history to page")

            let first = try await harness.abc.inactiveOrders(InactiveOrderQuery(owner: "2", startTime: start, endTime: now, pageIndex: 0, pageSize: 500))
            #expect(first.content.count == 40)
            #expect(first.totalPage == (expected.count + 39) / 40)

            var walked: [Order] = first.content
            for index in 1..<first.totalPage {
                let page = try await harness.abc.inactiveOrders(InactiveOrderQuery(owner: "2", startTime: start, endTime: now, pageIndex: index, pageSize: 500))
                walked += page.content
            }
            #expect(walked.map(\.streetOrderId) == expected.map(\.streetOrderId))
            let past = try await harness.abc.inactiveOrders(
                InactiveOrderQuery(owner: "2", startTime: start, endTime: now, pageIndex: first.totalPage, pageSize: 40))
            #expect(past.content.isEmpty && past.totalPage == first.totalPage)
        }
    }

    @Test("the default window is the last 24 hours; a bad page is a parameters error")
    func defaultsAndBadPages() async throws {
        let clock = ManualClock()
        let configuration = EmulatorConfiguration(controlEnabled: true, seedOrders: 400, seedDays: 4, now: { clock.now })
        try await EmulatorHarness.with(configuration) { harness in
            let now = clock.now.millisecondsSince1970
            let lastDay = try await harness.snapshot().orders(owner: "2")
                .filter { !$0.executionType.isActive && $0.createTime >= now - 24 * 3600 * 1000 }
            let page = try await harness.abc.inactiveOrders(InactiveOrderQuery(owner: "2"))
            #expect(page.content.count == min(10, lastDay.count), "default pageSize 10")
            #expect(page.totalPage == (lastDay.count + 9) / 10)

            let failure = try await error { try await harness.abc.inactiveOrders(InactiveOrderQuery(owner: "2", pageIndex: -1)) }
            guard case .rejected(let refusal) = failure else {
                Issue.record("expected a parameters error, got \(String(describing: failure))")
                return
            }
            #expect(refusal.code == 4 && refusal.reason == .invalidParameters)
        }
    }
}
