import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Testing

/// Pull-to-refresh while the scheduler syncs: the second sync joins the first.
@Suite("Joined syncs")
struct JoinedSyncTests {
    @Test("two syncNow() at once make one sync's requests, and both get its report")
    func twoAtOnceMakeOne() async throws {
        try await SyncHarness.with(seedOrders: 400, seedDays: 20) { harness in
            func mirror(_ name: String, _ transport: ScriptedTransport) async throws -> CoinWeightMirror {
                let path = harness.folder.appendingPathComponent("\(name)/cwsync.sqlite").path
                let mirror = try CoinWeightMirror(
                    storePath: path, baseURL: harness.running.baseURL, transport: transport,
                    configuration: SyncConfiguration(now: { harness.clock.now }))
                _ = try await mirror.login(Credentials(userName: "abc", password: "abc_password"))
                return mirror
            }
            let alone = ScriptedTransport()
            let reference = try await mirror("alone", alone)
            #expect(await reference.syncNow().isComplete)
            try reference.store.close()

            let together = ScriptedTransport()
            let joined = try await mirror("together", together)
            async let first = joined.syncNow()
            async let second = joined.syncNow()
            let (one, two) = await (first, second)
            #expect(one.isComplete && one == two, "both get the one sync's report")
            #expect(
                together.requestedPaths.count == alone.requestedPaths.count,
                "\(together.requestedPaths.count) requests for one sync's \(alone.requestedPaths.count)")
            #expect(try await joined.store.read(.allOrders(OrderFilter(owner: "2"))) == harness.serverOrders(owner: "2"))
            try joined.store.close()
        }
    }
}
