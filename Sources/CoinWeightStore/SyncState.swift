public import Foundation

/// The sync bookkeeping of one resource: when it was last tried, last succeeded, why it last
/// failed, and where an incremental read resumes.
public struct SyncState: Hashable, Sendable {
    /// The resource's name, for example `symbols`, or `orderHistory:2` for one owner's history.
    public var resource: String
    /// When its last pull ended, whether it succeeded or failed; `nil` before the first.
    public var lastAttemptAt: Date?
    /// When its last successful pull ended; `nil` until one has. A failure keeps it.
    public var lastSuccessAt: Date?
    /// The last failure's message, `nil` after a success.
    public var lastError: String?
    /// Where the next incremental read starts; its format is the sync engine's.
    public var cursor: String?

    /// The sync state of `resource` with the given fields; a new resource has none set.
    public init(resource: String, lastAttemptAt: Date? = nil, lastSuccessAt: Date? = nil, lastError: String? = nil, cursor: String? = nil) {
        self.resource = resource
        self.lastAttemptAt = lastAttemptAt
        self.lastSuccessAt = lastSuccessAt
        self.lastError = lastError
        self.cursor = cursor
    }
}
