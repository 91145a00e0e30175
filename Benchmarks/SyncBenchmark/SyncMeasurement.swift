import BenchmarkSupport
import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The timed first sync of the order history, and what the transport saw of it.
struct SyncMeasurement {
    /// The wall time of `engine.sync(uid:only: [.orderHistory])`, call to return.
    var elapsed: Duration
    /// The `/order/inactive` requests answered, in order.
    var requests: [URL]
    /// The time spent inside the transport for them, summed: URLSession sending, the
    /// emulator answering, the body read.
    var waiting: Duration
    /// The time with at least one of them out. The engine reads one page ahead, so requests
    /// overlap each other and the decoding and writing; the rest of ``elapsed`` is the time
    /// the engine worked with no request out.
    var busy: Duration
    /// The most requests out at once.
    var mostInFlight: Int
    /// The JSON bodies of those responses, in bytes.
    var bodyBytes: Int
    /// This process's user and system CPU time over the sync (the emulator is a process of
    /// its own).
    var cpu: Duration
    /// This process's peak RSS (`VmHWM`) just before the sync and just after it.
    var peakBefore: Int64?
    var peakAfter: Int64?

    /// Syncs `[.orderHistory]` of `uid` into `store` through `client` (whose transport writes
    /// to `log`) with `configuration`, and times it.
    /// - Throws: ``SyncBenchmarkError/syncFailed(_:)`` when the outcome is not `.synced`.
    static func run(
        client: CoinWeightClient, log: HistoryRequestLog, uid: UserID, store: CoinWeightStore, configuration: SyncConfiguration
    ) async throws -> SyncMeasurement {
        let engine = SyncEngine(client: client, store: store, configuration: configuration)
        let peakBefore = PeakMemory.highWaterBytes()
        let clock = ContinuousClock()
        let cpuBefore = Self.cpuTime()
        let start = clock.now
        let report = await engine.sync(uid: uid, only: [.orderHistory])
        let elapsed = start.duration(to: clock.now)
        let cpu = Self.cpuTime() - cpuBefore
        let peakAfter = PeakMemory.highWaterBytes()
        guard let outcome = report.outcomes[.orderHistory], outcome == .synced else {
            throw SyncBenchmarkError.syncFailed(report.outcomes[.orderHistory].map { "\($0)" } ?? "no outcome")
        }
        return SyncMeasurement(
            elapsed: elapsed, requests: await log.urls, waiting: await log.waiting, busy: await log.busy,
            mostInFlight: await log.mostInFlight, bodyBytes: await log.bodyBytes,
            cpu: cpu, peakBefore: peakBefore, peakAfter: peakAfter)
    }

    /// This process's user and system CPU time so far.
    static func cpuTime() -> Duration {
        var usage = rusage()
        #if canImport(Glibc)
            getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        func duration(_ time: timeval) -> Duration { .seconds(Int64(time.tv_sec)) + .microseconds(Int64(time.tv_usec)) }
        return duration(usage.ru_utime) + duration(usage.ru_stime)
    }
}
