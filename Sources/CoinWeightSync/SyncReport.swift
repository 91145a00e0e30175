import Foundation

/// How one sync went, resource by resource.
public struct SyncReport: Hashable, Sendable {
    /// A resource's outcome.
    public enum Outcome: Hashable, Sendable {
        case synced
        /// It failed; the message is also saved as the resource's `lastError`.
        case failed(String)
        /// Not tried: the sync stopped for a login first.
        case skipped
    }

    public var outcomes: [SyncResource: Outcome] = [:]
    /// Whether the sync stopped because the server refused the token.
    public var authRequired = false

    public init() {}

    /// Whether every resource synced.
    public var isComplete: Bool { outcomes.count == SyncResource.allCases.count && outcomes.values.allSatisfy { $0 == .synced } }
}
