package import CoinWeightAPI
package import CoinWeightStore
import Foundation

/// Holds a mirror's ``MirrorState`` and hands each change to every subscriber, in the order
/// the changes were made: the engine, the outbox and the client's answers update it
/// synchronously, the store's part comes from an observation that runs while someone
/// subscribes.
package final class MirrorStateHub: @unchecked Sendable {
    private let lock = NSLock()
    private var state = MirrorState()
    private var subscribers: [UUID: AsyncStream<MirrorState>.Continuation] = [:]
    private var storeWatch: Task<Void, Never>?
    private var closed = false

    /// A hub holding the state before anything is known.
    package init() {}

    /// The state now.
    package var current: MirrorState { lock.withLock { state } }

    /// Whether someone follows the states.
    var isWatched: Bool { lock.withLock { !subscribers.isEmpty } }

    /// Changes the state; subscribers get the new one when it differs.
    package func update(_ change: (inout MirrorState) -> Void) {
        lock.withLock {
            var next = state
            change(&next)
            guard next != state else { return }
            state = next
            for subscriber in subscribers.values { subscriber.yield(next) }
        }
    }

    /// The current state, then each change, until `close()` or the consumer stops. The first
    /// subscriber starts observing `store` for `uid()`'s part.
    package func subscribe(store: CoinWeightStore, uid: @escaping @Sendable () async -> UserID?) -> AsyncStream<MirrorState> {
        let (stream, continuation) = AsyncStream<MirrorState>.makeStream(bufferingPolicy: .bufferingNewest(256))
        let id = UUID()
        let (added, watch) = lock.withLock { () -> (Bool, Bool) in
            guard !closed else { return (false, false) }
            subscribers[id] = continuation
            continuation.yield(state)
            return (true, storeWatch == nil)
        }
        guard added else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        if watch { startWatching(store, uid: uid) }
        return stream
    }

    /// Ends every subscription and the store observation.
    package func close() {
        let ending = lock.withLock {
            closed = true
            storeWatch?.cancel()
            storeWatch = nil
            defer { subscribers.removeAll() }
            return Array(subscribers.values)
        }
        for subscriber in ending { subscriber.finish() }
    }

    private func unsubscribe(_ id: UUID) {
        lock.withLock {
            subscribers[id] = nil
            if subscribers.isEmpty {
                storeWatch?.cancel()
                storeWatch = nil
            }
        }
    }

    /// Follows the store's part while there are subscribers: again from the start when the
    /// account changes (a login), since the counts are the account's.
    private func startWatching(_ store: CoinWeightStore, uid: @escaping @Sendable () async -> UserID?) {
        let task = Task { [weak self] in
            while !Task.isCancelled {
                let user = await uid()
                do {
                    for try await status in store.observe(.status(uid: user)) {
                        self?.update { $0.take(status) }
                        if await uid() != user { break }
                    }
                } catch {
                    // A closed store ends the observation; the subscribers are finished by close().
                    return
                }
                if await uid() == user { return }
            }
        }
        lock.withLock {
            if storeWatch == nil && !closed { storeWatch = task } else { task.cancel() }
        }
    }
}
