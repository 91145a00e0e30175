import CoinWeightAPI

extension SyncEngine {
    /// Runs a read, trying again after a transient failure (5xx, 429, a lost connection) up
    /// to ``SyncConfiguration/readRetries`` times with backoff. Reads change nothing on the
    /// server, so trying again is always safe; anything else, a server that cannot be reached
    /// at all (the caller stops the sync: offline is not a blip), or any failure once the task
    /// is cancelled, is passed on at once.
    func retrying<Value: Sendable>(_ read: () async throws -> Value) async throws -> Value {
        var failures = 0
        while true {
            do {
                return try await read()
            } catch let error as CoinWeightError where error.isTransient && !error.isUnreachable && failures < configuration.readRetries && !Task.isCancelled {
                failures += 1
                try await configuration.sleep(configuration.backoff.delay(afterFailures: failures, retryAfter: error.retryAfter))
            }
        }
    }
}
