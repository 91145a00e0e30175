import CoinWeightAPI
import CoinWeightStore
import CoinWeightTestSupport
import Foundation
import Testing

/// `--follow` on `status`, `orders` and `outbox list`: the built binary keeps its view and,
/// not on a terminal, prints each line that a change to the store makes new, whichever process
/// commits it; SIGINT ends it with status 0.
@Suite("cwsync --follow", .serialized)
struct FollowTests {
    /// Writes to `path`'s store from this process, as another program would, and waits for
    /// `child` to print `expected`; returns how long that took.
    static func change(
        _ path: String, _ child: LaunchedCWSync, expecting expected: String, _ body: @escaping @Sendable (StoreTransaction) throws -> Void
    ) async throws -> Duration {
        let store = try CoinWeightStore(path: path)
        defer { try? store.close() }
        let start = ContinuousClock.now
        try await store.write { transaction in try body(transaction) }
        try await waitUntil(timeout: .seconds(30), "the followed view shows \(expected)") { child.output.contains(expected) || !child.process.isRunning }
        return start.duration(to: .now)
    }

    static func newOrder(id: Int) -> Order {
        var order = SampleOrders.make(count: 1, firstID: id, newest: 1_900_000_000_000, seed: UInt64(id))[0]
        order.owner = "2"
        return order
    }

    @Test("status, orders and outbox list: the first view, then the lines another process's commit makes new; SIGINT exits 0")
    func follows() async throws {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("cwsync.sqlite").path
            try await SampleStore.make(at: path, orders: 50)  // status counts "order 50"

            let status = try CWSyncBinary.launch(["status", "--follow", "--store", path])
            defer { status.kill() }
            let orders = try CWSyncBinary.launch(["orders", "--follow", "--json", "--limit", "3", "--store", path])
            defer { orders.kill() }
            let outbox = try CWSyncBinary.launch(["outbox", "list", "--follow", "--store", path])
            defer { outbox.kill() }
            for (child, first) in [(status, "store: "), (orders, "{"), (outbox, "ID")] {
                #expect(try await child.firstLine(timeout: .seconds(60)).hasPrefix(first), "\(child.errors)")
            }

            let order = Self.newOrder(id: 9_000_001)
            let took = try await Self.change(path, orders, expecting: "\"streetOrderId\":\"9000001\"") { try $0.upsertOrders([order]) }
            #expect(orders.output.split(separator: "\n").count == 4, "three orders, then the new one alone: \(orders.output)")
            try await waitUntil(timeout: .seconds(30), "status shows the new count") { status.output.contains("order 51") }
            print("follow: the new order shown \(took) after its commit (polled every 100 ms)")

            let pair = MarketPair(counterParty: "okcoin", symbol: "BTC-USDT")
            _ = try await Self.change(path, outbox, expecting: "addFavorite") { try $0.enqueue(.addFavorite(pair), uid: 2, at: Date()) }
            #expect(outbox.output.contains("pending"), "\(outbox.output)")

            for child in [status, orders, outbox] {
                child.process.send(SIGINT)
                let ended = await child.finished()
                #expect(ended.status == 0 && ended.err.isEmpty, "SIGINT: \(ended.status) \(ended.err)")
            }
        }
    }
}
