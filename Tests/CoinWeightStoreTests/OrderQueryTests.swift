import CoinWeightAPI
import CoinWeightTestSupport
import Foundation
import GRDB
import Testing

@testable import CoinWeightStore

/// Orders: whole pages upserted in one transaction, filtered history pages, keyset paging.
@Suite("Orders")
struct OrderQueryTests {
    private struct Interrupted: Error {}

    /// Every page of `filter`, walked by cursor.
    private func walk(_ store: CoinWeightStore, _ filter: OrderFilter, limit: Int) async throws -> [Order] {
        var all: [Order] = []
        var cursor: OrderCursor?
        repeat {
            let page = try await store.read(.orders(filter, after: cursor, limit: limit))
            #expect(page.orders.count <= limit)
            all += page.orders
            cursor = page.next
        } while cursor != nil
        return all
    }

    /// What `filter` should return, computed in memory.
    private func expected(_ orders: [Order], _ filter: OrderFilter) -> [Order] {
        orders.filter { order in
            order.owner == filter.owner
                && filter.symbol.map { $0 == order.symbol } ?? true
                && filter.counterParty.map { $0 == order.counterParty } ?? true
                && filter.side.map { $0 == order.side } ?? true
                && filter.executionTypes.map { $0.contains(order.executionType) } ?? true
                && filter.createdIn.map { $0.contains(order.createTime) } ?? true
        }.sorted { ($0.createTime, $0.streetOrderId) > ($1.createTime, $1.streetOrderId) }
    }

    @Test("a page of orders round trips with its decimal text exact")
    func roundTrip() async throws {
        try await withStore { store, _ in
            var orders = SampleOrders.make(count: 1_000)
            orders[0].price = "0.000000000000000000000000000001"
            orders[1].quantity = "123456789012345678901234567890.10"
            orders[2].executionType = .unknown("EXECUTION_EXPIRED")
            let page = orders
            #expect(try await store.write { try $0.upsertOrders(page) } == 1_000)
            for order in orders.prefix(3) {
                #expect(try await store.read(.order(id: order.streetOrderId)) == order)
            }
            let stored = try await walk(store, OrderFilter(owner: "2"), limit: 200)
            #expect(stored == expected(orders, OrderFilter(owner: "2")))
        }
    }

    @Test("an upsert never takes an order back to an older state")
    func noRegression() async throws {
        try await withStore { store, _ in
            var order = SampleOrders.make(count: 1)[0]
            order.executionType = .acknowledged
            var filled = order
            filled.executionType = .filled
            filled.processedTime += 5_000
            try await store.write { [order, filled] in
                try $0.upsertOrders([order])
                try $0.upsertOrders([filled])
            }
            let changed = try await store.write { [order] in try $0.upsertOrders([order]) }
            #expect(changed == 0, "a lagging read of the order changes nothing")
            #expect(try await store.read(.order(id: order.streetOrderId)) == filled)
        }
    }

    @Test("a page whose transaction fails leaves nothing of it")
    func wholePageOrNothing() async throws {
        try await withStore { store, _ in
            let orders = SampleOrders.make(count: 500)
            await #expect(throws: Interrupted.self) {
                try await store.write { transaction in
                    try transaction.upsertOrders(orders.prefix(250))
                    try transaction.saveSyncState(SyncState(resource: "orders.history:2", cursor: "250"))
                    throw Interrupted()
                }
            }
            let page = try await store.read(.orders(OrderFilter(owner: "2"), limit: 10))
            let state = try await store.read(.syncState("orders.history:2"))
            #expect(page.orders.isEmpty)
            #expect(state == nil)
        }
    }

    @Test(
        "filters: each alone and all together match an in-memory filter, newest first, and count as many",
        arguments: [
            OrderFilter(owner: "2"),
            OrderFilter(owner: "strategy-10", symbol: "ETH-USDT"),
            OrderFilter(owner: "2", counterParty: "huobi"),
            OrderFilter(owner: "3", side: .ask),
            OrderFilter(owner: "2", executionTypes: ExecutionType.activeStates),
            OrderFilter(owner: "2", createdIn: 1_789_990_000_000...1_789_995_000_000),
            OrderFilter(
                owner: "2", symbol: "EOS-USDT", counterParty: "huobi", side: .bid, executionTypes: [.filled, .canceled],
                createdIn: 1_789_980_000_000...1_789_999_000_000),
            OrderFilter(owner: "nobody"),
        ])
    func filters(filter: OrderFilter) async throws {
        try await withStore { store, _ in
            let orders = SampleOrders.make(count: 3_000)
            try await store.write { try $0.upsertOrders(orders) }
            let walked = try await walk(store, filter, limit: 37)
            #expect(walked == expected(orders, filter))
            #expect(try await store.read(.orderCount(filter)) == walked.count)
        }
    }

    @Test("keyset paging is stable while rows land: every original row once, none twice")
    func stableWhileInserting() async throws {
        try await withStore { store, _ in
            let original = SampleOrders.make(count: 1_000)
            try await store.write { try $0.upsertOrders(original) }
            let filter = OrderFilter(owner: "2")
            var seen: [Order] = []
            var cursor: OrderCursor?
            var batch = 0
            repeat {
                let page = try await store.read(.orders(filter, after: cursor, limit: 25))
                seen += page.orders
                cursor = page.next
                batch += 1
                let newer = SampleOrders.make(
                    count: 20, firstID: 5_000_000 + batch * 100, newest: 1_800_000_000_000 + Int64(batch) * 1_000_000, seed: UInt64(batch))
                try await store.write { try $0.upsertOrders(newer) }
            } while cursor != nil
            let ids = seen.map(\.streetOrderId)
            #expect(Set(ids).count == ids.count, "no row twice")
            #expect(seen == expected(original, filter), "exactly the rows older than the first page's top, in order")
        }
    }

    @Test(
        "history pages use an index in order: no sort, no scan of the table",
        arguments: [
            OrderFilter(owner: "2"),
            OrderFilter(owner: "2", symbol: "ETH-USDT", createdIn: 1...2),
            OrderFilter(owner: "2", symbol: "ETH-USDT", side: .bid, executionTypes: [.filled]),
        ])
    func queryPlan(filter: OrderFilter) async throws {
        try await withStore { store, _ in
            try await store.write { try $0.upsertOrders(SampleOrders.make(count: 2_000)) }
            try await store.pool.write { db in try db.execute(sql: "ANALYZE") }
            let (sql, arguments) = OrderPageSQL(filter: filter, cursor: OrderCursor(createTime: 1_789_999_000_000, streetOrderId: "1000100"), limit: 50)
                .statement
            let plan = try await store.pool.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
            }
            let joined = plan.joined(separator: " | ")
            #expect(joined.contains("SEARCH") && joined.contains("INDEX order_by_owner"), "\(joined)")
            #expect(!joined.contains("TEMP B-TREE") && !joined.contains("SCAN"), "\(joined)")
        }
    }
}
