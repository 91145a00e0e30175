import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightTestSupport
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The path a new user follows, with the built binary only: quickstart, then a server of
/// their own with other data, logged in and synced on the default store.
@Suite("A newcomer's first steps", .serialized)
struct NewcomerPathTests {
    @Test(
        "quickstart, then login and sync against a second emulator on the default store: the mirror equals that emulator's state dump, order for order, and holds nothing of the first"
    )
    func quickstartThenOwnServer() async throws {
        try await withTemporaryDirectory { folder in
            let defaultStore = folder.appendingPathComponent("sync-state/cwsync.sqlite").path
            let environment = ["CWSYNC_STORE": defaultStore]
            let quickstart = try await CWSyncBinary.run(["quickstart", "--seed-orders", "300"], of: .emulator, environment: environment)
            #expect(quickstart.status == 0, "\(quickstart.out)\(quickstart.err)")
            let quickstartOrders = try await Self.orders(in: folder.appendingPathComponent("sync-state/quickstart/cwsync.sqlite").path)
            #expect(quickstartOrders.count >= 300, "the quickstart mirrored its own server")

            let emulator = try CWSyncBinary.launch(["--port", "0", "--seed-orders", "5000", "--seed-days", "30", "--control"], of: .emulator)
            defer { emulator.kill() }
            let base = try #require(URL(string: try await emulator.firstLine()))
            let login = try await CWSyncBinary.run(
                ["login", "--user", "abc", "--password-stdin", "--endpoint", base.absoluteString],
                input: "abc_password\n", environment: environment)
            #expect(login.status == 0, "\(login.err)")
            let sync = try await CWSyncBinary.run(["sync"], environment: environment)
            #expect(sync.status == 0 && sync.out.contains("orderHistory: synced"), "\(sync.out)\(sync.err)")

            let dumpURL = base.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("_emulator/state")
            let (body, _) = try await URLSession.shared.data(from: dumpURL)
            let dump = try JSONDecoder().decode(EmulatorSnapshot.self, from: body)
            let expected = dump.orders(owner: "2").sorted { ($0.createTime, $0.streetOrderId) > ($1.createTime, $1.streetOrderId) }
            let mirrored = try await Self.orders(in: defaultStore)
            #expect(expected.count >= 5_000)
            // Equal to the dump, order for order: nothing of the quickstart's server is in it.
            #expect(mirrored == expected, "order for order: \(mirrored.count) mirrored, \(expected.count) on the server")
            #expect(try CoinWeightStore.identity(at: defaultStore)?.isEndpoint(base) == true)
            _ = await emulator.terminate()
        }
    }

    /// abc's orders in the store at `path`, newest first.
    static func orders(in path: String) async throws -> [Order] {
        let store = try CoinWeightStore(path: path)
        defer { try? store.close() }
        return try await store.read(.allOrders(OrderFilter(owner: "2")))
    }
}
