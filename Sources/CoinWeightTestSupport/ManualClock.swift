import Foundation

/// A wall clock a test moves by hand, for token expiry, read lag and backoff.
public final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    /// Starts at `start`, a fixed instant by default so runs repeat.
    public init(start: Date = Date(timeIntervalSince1970: 1_790_000_000)) { current = start }

    /// The clock's time.
    public var now: Date { lock.withLock { current } }

    /// Moves the clock forward.
    public func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
}
