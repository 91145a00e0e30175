import CoinWeightAPI
public import Foundation
import GRDB

/// How the outbox is doing, for the app's status screen or health metrics.
public struct OutboxStats: Hashable, Sendable, Codable {
    /// Entries by state (`pending`, `sending`, `delivered`, `failed`, `expired`).
    public var counts: [String: Int]
    /// When the oldest write still waiting (pending or being sent) was queued.
    public var oldestWaitingSince: Date?
    /// Requests made beyond each entry's first.
    public var retries: Int
    /// From enqueue to delivery, over the last 1,000 writes delivered with a request:
    /// the median and the 99th percentile, in milliseconds.
    public var deliveryP50Milliseconds: Int64?
    /// The 99th percentile of the same, in milliseconds; `nil`, as the median, before any such delivery.
    public var deliveryP99Milliseconds: Int64?
    /// When the next waiting write is due to be sent (or looked up), if one waits.
    public var nextAttemptAt: Date?
}

extension StoreQuery {
    /// The outbox's counts, oldest waiting write, retries and delivery times.
    public static var outboxStats: StoreQuery<OutboxStats> {
        StoreQuery<OutboxStats> { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, count(*) FROM outbox GROUP BY state") { counts[row[0]] = row[1] }
            let oldest = try Int64.fetchOne(db, sql: "SELECT min(created_at) FROM outbox WHERE state IN ('pending', 'sending')")
            let next = try Int64.fetchOne(db, sql: "SELECT min(next_attempt_at) FROM outbox WHERE state IN ('pending', 'sending')")
            let retries = try Int.fetchOne(db, sql: "SELECT coalesce(sum(max(attempts - 1, 0)), 0) FROM outbox") ?? 0
            let latencies = try Int64.fetchAll(
                db,
                sql: """
                    SELECT settled_at - created_at FROM outbox
                    WHERE state = 'delivered' AND settled_at IS NOT NULL AND attempts > 0
                    ORDER BY id DESC LIMIT 1000
                    """
            ).sorted()
            func percentile(_ fraction: Double) -> Int64? {
                latencies.isEmpty ? nil : latencies[min(latencies.count - 1, Int((Double(latencies.count) * fraction).rounded(.up)) - 1)]
            }
            return OutboxStats(
                counts: counts, oldestWaitingSince: oldest.map(Date.init(millisecondsSince1970:)), retries: retries,
                deliveryP50Milliseconds: percentile(0.5), deliveryP99Milliseconds: percentile(0.99),
                nextAttemptAt: next.map(Date.init(millisecondsSince1970:)))
        }
    }
}
