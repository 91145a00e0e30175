import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightTestSupport
import Foundation
import Testing

/// Ctrl-C during `cwsync sync`: the sync stops between two transactions, says so, exits 130,
/// and is not recorded as a success; the next sync finishes the job.
@Suite("An interrupted sync")
struct InterruptedSyncTests {
    @Test("SIGINT during the history walk: exit 130, one line saying so, the history not marked synced; the next sync completes it")
    func sigintDuringHistory() async throws {
        // Every history page takes 2 s, a walk of 10 pages or more: SIGINT lands inside it.
        let configuration = EmulatorConfiguration(seedOrders: 1_000, seedDays: 10)
        try await CoinWeightEmulator.withRunning(configuration) { running, state in
            try await withTemporaryDirectory { folder in
                let store = folder.appendingPathComponent("cwsync.sqlite").path
                let options = ["--store", store, "--endpoint", running.baseURL.absoluteString]
                let login = try await CWSyncBinary.run(["login", "--user", "abc", "--password-stdin"] + options, input: "abc_password\n")
                #expect(login.status == 0, "\(login.err)")
                await state.setFaults(FaultPlan(latencyMilliseconds: 2_000, paths: ["/order/inactive"]))

                let sync = try CWSyncBinary.launch(["sync"] + options)
                defer { sync.kill() }
                try await waitUntil("the history walk has started") { await state.injectedFaultCounts().delayed >= 1 }
                sync.process.send(SIGINT)
                let interrupted = await sync.finished()
                #expect(interrupted.status == 130 && !interrupted.killed, "exit \(interrupted.status): \(interrupted.err)")
                let said = interrupted.errorLines.filter { $0.hasPrefix("cwsync:") }
                #expect(
                    said.count == 1 && said.first?.contains("interrupted:") == true && said.first?.contains("cwsync sync again") == true, "\(interrupted.err)")
                #expect(!interrupted.err.contains("warning"), "an interruption is not a failure to warn about: \(interrupted.err)")
                #expect(!interrupted.out.contains("orderHistory: synced"), "\(interrupted.out)")

                let status = try await CWSyncBinary.run(["status", "--json", "--store", store])
                let report = try #require(try JSONSerialization.jsonObject(with: Data(status.out.utf8)) as? [String: Any])
                let history = try #require((report["resources"] as? [[String: Any]])?.first { $0["resource"] as? String == "orderHistory:2" }, "\(status.out)")
                #expect(history["lastSuccessAt"] == nil && history["lastError"] as? String == "interrupted before it finished", "\(history)")

                await state.setFaults(FaultPlan())
                let again = try await CWSyncBinary.run(["sync"] + options)
                #expect(again.status == 0 && again.out.contains("orderHistory: synced"), "\(again.out)\(again.err)")
                let orders = try await CWSyncBinary.run(["orders", "--limit", "5000", "--json", "--store", store])
                let stored = orders.out.split(separator: "\n").filter { $0.contains("streetOrderId") }.count
                #expect(stored == (await state.snapshot().orders(owner: "2").count), "the history complete")
            }
        }
    }
}
