import Foundation

/// The write, not yet confirmed by the server, that changed a mirrored row: the row shows
/// what the user asked for, not (yet) what the server holds.
///
/// Reads through ``StoreQuery/withPending()`` carry one on every such row, and `nil` once
/// the server has confirmed it; an observation yields again when it clears.
public struct PendingWrite: Codable, Hashable, Sendable {
    /// The outbox entry (``OutboxEntry/id``): what the app names to follow, retry or drop
    /// the write.
    public var entry: Int64
    /// What the write does (``OutboxWrite/kind``): `createOrder`, `cancelOrder`...
    public var kind: String
    /// Where the write stands: queued, sending, of unknown outcome, or refused.
    public var state: PendingState
    /// Why the last attempt did not deliver it, or why the server refused it.
    public var reason: String?
    /// The server's error code of a refusal.
    public var code: Int?

    /// A pending write of outbox entry `entry`, with the given fields.
    public init(entry: Int64, kind: String, state: PendingState, reason: String? = nil, code: Int? = nil) {
        self.entry = entry
        self.kind = kind
        self.state = state
        self.reason = reason
        self.code = code
    }
}

/// Where the write behind a ``PendingWrite`` stands.
public enum PendingState: String, Codable, Hashable, Sendable, CaseIterable {
    /// Waiting in the outbox to be sent (again, after a transient failure: see
    /// ``PendingWrite/reason``).
    case queued
    /// Its request is out.
    case sending
    /// Its request went out and no answer said whether the server has it: it is looked up,
    /// never sent twice.
    case outcomeUnknown
    /// The server refused it and the row shows the server's state again; said until the next
    /// pull of the row confirms that state.
    case failed
}
