import CoinWeightSync

extension SyncReport.Outcome {
    /// A resource's outcome, in a word or a line, as `cwsync sync` prints it.
    package var line: String {
        switch self {
        case .synced: "synced"
        case .failed(let failure): "failed: \(CommandFailure.withAdvice(failure))"
        case .cancelled: "cancelled before it finished"
        case .skipped: "skipped (log in first)"
        }
    }
}
