import CoinWeightAPI
import GRDB

extension StoreTransaction {
    /// Saves a resource's sync state, replacing the previous one.
    package func saveSyncState(_ state: SyncState) throws {
        try replaceRows(
            in: "sync_state", where: "resource = ?", [state.resource],
            columns: [
                "resource", "last_attempt_at", "last_success_at", "last_error", "cursor",
            ], rows: [[state.resource, state.lastAttemptAt?.millisecondsSince1970, state.lastSuccessAt?.millisecondsSince1970, state.lastError, state.cursor]])
    }
}
