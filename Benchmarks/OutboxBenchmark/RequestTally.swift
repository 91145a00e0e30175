import Foundation

/// The requests a ``TimedTransport`` has sent so far, and the time spent inside them. Its
/// counts are behind a lock, hence `@unchecked Sendable`.
final class RequestTally: @unchecked Sendable {
    /// The counts at one moment: take one before and one after a phase, and subtract.
    struct Snapshot {
        var requests = 0
        /// From the wrapped transport's `send` being called to its return, summed.
        var time: Duration = .zero
        /// The requests among them that failed (no complete response: a timeout, say), and their time.
        var failures = 0
        var failureTime: Duration = .zero

        static func - (after: Snapshot, before: Snapshot) -> Snapshot {
            Snapshot(
                requests: after.requests - before.requests, time: after.time - before.time,
                failures: after.failures - before.failures, failureTime: after.failureTime - before.failureTime)
        }

        static func + (left: Snapshot, right: Snapshot) -> Snapshot {
            Snapshot(
                requests: left.requests + right.requests, time: left.time + right.time,
                failures: left.failures + right.failures, failureTime: left.failureTime + right.failureTime)
        }
    }

    private let lock = NSLock()
    private var totals = Snapshot()

    /// Counts one request that took `time`, and whether it `failed`.
    func add(_ time: Duration, failed: Bool) {
        lock.withLock {
            totals.requests += 1
            totals.time += time
            if failed {
                totals.failures += 1
                totals.failureTime += time
            }
        }
    }

    /// The counts now.
    var snapshot: Snapshot { lock.withLock { totals } }
}
