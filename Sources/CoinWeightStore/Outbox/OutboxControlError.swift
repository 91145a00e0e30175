/// Why a retry or drop of an outbox entry left it as it was.
public enum OutboxControlError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No entry has this id.
    case notFound(Int64)
    /// Only a failed or expired entry can be retried.
    case notRetryable(Int64, OutboxState)
    /// Only a pending entry can be dropped: one being sent may already have taken effect.
    case notDroppable(Int64, OutboxState)

    /// The refusal in words: the entry, its state, and what can be done with it instead.
    public var description: String {
        switch self {
        case .notFound(let id): "no outbox entry \(id)"
        case .notRetryable(let id, let state): "entry \(id) is \(state.rawValue): only a failed or expired entry can be retried"
        case .notDroppable(let id, .sending):
            "entry \(id) is being sent and may already have taken effect: wait for its outcome, then drop or retry it"
        case .notDroppable(let id, let state): "entry \(id) is \(state.rawValue): only a pending entry can be dropped"
        }
    }
}
