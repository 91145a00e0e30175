/// What to do about writes that left the queue without reaching the server, in the words
/// `sync`, `status` and `outbox list` share.
enum OutboxAdvice {
    /// The advice for `count` failed or expired entries, or `nil` when there are none.
    static func unsent(_ count: Int) -> String? {
        guard count > 0 else { return nil }
        let writes = count == 1 ? "1 write was" : "\(count) writes were"
        return "\(writes) refused by the server or expired, and rolled back in the mirror: "
            + "cwsync outbox list --state failed,expired shows why; cwsync outbox retry ID queues one again as it was first queued"
    }
}
