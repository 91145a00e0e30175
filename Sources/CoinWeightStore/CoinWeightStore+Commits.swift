import GRDB

extension CoinWeightStore {
    /// Yields once at once, then once after each commit to the store by any connection of any
    /// process (a sync, a daemon, another `cwsync`), checked every `interval`: what a view that
    /// follows the store redraws on. Ends when the consuming task is cancelled.
    ///
    /// Observations (``observe(_:)``) see only this process's writes; this watches SQLite's
    /// `PRAGMA data_version` on a read-only connection of its own, which changes with every
    /// commit of every other connection.
    public func commits(checkingEvery interval: Duration = .milliseconds(100)) -> AsyncThrowingStream<Void, any Error> {
        let path = path
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    var configuration = Configuration()
                    configuration.readonly = true
                    let watcher = try DatabaseQueue(path: path, configuration: configuration)
                    defer { try? watcher.close() }
                    var seen: Int?
                    while !Task.isCancelled {
                        let version = try await watcher.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
                        if version != seen {
                            seen = version
                            continuation.yield(())
                        }
                        try await Task.sleep(for: interval)
                    }
                    continuation.finish()
                } catch is CancellationError {
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
