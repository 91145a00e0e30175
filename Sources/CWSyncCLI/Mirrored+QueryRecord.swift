import CoinWeightAPI
import CoinWeightStore

/// A row with the write the server has not confirmed yet: a `PENDING` column in the table
/// (`-` once confirmed; it also says when the server no longer lists an active order), and
/// `"pending"` (and `"unlistedSince"`) beside the API's fields in JSON.
extension Mirrored: QueryRecord where Value: QueryRecord {
    static var header: [String] { Value.header + ["PENDING"] }

    var tableRows: [[String]] {
        let notes = [
            pending?.said,
            unlistedSince.map { "not listed by the server since \(TimeBound.text($0.millisecondsSince1970))" },
        ]
        let said = notes.compactMap { $0 }.joined(separator: "; ")
        return value.tableRows.map { $0 + [said.isEmpty ? "-" : said] }
    }
}

extension PendingWrite {
    /// How a table or a CSV column says it: `queued createOrder #7`.
    var said: String { "\(state.said) \(kind) #\(entry)" }
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
