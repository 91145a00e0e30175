public import CoinWeightAPI
public import Foundation

/// Where a queued write stands.
public enum OutboxState: String, Codable, Hashable, Sendable, CaseIterable {
    /// Waiting to be sent (again, after a transient failure).
    case pending
    /// Being sent: marked durably before the request goes out.
    case sending
    /// The server has it (or it cancelled out with another write and needed no request).
    case delivered
    /// The server refused it; its optimistic change was rolled back.
    case failed
    /// Its deadline passed before it could be sent; it never will be.
    case expired
}

/// One write in the outbox.
public struct OutboxEntry: Hashable, Sendable, Identifiable {
    /// The entry's id, in queueing order: a later write has a larger one.
    public var id: Int64
    /// The account that queued it: it is only ever sent with that account's token.
    public var uid: UserID
    /// The write as it will be sent: an update folded into its queued create changes the
    /// create, and a delivered create's server id replaces the local id it named.
    public var write: OutboxWrite
    /// Where it stands: pending, sending, delivered, failed or expired.
    public var state: OutboxState
    /// When it was queued.
    public var createdAt: Date
    /// Requests made for it so far.
    public var attempts: Int
    /// When it may be sent (again).
    public var nextAttemptAt: Date
    /// The server's error code, for a failed write.
    public var errorCode: Int?
    /// Why it failed, or why the last attempt did, in words.
    public var errorMessage: String?
    /// Set when it was delivered without a request, folded into a later write.
    public var coalesced: Bool
    /// For a create: when it may no longer be sent.
    public var deadline: Date?
    /// When its request first went out.
    public var firstSentAt: Date?
    /// For a create whose outcome is unknown: it is looked up until then.
    public var resolveUntil: Date?
    /// Why it failed or expired; `nil` for an entry that did neither (and for one settled
    /// by a version of the store from before typed failures).
    public var failure: OutboxFailure?
}
