import Foundation

/// Exponential backoff with full jitter: the n-th consecutive failure waits a random time
/// between half and all of `min(maximum, initial * 2^(n-1))`, or the server's `Retry-After`
/// when it is longer.
public struct Backoff: Sendable {
    /// The ceiling of the wait after the first failure; each further one doubles it.
    public var initial: Duration
    /// The highest ceiling: the doubling stops there.
    public var maximum: Duration
    /// A number in `0..<1`, injectable so tests are repeatable.
    public var random: @Sendable () -> Double

    /// A backoff whose ceiling starts at `initial` and doubles up to `maximum`, its jitter
    /// drawn from `random`.
    public init(initial: Duration = .seconds(1), maximum: Duration = .seconds(300), random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.initial = initial
        self.maximum = maximum
        self.random = random
    }

    /// The wait before the next attempt after `failures` consecutive failures (1 or more).
    public func delay(afterFailures failures: Int, retryAfter: Duration? = nil) -> Duration {
        let exponent = min(max(failures - 1, 0), 30)
        let ceiling = min(maximum, initial * (1 << exponent))
        let jittered = ceiling * (0.5 + random() / 2)
        guard let retryAfter else { return jittered }
        return max(jittered, retryAfter)
    }
}
