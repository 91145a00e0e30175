import Foundation

/// How one sync went, resource by resource.
public struct SyncReport: Hashable, Sendable {
    /// A resource's outcome.
    public enum Outcome: Hashable, Sendable {
        case synced
        /// It failed; the message is also saved as the resource's `lastError`.
        case failed(String)
        /// Not tried: the sync stopped for a login first, or was cancelled.
        case skipped
    }

    public var outcomes: [SyncResource: Outcome] = [:]
    /// Whether the sync stopped because the server refused the token.
    public var authRequired = false
    /// Resources that failed because no answer came back at all (no connection, none in
    /// time, or the connection reset before a response), after the retries.
    public var unreachable: Set<SyncResource> = []
    /// Whether the sync was cancelled before it ended: the resource it was pulling failed
    /// (its last success and cursor kept), and those after it were not tried (`skipped`).
    public var interrupted = false

    public init() {}

    /// The report of `resources` alone.
    func restricted(to resources: Set<SyncResource>) -> SyncReport {
        var report = self
        report.outcomes = outcomes.filter { resources.contains($0.key) }
        report.unreachable = unreachable.intersection(resources)
        return report
    }

    /// Whether every resource synced.
    public var isComplete: Bool { outcomes.count == SyncResource.allCases.count && outcomes.values.allSatisfy { $0 == .synced } }

    /// Whether nothing synced because the server could not be reached: offline.
    public var isOffline: Bool { !unreachable.isEmpty && !outcomes.values.contains(.synced) && unreachable.count == failedCount }

    private var failedCount: Int { outcomes.values.filter { if case .failed = $0 { true } else { false } }.count }
}
