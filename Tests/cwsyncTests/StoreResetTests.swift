import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Testing

/// Starting over without losing a write: `sync --full` and `store reset`.
@Suite("cwsync sync --full and store reset")
struct StoreResetTests {
    /// abc's orders in the store, as `cwsync` would read them.
    static func stored(_ path: String) async throws -> [Order] {
        let store = try CoinWeightStore(path: path)
        defer { try? store.close() }
        return try await store.read(.allOrders(OrderFilter(owner: "2")))
    }

    @Test(
        "orders older than the high-water mark that a sync cannot see are read by sync --full; store reset keeps the queued write, and the next sync gives the server's orders"
    )
    func fullSyncAndReset() async throws {
        try await CoinWeightEmulator.withRunning(EmulatorConfiguration(controlEnabled: true, seedOrders: 150, seedDays: 10)) { running, state in
            try await withTemporaryDirectory { folder in
                let store = folder.appendingPathComponent("cwsync.sqlite").path
                func server() async -> [Order] {
                    await state.snapshot().orders(owner: "2").sorted { ($0.createTime, $0.streetOrderId) > ($1.createTime, $1.streetOrderId) }
                }
                let login = try await CWSyncBinary.run(
                    ["login", "--user", "abc", "--password-stdin", "--store", store, "--endpoint", running.baseURL.absoluteString], input: "abc_password\n")
                #expect(login.status == 0, "\(login.err)")
                #expect(try await CWSyncBinary.run(["sync", "--store", store]).status == 0)
                #expect(try await Self.stored(store) == server())

                // History the server learns of late, older than where the last walk stopped.
                let fiveDaysAgo = Date().addingTimeInterval(-5 * 86_400).millisecondsSince1970
                #expect(await state.seedHistory(owner: "2", count: 60, days: 3, seed: 9, endTime: fiveDaysAgo) == 60)
                #expect(try await CWSyncBinary.run(["sync", "--store", store]).status == 0)
                let (seen, all) = (try await Self.stored(store).count, await server().count)
                #expect(seen < all, "an incremental sync stops at its high-water mark (it sees only the new active orders): \(seen) of \(all)")
                let full = try await CWSyncBinary.run(["sync", "--full", "--store", store])
                #expect(full.status == 0, "\(full.err)")
                #expect(try await Self.stored(store) == server(), "the whole history, read again")

                let queued = try await CWSyncBinary.run([
                    "order", "create", "--counter-party", "binance", "--symbol", "ETH-USDT", "--side", "BID",
                    "--type", "LIMIT", "--price", "2000.50", "--quantity", "1.3579", "--store", store,
                ])
                #expect(queued.status == 0, "\(queued.err)")
                let reset = try await CWSyncBinary.run(["store", "reset", "--store", store])
                #expect(reset.status == 0 && reset.out.contains("1 queued write kept"), "\(reset.out)\(reset.err)")
                let left = try await Self.stored(store)
                #expect(
                    left.count == 1 && left[0].quantity == "1.3579" && left[0].streetOrderId.hasPrefix("local-"), "only the queued create, still shown: \(left)"
                )
                #expect(SessionFile(besideStore: store).load() != nil, "the session stays")

                let again = try await CWSyncBinary.run(["sync", "--store", store])
                #expect(again.status == 0 && again.out.contains("outbox: 1 delivered"), "\(again.out)\(again.err)")
                let after = try await CWSyncBinary.run(["sync", "--store", store])
                #expect(after.status == 0)
                #expect(try await Self.stored(store) == server(), "the mirror is the server's again, the delivered order in it")
            }
        }
    }
}
