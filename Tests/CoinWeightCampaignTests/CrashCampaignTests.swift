import CoinWeightEmulator
import CoinWeightTestSupport
import Foundation
import Testing

/// The daemon killed with SIGKILL at random moments, again and again, while it delivers a
/// queue of mixed writes and syncs history; restarted each time. Nothing may be lost or done
/// twice, and the store must stay sound.
@Suite("crash campaign", .serialized)
struct CrashCampaignTests {
    @Test("SIGKILL at random moments during delivery and history sync: every write once on the server, the mirror the server's, the store sound")
    func crashCampaign() async throws {
        let form = CampaignForm.current
        // Within the 90 days a first sync reads back.
        try await CampaignRig.with(seedOrders: form.seedOrders, seedDays: 89) { rig in
            var report = CampaignReport("Crash campaign (\(form.name) form)")
            var random = SeededRandom(seed: 20_261_125)
            // 20 ms a request: the first history sync (89 days, a day a window) takes seconds.
            await rig.state.setFaults(FaultPlan(latencyMilliseconds: 20))
            try await rig.login()
            var ledger = try await rig.prepare()
            var lifetimes: [Duration] = []
            for round in 1...form.kills {
                for _ in 0..<Int.random(in: 1...3, using: &random) { try await rig.queueWrite(&ledger, random: &random) }
                await rig.moveOrdersToHistory(3, random: &random)
                let daemon = try rig.startDaemon(round, interval: 1)
                let started = ContinuousClock.now
                let lifetime = Duration.milliseconds(Int.random(in: 50...2_500, using: &random))
                // One more write while it runs; the kill comes when it comes, even in the middle of that write.
                let queued = Task { [ledger, random] in
                    var (during, draw) = (ledger, random)
                    try await rig.queueWrite(&during, random: &draw)
                    return (during, draw)
                }
                try await Task.sleep(until: started + lifetime)
                let wasRunning = daemon.isRunning
                daemon.send(SIGKILL)
                lifetimes.append(ContinuousClock.now - started)
                let exit = await daemon.exited()
                (ledger, random) = try await queued.value
                #expect(wasRunning && exit == .signal(SIGKILL), "daemon \(round) ended before its kill: \(exit)")
            }
            await rig.state.setFaults(FaultPlan())
            let last = try rig.startDaemon(form.kills + 1, interval: 1)
            try await rig.drain(within: .seconds(180))
            try await rig.stopGracefully(last, number: form.kills + 1)
            try await rig.verifyConverged(ledger, report: &report)

            let sorted = lifetimes.sorted()
            report.add("daemons killed with SIGKILL and restarted", lifetimes.count)
            report.add("time from launch to kill: min / median / max", "\(sorted.first ?? .zero) / \(sorted[sorted.count / 2]) / \(sorted.last ?? .zero)")
            report.add("orders of history the emulator started with (89 days, 20 ms a request)", form.seedOrders)
            try report.publish()
        }
    }
}
