import BenchmarkSupport

/// The wall times of one command run as a new process again and again, launch to exit.
struct LaunchTimes {
    /// What ran: `cwsync orders --history …`.
    var command: String
    /// The untimed first runs, in order.
    var warmups: [Duration]
    /// The timed runs, sorted.
    var runs: [Duration]

    /// Calls `run` (one new process, waited for, its wall time returned) `warmups` times, then
    /// `runs` times, one after the other: the page cache stays warm.
    static func measure(_ command: String, warmups: Int, runs: Int, _ run: () throws -> Duration) throws -> LaunchTimes {
        let warm = try (0..<warmups).map { _ in try run() }
        let timed = try (0..<runs).map { _ in try run() }
        return LaunchTimes(command: command, warmups: warm, runs: timed.sorted())
    }

    /// ``measure(_:warmups:runs:_:)`` of `cwsync arguments`.
    static func measure(_ arguments: [String], on cwsync: CWSyncBinary, warmups: Int, runs: Int) throws -> LaunchTimes {
        try measure(cwsync.command(arguments), warmups: warmups, runs: runs) { try cwsync.run(arguments) }
    }

    /// The nearest-rank percentile `fraction` of the timed runs.
    func percentile(_ fraction: Double) -> Duration {
        runs[Swift.max(Int((fraction * Double(runs.count)).rounded(.up)) - 1, 0)]
    }

    var p50: Duration { percentile(0.50) }
    var p95: Duration { percentile(0.95) }
    var max: Duration { runs[runs.count - 1] }
}
