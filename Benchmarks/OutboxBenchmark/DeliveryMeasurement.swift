import BenchmarkSupport
import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync
import Foundation

/// The timed deliveries beside the raw requests of the same writes, round by round (see
/// ``FavoriteSchedule``), so that both see the same load on the machine.
///
/// Each round: its writes sent as raw client requests, one after the other, timed; then the
/// same writes queued with `Outbox.enqueue` (not timed) and delivered with `Outbox.deliver(uid:)`,
/// timed. A raw write whose request fails for now is sent again; a delivery pass that leaves
/// writes to retry is followed, once they are due, by another pass (the wait not timed).
struct DeliveryMeasurement {
    /// Rounds, and `Outbox.deliver(uid:)` passes: one per round, and one more after each
    /// pass that left a write to retry.
    var rounds: Int
    var passes: Int
    var delivery: PhaseTimes
    var raw: PhaseTimes

    /// The most passes one round may take, and the most attempts of one raw write.
    static let attempts = 3

    /// The delivery rate as a fraction of the raw request rate.
    var ratio: Double { delivery.writesPerSecond / raw.writesPerSecond }

    /// Runs `schedule` for `uid` through `outbox`, whose client sends with `transport` and
    /// whose store is fresh.
    /// - Throws: ``OutboxBenchmarkError/deliveryIncomplete(round:expected:report:)`` when a
    ///   round is not delivered whole in ``attempts`` passes, and what a raw request throws
    ///   on its last attempt.
    static func run(_ schedule: FavoriteSchedule, outbox: Outbox, transport: TimedTransport, uid: UserID) async throws -> DeliveryMeasurement {
        let clock = ContinuousClock()
        var measurement = DeliveryMeasurement(rounds: schedule.rounds.count, passes: 0, delivery: PhaseTimes(), raw: PhaseTimes())
        for (round, writes) in schedule.rounds.enumerated() {
            let rawTransport = transport.tally.snapshot
            let rawStart = clock.now
            for write in writes { try await send(write, with: outbox.client, uid: uid) }
            measurement.raw.elapsed += rawStart.duration(to: clock.now)
            measurement.raw.transport = measurement.raw.transport + (transport.tally.snapshot - rawTransport)
            measurement.raw.writes += writes.count

            for write in writes { _ = try await outbox.enqueue(write.outboxWrite, uid: uid) }
            var delivered = 0
            for pass in 1...attempts {
                let commitsBefore = try WALIndexHeader(database: outbox.store.path)
                let deliveryTransport = transport.tally.snapshot
                let deliveryStart = clock.now
                let report = await outbox.deliver(uid: uid)
                measurement.delivery.elapsed += deliveryStart.duration(to: clock.now)
                measurement.delivery.transport = measurement.delivery.transport + (transport.tally.snapshot - deliveryTransport)
                measurement.delivery.commits += try WALIndexHeader.commits(to: outbox.store.path, since: commitsBefore)
                measurement.passes += 1
                delivered += report.delivered.count
                guard report.failed.isEmpty, !report.authRequired, report.retrying.isEmpty || pass < attempts else {
                    throw OutboxBenchmarkError.deliveryIncomplete(round: round, expected: writes.count, report: "\(report)")
                }
                if report.retrying.isEmpty { break }
                try await waitUntilDue(report.retrying, in: outbox.store)
            }
            measurement.delivery.writes += delivered
            guard delivered == writes.count else {
                throw OutboxBenchmarkError.deliveryIncomplete(round: round, expected: writes.count, report: "\(delivered) delivered")
            }
        }
        return measurement
    }

    /// Sends `write` as a raw request, again when it fails for now, up to ``attempts`` times.
    private static func send(_ write: FavoriteWrite, with client: CoinWeightClient, uid: UserID) async throws {
        for attempt in 1...attempts {
            do {
                return try await write.send(with: client, uid: uid)
            } catch CoinWeightError.transient where attempt < attempts {
                continue
            }
        }
    }

    /// Sleeps until every entry of `ids` is due again (its backoff after a failed request).
    private static func waitUntilDue(_ ids: [Int64], in store: CoinWeightStore) async throws {
        var due = Date()
        for id in ids {
            if let entry = try await store.read(.outboxEntry(id: id)) { due = max(due, entry.nextAttemptAt) }
        }
        try await Task.sleep(for: .seconds(max(due.timeIntervalSinceNow, 0)) + .milliseconds(10))
    }
}
