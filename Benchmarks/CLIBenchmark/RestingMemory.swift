import BenchmarkSupport
import CoinWeightTestSupport
import Foundation

/// A process at rest, sampled from `/proc`: its `VmRSS` once a second, then its peak, the split
/// of its last RSS and where it was, and the CPU time it used meanwhile.
struct RestingMemory {
    /// `VmRSS` once a second over the period, in order.
    var residentSamples: [Int64]
    /// `VmHWM` at the end of the period: the peak since launch.
    var peakResident: Int64?
    /// `RssAnon` and `RssFile` and the thread count at the end of the period.
    var anonymousResident: Int64?
    var fileResident: Int64?
    var threads: Int64?
    /// The largest resident mappings at the end of the period (see ``ProcessProbe/residentByMapping()``).
    var mappings: [(mapping: String, bytes: Int64)]
    /// `utime + stime` over the period, and its wall time.
    var cpuSeconds: Double
    var elapsed: Duration

    /// The last sample: what the process holds at rest.
    var resident: Int64? { residentSamples.last }

    /// Samples `pid` once a second for `seconds` seconds.
    /// - Throws: `exited` when the process is gone before the end.
    static func sample(_ pid: pid_t, seconds: Int, exited: () -> any Error) async throws -> RestingMemory {
        let probe = ProcessProbe(pid: pid)
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = probe.cpuSeconds ?? 0
        var samples: [Int64] = []
        for second in 1...seconds {
            try await clock.sleep(until: start + .seconds(second))
            guard let resident = probe.residentBytes, !probe.hasExited else { throw exited() }
            samples.append(resident)
        }
        let cpuEnd = probe.cpuSeconds ?? cpuStart
        let elapsed = start.duration(to: clock.now)
        let process = String(pid)
        return RestingMemory(
            residentSamples: samples, peakResident: PeakMemory.statusBytes("VmHWM", of: process),
            anonymousResident: PeakMemory.statusBytes("RssAnon", of: process), fileResident: PeakMemory.statusBytes("RssFile", of: process),
            threads: PeakMemory.statusValue("Threads", of: process), mappings: probe.residentByMapping(), cpuSeconds: cpuEnd - cpuStart,
            elapsed: elapsed)
    }
}
