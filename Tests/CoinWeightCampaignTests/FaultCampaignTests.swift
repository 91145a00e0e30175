import CoinWeightEmulator
import CoinWeightTestSupport
import Foundation
import Testing

/// A soak of the daemon against a server that fails in every way the emulator can: each
/// fault switched on at 30% for a phase while writes keep being queued. It must never crash,
/// converge once the faults stop, and its memory must stay flat.
@Suite("fault campaign", .serialized)
struct FaultCampaignTests {
    /// The faults, each at 30%, one phase each. Latency spikes: 30% of the moments, a second a request.
    static let phases: [(name: String, plan: FaultPlan)] = [
        ("5xx", FaultPlan(serverErrorRate: 0.3)),
        ("429 with Retry-After: 1", FaultPlan(rateLimitRate: 0.3, retryAfterSeconds: 1)),
        ("dropped connections (before the effect)", FaultPlan(dropBeforeEffectRate: 0.3)),
        ("lost responses (after the effect)", FaultPlan(dropAfterEffectRate: 0.3)),
        ("malformed bodies (after the effect)", FaultPlan(malformedRate: 0.3)),
        ("latency spikes", FaultPlan(latencyMilliseconds: 1_000)),
        ("read lag of 3 s", FaultPlan(readLagMilliseconds: 3_000)),
        ("token expiry", FaultPlan(tokenExpiryRate: 0.3)),
    ]

    @Test(
        "every fault at 30% in turn, writes queued throughout: no crash, flat memory, and everything converges once the faults stop",
        arguments: [false, true])
    func faultCampaign(overTLS: Bool) async throws {
        let form = CampaignForm.current
        try await CampaignRig.with(seedOrders: form.seedOrders / 3, seedDays: 90, tls: overTLS) { rig in
            var report = CampaignReport("Fault campaign (\(form.name) form\(overTLS ? ", over TLS" : ""))")
            var random = SeededRandom(seed: 20_261_126)
            try await rig.login()
            var ledger = try await rig.prepare()
            let daemon = try rig.startDaemon(1, interval: 2)
            let sampler = Task { await Self.sampleResidentMemory(of: daemon.pid) }
            var logins = 0
            for phase in Self.phases {
                let end = ContinuousClock.now + form.phase
                while ContinuousClock.now < end {
                    let spike = phase.name == "latency spikes" && !random.chance(0.3)
                    await rig.state.setFaults(spike ? FaultPlan() : phase.plan)
                    try await rig.queueWrite(&ledger, random: &random)
                    await rig.moveOrdersToHistory(1, random: &random)
                    if try await rig.status().authRequired {
                        try await rig.login()
                        logins += 1
                    }
                    try await Task.sleep(for: .milliseconds(300))
                }
                #expect(daemon.isRunning, "the daemon survived \(phase.name)")
            }
            let injected = await rig.state.injectedFaultCounts()
            await rig.state.setFaults(FaultPlan())
            try await rig.drain(within: .seconds(180))
            #expect(daemon.isRunning, "the daemon never crashed")
            sampler.cancel()
            let samples = await sampler.value
            try await rig.stopGracefully(daemon, number: 1)
            try await rig.verifyConverged(ledger, report: &report)

            // Flat: the last quarter of the soak no higher than the second quarter (after the
            // first syncs have filled the caches) by more than 10% and 2 MiB.
            let quarter = max(1, samples.count / 4)
            let settled = samples.dropFirst(quarter).prefix(quarter).max() ?? 0
            let late = samples.suffix(quarter).max() ?? 0
            #expect(samples.count >= 8, "RSS sampled once a second: \(samples.count)")
            #expect(late <= settled + settled / 10 + 2 << 20, "RSS grew from \(settled >> 20) MiB to \(late >> 20) MiB")

            report.add("soak: phases × length", "\(Self.phases.count) × \(form.phase)")
            report.add(
                "faults injected: 5xx / 429 / dropped / lost / malformed / token expiries",
                "\(injected.serverErrors) / \(injected.rateLimits) / \(injected.dropsBeforeEffect) / \(injected.dropsAfterEffect) / \(injected.malformed) / \(injected.tokenExpiries)"
            )
            report.add("requests delayed (latency spikes)", injected.delayed)
            report.add("logins after a token expiry", logins)
            report.add(
                "daemon RSS: samples, first / second-quarter max / last-quarter max / max (MiB)",
                "\(samples.count), \(Self.mebibytes(samples.first)) / \(Self.mebibytes(settled)) / \(Self.mebibytes(late)) / \(Self.mebibytes(samples.max()))")
            try report.publish()
        }
    }

    /// `VmRSS` of the process once a second until cancelled.
    static func sampleResidentMemory(of pid: Int32) async -> [Int64] {
        var samples: [Int64] = []
        while !Task.isCancelled {
            if let bytes = PeakMemory.statusBytes("VmRSS", of: String(pid)), bytes > 0 { samples.append(bytes) }
            try? await Task.sleep(for: .seconds(1))
        }
        return samples
    }

    static func mebibytes(_ bytes: Int64?) -> String {
        String(format: "%.1f", Double(bytes ?? 0) / 1_048_576)
    }
}
