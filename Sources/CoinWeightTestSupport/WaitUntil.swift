/// Polls `condition` every 10 ms until it holds, or throws ``ConditionTimedOut`` naming
/// `what` after `timeout`: a test waits for something another task or process does, and fails
/// with a reason instead of hanging when it never happens.
///
/// The bound is a safety net for a machine shared with other builds, never a measure of
/// speed (that is the benchmarks' business): keep it generous.
public func waitUntil(
    timeout: Duration = .seconds(120), _ what: String, _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    while try await !condition() {
        guard ContinuousClock.now < deadline else { throw ConditionTimedOut(what: what, timeout: timeout) }
        try await Task.sleep(for: .milliseconds(10))
    }
}

/// What ``waitUntil(timeout:_:_:)`` waited for in vain.
public struct ConditionTimedOut: Error, CustomStringConvertible {
    public let what: String
    public let timeout: Duration
    public var description: String { "waited \(timeout) for \(what)" }
}
