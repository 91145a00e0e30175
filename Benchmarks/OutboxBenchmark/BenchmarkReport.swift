import BenchmarkSupport
import Foundation

/// The Markdown report of one run: what ran where, the enqueue and delivery rates beside the
/// raw requests, where a delivered write's time goes, and the targets of the issue.
struct BenchmarkReport {
    /// The least enqueue rate, per second.
    static let enqueueTarget = 2_000.0
    /// The least delivery rate, as a fraction of the raw request rate.
    static let deliveryTarget = 0.9

    /// When the run started.
    var date: Date
    /// The program and its arguments.
    var commandLine: String
    var machine: MachineInfo
    /// The checkout's commit; `nil` when git could not tell.
    var source: SourceRevision?
    /// The load averages at the start and at the end of the run.
    var loadAverages: (start: String?, end: String?)
    /// The emulator process: launch to base URL, and its peak RSS before it was stopped.
    var emulator: (startup: Duration, peak: Int64?)
    /// The pairs `/config/symbols` lists: the favorites the emulator accepts.
    var pairs: Int
    /// The client's transport: `asynchttpclient` or `urlsession`.
    var transport: String
    var enqueue: EnqueueMeasurement
    /// The deliveries to the emulator beside the raw requests.
    var delivery: DeliveryMeasurement
    /// The same, through a transport that answers at once: the caller's own work alone.
    var instant: DeliveryMeasurement
    var roundTrips: StoreRoundTrips
    /// Order placement over loopback TLS beside raw pooled HTTPS POSTs.
    var placement: PlacementMeasurement

    /// The most a placement's p50 may take, as a multiple of a raw pooled HTTPS POST's.
    static let placementTarget = 1.2

    var markdown: String {
        let raw = delivery.raw
        let delivered = delivery.delivery
        var lines = [
            ReportMarkdown.title("Outbox benchmark", date: date),
            "",
            ReportMarkdown.run(date: date, commandLine: commandLine, timing: "the outbox"),
            "- Machine: \(machine.markdown), shared by the emulator and the benchmark; \(ReportMarkdown.loadAverages(loadAverages)).",
            "- Source: " + (source?.markdown ?? "unknown (no git checkout)") + ".",
            "- Store: `CoinWeightStore(path:)` on a fresh file each time (GRDB's `DatabasePool` on the system libsqlite3, "
                + "`sqlite3` \(machine.sqlite3.split(separator: " ").first ?? "")): WAL, with the `synchronous=NORMAL` that GRDB sets in "
                + "WAL mode and the store keeps, so a commit is written to the WAL but not synced (SQLite syncs at checkpoints). "
                + "Commits are counted with SQLite's own change counter, `iChange` in the wal-index header (the `-shm` file), "
                + "read before and after; a transaction that writes nothing does not count.",
            "- Emulator: a child process (this program with the hidden `--serve`), `CoinWeightEmulator` as it starts, on loopback; "
                + "up in \(Format.fixed(emulator.startup.seconds, 2)) s, peak RSS " + (emulator.peak.map(Format.mebibytes) ?? "unknown") + ".",
            "- Enqueue: `Outbox(client:store:)` with the default configuration; `enqueue(.deleteFavorite(MarketPair(counterParty: "
                + "\"binance\", symbol: \"SYM<i>-USDT\")), uid: 2)` for i from 0 to \(Format.grouped(enqueue.count - 1)), one after the "
                + "other: each is one write transaction holding the entry and its optimistic favorite. Timed: the loop. All "
                + "\(Format.grouped(enqueue.count)) entries are pending afterwards (distinct favorites: none folded into another).",
            "- Delivery beside raw requests: one `CoinWeightClient` logged in as `abc` (uid 2) on "
                + (transport == "urlsession"
                    ? "`URLSessionTransport` (every write on a fresh connection, closed after it)"
                    : "`AsyncHTTPClientTransport` (one pool of kept-alive connections for reads and writes alike)")
                + " behind a thin wrapper that times each request. The emulator "
                + "refuses favorites it does not trade (error 4) and trades \(pairs) pairs (`/config/symbols`), fewer than the "
                + "\(Format.grouped(delivered.writes)) writes, and an add and a delete of one pair queued together cancel out with "
                + "no request; so the writes go in \(delivery.rounds) rounds of at most \(pairs), one write per pair, adds in even "
                + "rounds and deletes in odd ones, each round delivered before the next is queued. Each round: its writes as raw "
                + "requests (`addFavorite` or `deleteFavorite`, one after the other), timed; then the same writes queued with "
                + "`enqueue` into a fresh store (not timed) and delivered with `deliver(uid: 2)`, timed, which must deliver them "
                + "all. Interleaving the rounds puts both under the same load. The emulator's favorites at the end are those "
                + "the writes leave (checked).",
            "- The same writes, before that, through a transport that answers every request at once with the emulator's "
                + "answer to the first (which alone goes to the emulator), into another fresh store: the caller's own work per "
                + "write, no network.",
            "",
            "## Results",
            "",
            "| what | writes | store commits | seconds | writes/s | per write |",
            "|---|--:|--:|--:|--:|--:|",
            "| **enqueue**, one transaction each | \(Format.grouped(enqueue.count)) | \(Format.grouped(enqueue.commits)) "
                + "(\(Format.fixed(enqueue.commitsPerEnqueue, 2)) per write) | \(Format.fixed(enqueue.elapsed.seconds, 2)) | "
                + "**\(Format.rate(enqueue.perSecond))** | \(Format.microseconds(enqueue.elapsed / enqueue.count)) |",
            phaseRow("raw requests to the emulator, `addFavorite` / `deleteFavorite` in a loop", raw),
            phaseRow("**delivery** to the emulator, \(delivery.passes) `deliver(uid:)` passes", delivered, ratio: delivery.ratio),
            phaseRow("raw requests, answered at once", instant.raw),
            phaseRow("delivery, answered at once, \(instant.passes) passes", instant.delivery),
            "",
            "The enqueues went at \(Format.rate(Double(tenth) / enqueue.firstTenth.seconds))/s over the first tenth and "
                + "\(Format.rate(Double(tenth) / enqueue.lastTenth.seconds))/s over the last, with \(Format.grouped(enqueue.count - tenth)) "
                + "entries and favorites already in the store.",
            "",
            stallNote,
            "",
            "## Where a delivered write's time goes",
            "",
            "Per write, on average: the wall time, the time inside the transport (to the emulator: the transport sending, "
                + "the emulator answering, the body read), and the rest, the caller's own work around the requests.",
            "",
            "| | wall | in the transport | the rest |",
            "|---|--:|--:|--:|",
            breakdownRow("raw request to the emulator", raw),
            breakdownRow("delivery to the emulator", delivered),
            breakdownRow("delivery, answered at once: the outbox's own work", instant.delivery),
            "",
            "The delivery's transport time is the raw requests' within \(Format.microseconds(delivered.transportPerWrite - raw.transportPerWrite)) "
                + "per write; what it adds is its own work, \(Format.microseconds(delivered.restPerWrite)) per write here and "
                + "\(Format.microseconds(instant.delivery.restPerWrite)) with no network, against \(Format.microseconds(raw.restPerWrite)) for a "
                + "raw request. At \(Format.fixed(Self.deliveryTarget, 1))× the raw rate a delivered write may cost "
                + "\(Format.microseconds(raw.perWrite * (1 / Self.deliveryTarget) - raw.perWrite)) more than a raw request. For scale, one call "
                + "of the store's API timed alone (\(Format.grouped(StoreRoundTrips.calls)) each, on the delivery's store afterwards): "
                + "`store.write { _ in }` \(Format.microseconds(roundTrips.emptyWrite)), `store.read(.outbox(uid: 2, states: [.pending, .sending]))` "
                + "with none left \(Format.microseconds(roundTrips.pendingRead)); the delivery made \(Format.fixed(delivered.commitsPerWrite, 2)) "
                + "commits per write.",
            "",
        ]
        let placementP50 = PlacementMeasurement.percentile(placement.placements, 0.5)
        let rawP50 = PlacementMeasurement.percentile(placement.raw, 0.5)
        let placementRatio = placementP50 / rawP50
        lines += [
            "## Order placement over loopback TLS",
            "",
            "\(placement.placements.count) LIMIT orders (after 5 of each not counted) to an emulator in this process serving HTTPS with a "
                + "certificate of its own CA, through `AsyncHTTPClientTransport` trusting that CA (one pool: the TLS handshakes happen once), "
                + "alternating: a raw `client.createOrder` of the order, then `outbox.placeOrder` on an outbox whose `run(uid:)` delivers "
                + "for abc (as an app's mirror runs it), timed from the call until that delivery has recorded the acknowledgement in the "
                + "store (`finishDelivery()`; each entry then checked `delivered`). With nothing queued ahead of it, a placement is one "
                + "commit of the entry already marked `sending` (`synchronous=NORMAL`: a power loss takes the entry and its mark together, "
                + "so no crash leaves it pending after its request went out), the request, and one commit of the acknowledged order.",
            "",
            "| | p50 | p99 |",
            "|---|--:|--:|",
            "| raw pooled HTTPS POST `/order/create` | \(Format.microseconds(rawP50)) | \(Format.microseconds(PlacementMeasurement.percentile(placement.raw, 0.99))) |",
            "| **placement**: enqueue to acknowledgement | **\(Format.microseconds(placementP50))** | "
                + "\(Format.microseconds(PlacementMeasurement.percentile(placement.placements, 0.99))) |",
            "",
        ]
        lines += ReportMarkdown.targets([
            ReportMarkdown.targetRow(
                "order placement p50 over TLS at most \(Format.fixed(Self.placementTarget, 1))× a raw pooled HTTPS POST's",
                "\(Format.ratio(placementRatio)) (\(Format.microseconds(placementP50)) against \(Format.microseconds(rawP50)))",
                placementRatio <= Self.placementTarget),
            ReportMarkdown.targetRow(
                "at least \(Format.grouped(Int(Self.enqueueTarget))) durable enqueues/s", "\(Format.rate(enqueue.perSecond))/s",
                enqueue.perSecond >= Self.enqueueTarget),
            ReportMarkdown.targetRow(
                "delivery at least \(Format.fixed(Self.deliveryTarget, 1))× the raw request rate (here \(Format.rate(raw.writesPerSecond))/s)",
                "\(Format.ratio(delivery.ratio)) (\(Format.rate(delivered.writesPerSecond))/s)", delivery.ratio >= Self.deliveryTarget),
        ])
        return lines.joined(separator: "\n")
    }

    /// The enqueues in a tenth of the loop.
    private var tenth: Int { max(enqueue.count / 10, 1) }

    /// What the failed requests to the emulator were, if any.
    private var stallNote: String {
        let failures = delivery.raw.transport.failures + delivery.delivery.transport.failures
        guard failures > 0 else { return "No request to the emulator failed." }
        return "\(failures) request\(failures == 1 ? "" : "s") to the emulator failed (\(delivery.raw.transport.failures) raw, "
            + "\(delivery.delivery.transport.failures) delivering), after \(Format.fixed((delivery.raw.transport.failureTime + delivery.delivery.transport.failureTime).seconds / Double(failures), 1)) s "
            + "each on average; their writes were sent again (the outbox's after its backoff, not timed) and their time is left "
            + "out of the rates above."
    }

    /// A results row: writes, no commits for raw requests, seconds, rate (bold, with `ratio` to the raw rate when given).
    private func phaseRow(_ label: String, _ phase: PhaseTimes, ratio: Double? = nil) -> String {
        let commits = phase.commits == 0 ? "none" : "\(Format.grouped(phase.commits)) (\(Format.fixed(phase.commitsPerWrite, 2)) per write)"
        let rate = ratio.map { "**\(Format.rate(phase.writesPerSecond))** (**\(Format.ratio($0))** raw)" } ?? Format.rate(phase.writesPerSecond)
        return "| \(label) | \(Format.grouped(phase.writes)) | \(commits) | \(Format.fixed(phase.working.seconds, 2)) | \(rate) | "
            + "\(Format.microseconds(phase.perWrite)) |"
    }

    private func breakdownRow(_ label: String, _ phase: PhaseTimes) -> String {
        "| \(label) | \(Format.microseconds(phase.perWrite)) | \(Format.microseconds(phase.transportPerWrite)) | \(Format.microseconds(phase.restPerWrite)) |"
    }
}
