import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync
import Foundation

/// Where the mirror stands, from the store and its session file alone: what `cwsync status`
/// prints (`--json` encodes it as is) and what `cwsync run --metrics-port` serves at each scrape.
struct StatusReport: Encodable {
    var store: String
    var storeBytes: Int64
    var schemaVersion: Int
    /// The API base URL the store is bound to, from its first login.
    var endpoint: String?
    var user: String?
    var uid: String?
    var tokenExpiresAt: Date?
    var authRequired: Bool
    var daemonPID: String?
    var resources: [Resource]
    var outbox: OutboxStats
    /// The rows the mirror holds, by table.
    var rows: [String: Int]

    /// A resource's sync state, without its cursor.
    struct Resource: Encodable {
        var resource: String
        var lastAttemptAt: Date?
        var lastSuccessAt: Date?
        var lastError: String?

        /// When it was last tried, a failure after a success of the same instant.
        var attemptOrder: (Date, Int) { (lastAttemptAt ?? .distantPast, lastError == nil ? 0 : 1) }

        init(_ state: SyncState) {
            resource = state.resource
            lastAttemptAt = state.lastAttemptAt
            lastSuccessAt = state.lastSuccessAt
            lastError = state.lastError
        }
    }

    /// Reads `store`, the session saved beside it and its daemon lock, now.
    init(of store: CoinWeightStore) async throws {
        let session = SessionFile(besideStore: store.path).load()
        self.store = store.path
        storeBytes = store.fileSize
        schemaVersion = store.schemaVersion
        user = session?.userName
        uid = session?.uid.rawValue
        tokenExpiresAt = session?.authToken.expiresAt
        if let session {
            let refused = try await store.read(.isTokenRefused(session.authToken, uid: session.uid))
            authRequired = refused || session.authToken.isExpired(at: Date())
        } else {
            authRequired = true
        }
        daemonPID = StoreLock.holder(store: store.path)
        resources = try await store.read(.syncStates).map(Resource.init)
        outbox = try await store.read(.outboxStats)
        endpoint = try await store.read(StoreQuery<StoreIdentity?>.identity)?.endpoint
        rows = try await store.read(.rowCounts)
    }

    /// The last time a pull reached the server and synced a resource.
    var lastReachedAt: Date? { resources.compactMap(\.lastSuccessAt).max() }

    /// The latest pull attempt: when, and its error if it failed.
    var lastAttempt: Resource? {
        // Of attempts in the same instant, a failed one is the one to tell.
        resources.filter { $0.lastAttemptAt != nil }.max { $0.attemptOrder < $1.attemptOrder }
    }
}
