public import Foundation

/// One row of the store's change feed: a committed change of a mirrored resource, or an
/// outbox entry queued or changing state, by this process or another.
public struct StoreChange: Hashable, Sendable, Identifiable {
    /// What changed.
    public enum Subject: Hashable, Sendable {
        /// A mirrored resource: `symbols`, `markets`, `favorites`, `layouts`,
        /// `strategyTemplates`, `strategies`, `secrets`, `userInfo`, `positions` or `orders`.
        case resource(String)
        /// Outbox entry `entry`, a write of `kind` (``OutboxWrite/kind``), now in `state`.
        case outbox(entry: Int64, kind: String, state: OutboxState)
    }

    /// Its place in the feed: a later change has a larger one. Read on after it with
    /// ``StoreQuery/changes(after:limit:)``.
    public var id: Int64
    /// When it was committed.
    public var at: Date
    /// What changed.
    public var subject: Subject
}
