import CoinWeightStore

/// A row with the write the server has not confirmed yet: a `PENDING` column in the table
/// (`-` once confirmed), and `"pending"` beside the API's fields in JSON.
extension Mirrored: QueryRecord where Value: QueryRecord {
    static var header: [String] { Value.header + ["PENDING"] }

    var tableRows: [[String]] {
        let said = pending.map { "\($0.state.said) \($0.kind) #\($0.entry)" } ?? "-"
        return value.tableRows.map { $0 + [said] }
    }
}

extension PendingState {
    /// How a table says it.
    var said: String {
        switch self {
        case .queued: "queued"
        case .sending: "sending"
        case .outcomeUnknown: "outcome unknown"
        case .failed: "refused"
        }
    }
}
