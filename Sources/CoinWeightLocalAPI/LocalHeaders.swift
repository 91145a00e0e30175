import Hummingbird

/// The headers the local API adds to the spec's answers; a strict client of the real API
/// ignores them, and the body stays the spec's.
enum LocalHeaders {
    /// When the resource answered was last synced, in ISO 8601 (UTC), or `never`.
    static let syncedAt = HTTPFields.Element.Name("CWSync-Synced-At")!
    /// The outbox entry a write was queued as.
    static let outboxEntry = HTTPFields.Element.Name("CWSync-Outbox-Entry")!
    /// Where that entry stood when the write was answered: `pending`, `sending`, `delivered`,
    /// `failed` or `expired`.
    static let outboxState = HTTPFields.Element.Name("CWSync-Outbox-State")!

    /// The last change-feed id a reconnecting reader of `/_cwsync/events` saw.
    static let lastEventID = HTTPFields.Element.Name("Last-Event-ID")!

    /// The names a page of an allowed origin may read (`Access-Control-Expose-Headers`).
    static let exposed = ["CWSync-Synced-At", "CWSync-Outbox-Entry", "CWSync-Outbox-State"]
}
