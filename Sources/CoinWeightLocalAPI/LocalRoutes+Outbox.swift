import CoinWeightAPI
import CoinWeightServing
import CoinWeightStore
import CoinWeightSync
import Foundation
import Hummingbird

/// How a write is answered: queued in the outbox, then, while the server answers, given a
/// bounded moment (``LocalAPIConfiguration/acknowledgementWait``) to be delivered, so that
/// the answer is the server's; otherwise answered at once as the mirror now shows it, pending.
extension LocalRoutes {
    /// Where a queued write stands after its wait.
    struct Queued {
        let entry: OutboxEntry?
        let id: Int64

        /// The entry's state, `pending` when it is gone (dropped since).
        var state: OutboxState { entry?.state ?? .pending }

        /// Throws the server's refusal of a failed write, with `order` (as it stands) when the
        /// endpoint answers one.
        func requireNotRefused(order: Order? = nil) throws {
            guard let entry, entry.state == .failed || entry.state == .expired else { return }
            if let code = entry.errorCode {
                throw APIFailure.business(code: code, message: entry.errorMessage ?? "refused", order: order)
            }
            throw LocalRefusal.needsServer("this write (\(entry.errorMessage ?? entry.state.rawValue))")
        }
    }

    /// Waits, while the server answers, until entry `id` is settled, an attempt to send it
    /// failed for now, or the wait is over.
    func settle(_ id: Int64) async throws -> Queued {
        var entry = try await store.read(.outboxEntry(id: id))
        if case .unreachable = await mirror.state.reachability { return Queued(entry: entry, id: id) }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: configuration.acknowledgementWait)
        var pause = Duration.milliseconds(2)
        let attempts = entry?.attempts ?? 0
        // Until it is settled, or an attempt failed for now (the server is gone after all).
        while let current = entry, current.state == .sending || (current.state == .pending && current.attempts == attempts), clock.now < deadline {
            try await Task.sleep(for: pause)
            pause = min(pause * 2, .milliseconds(50))
            entry = try await store.read(.outboxEntry(id: id))
        }
        return Queued(entry: entry, id: id)
    }

    /// `response` with the headers of the entry it answers for.
    func marked(_ response: Response, _ queued: Queued) -> Response {
        var response = response
        response.headers[LocalHeaders.outboxEntry] = String(queued.id)
        response.headers[LocalHeaders.outboxState] = queued.state.rawValue
        return response
    }

    /// Queues `write`, waits for it as ``settle(_:)`` does, and answers `okEmpty` unless it was refused.
    func queueAnsweringEmpty(_ write: OutboxWrite) async throws -> Response {
        let queued = try await settle(mirror.queue(write))
        try queued.requireNotRefused()
        return marked(WireResponse.okEmpty(), queued)
    }

    /// The order the mirror holds under `id`, or under the server's id that replaced it.
    func order(_ id: String) async throws -> Order? {
        if let order = try await store.read(.order(id: id)) { return order }
        guard let serverID = try await store.read(.serverID(forLocalID: id)) else { return nil }
        return try await store.read(.order(id: serverID))
    }
}
