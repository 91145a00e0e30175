import CoinWeightAPI
import Foundation

/// An outbox entry in plain values, as `cwsync outbox list --json` prints it and the
/// daemon's console shows it: times in milliseconds since 1970, a folded entry's state
/// followed by ` (folded)`.
package struct OutboxEntrySummary: Encodable, Sendable {
    package var id: Int64
    package var uid: String
    package var kind: String
    package var entity: String
    package var state: String
    package var attempts: Int
    package var createdAt: Int64
    package var deadline: Int64?
    package var errorCode: Int?
    package var errorMessage: String?

    package init(_ entry: OutboxEntry) {
        id = entry.id
        uid = entry.uid.rawValue
        kind = entry.write.kind
        entity = entry.write.entity
        state = entry.state.rawValue + (entry.coalesced ? " (folded)" : "")
        attempts = entry.attempts
        createdAt = entry.createdAt.millisecondsSince1970
        deadline = entry.deadline?.millisecondsSince1970
        errorCode = entry.errorCode
        errorMessage = entry.errorMessage
    }
}
