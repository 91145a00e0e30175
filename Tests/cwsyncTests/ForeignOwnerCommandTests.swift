import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Testing

/// A write for another user's account that is queued anyway fails alone: `cwsync sync`,
/// `status` and `outbox list` say so and what to do, and the queue behind it is delivered.
@Suite("A write for another user's account, on the command line")
struct ForeignOwnerCommandTests {
    @Test("the same queue delivered by cwsync sync: 20 delivered, 1 failed, then 0 waiting; sync, status and outbox list say what to do about the failed one")
    func failsAloneThroughTheCLI() async throws {
        // The binary reads the token's expiry on the real clock: an emulator on it too.
        try await CoinWeightEmulator.withRunning(EmulatorConfiguration()) { running, _ in
            try await withTemporaryDirectory { folder in
                let store = try CoinWeightStore(path: folder.appendingPathComponent("cwsync.sqlite").path)
                defer { try? store.close() }
                let client = try CoinWeightClient(baseURL: running.baseURL)
                let session = try await client.login(Credentials(userName: "abc", password: "abc_password"))
                try SessionFile(besideStore: store.path).save(session)
                #expect(await SyncEngine(client: client, store: store).sync(uid: 2, only: [.symbols]).failures.isEmpty)
                let outbox = Outbox(client: client, store: store)
                let options = ["--store", store.path, "--endpoint", running.baseURL.absoluteString]
                let now = Date()
                let bad = try await store.write { try $0.enqueue(.cancelAllOrders(CancelAllRequest(owner: "3")), uid: 2, at: now) }
                for index in 1...20 {
                    // A deadline no slow machine reaches: the binary sends them on the real clock.
                    _ = try await outbox.placeOrder(NewOrder.sample(quantity: ExactDecimal("1.\(2000 + index)")!), uid: 2, validFor: .seconds(3_600))
                }
                let synced = try await WriteCommandTests.cwsync(["sync"] + options)
                #expect(synced.status == 3, "partial: one write failed: \(synced.err)")
                #expect(synced.out.contains(" delivered, 1 failed, ") && synced.out.contains(", 0 expired"), "\(synced.out)")
                #expect(synced.err.contains("cwsync outbox retry ID") && !synced.err.contains("log in"), "\(synced.err)")
                // A loaded machine may leave a create whose answer came late to be looked up
                // by a later sync; each sync's line counts what still waits.
                var last = synced
                try await waitUntil("every valid write delivered") {
                    let waiting = try await store.read(.outbox(uid: 2, states: [.pending, .sending])).count
                    if waiting > 0 { last = try await WriteCommandTests.cwsync(["sync"] + options) }
                    return waiting == 0
                }
                #expect(last.out.contains(" 0 waiting, 0 expired") && !last.err.contains("log in"), "\(last.out)")

                let status = try await WriteCommandTests.cwsync(["status", "--store", store.path])
                #expect(status.out.contains("pending 0, sending 0, delivered 20, failed 1, expired 0"), "\(status.out)")
                #expect(
                    status.out.contains("endpoint: \(running.baseURL.absoluteString)") && status.out.contains("the last attempt succeeded"), "\(status.out)")
                #expect(status.out.contains("cwsync outbox list --state failed,expired") && !status.out.contains("run cwsync login"), "\(status.out)")
                let stored = try await store.read(.allOrders(OrderFilter(owner: "2"))).count
                #expect(status.out.contains("order \(stored)") && stored >= 20, "rows held: \(status.out)")

                let listed = try await WriteCommandTests.cwsync(["outbox", "list", "--state", "failed", "--store", store.path])
                #expect(listed.out.contains("\(bad)") && listed.out.contains("403") && listed.err.contains("cwsync outbox retry ID"), "\(listed)")
                let delivered = try await store.read(.outbox(uid: 2, states: [.delivered]))
                #expect(delivered.count == 20 && delivered.allSatisfy { $0.errorMessage == nil }, "a delivered entry shows no stale error")
            }
        }
    }
}
