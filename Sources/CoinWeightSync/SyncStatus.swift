/// What the engine is doing, for the app to show.
package enum SyncStatus: Hashable, Sendable {
    /// Nothing running; the last sync ended with what ``SyncReport`` says.
    case idle
    /// A sync is running.
    case syncing
    /// The token expired or was refused (HTTP 403): nothing is sent until a new login.
    case authRequired
}
