import BenchmarkSupport
import Foundation

/// The Markdown report of one run: what ran where, the sync beside its two limits, where the
/// sync's time and memory went, and the targets of the issue.
struct BenchmarkReport {
    /// When the run started.
    var date: Date
    /// The program and its arguments.
    var commandLine: String
    var machine: MachineInfo
    /// The first line of `curl --version`.
    var curlVersion: String
    var options: BenchmarkOptions
    /// The load averages at the start and at the end of the run.
    var loadAverages: (start: String?, end: String?)
    /// The emulator process: launch to base URL, and its peak RSS before it was stopped.
    var emulatorStartup: Duration
    var emulatorPeak: Int64?
    /// The inactive orders of owner `2` that `/order/inactive` serves over all time (one request, `pageSize` 1).
    var served: Int
    /// The orders of owner `2` in the store after the sync, counted by reading them back.
    var synced: Int
    var sync: SyncMeasurement
    /// The store's database and WAL right after the sync.
    var storeBytes: Int64
    var curl: CurlFetch
    /// The wall time of the `sqlite3` `.import` process, and the CSV it read.
    var sqliteElapsed: Duration
    var csvBytes: Int64
    /// This process's peak RSS at the end of the run (after reading the store back).
    var peakAtEnd: Int64?
    /// Both syncs (the first is ``sync``), and the two runs of the peer script, alternating.
    var syncs: [SyncMeasurement]
    var peers: [PeerSync]

    /// The least sync rate, as a fraction of the slower of curl and sqlite3.
    static let rateTarget = 0.5
    /// The sync's peak RSS must be below this many bytes (100 MB).
    static let memoryTarget: Int64 = 100_000_000
    /// The least sync rate as a multiple of the peer script's, and of one keep-alive curl's.
    static let peerTarget = 1.5
    static let curlTarget = 1.0
    /// The most CPU per order, as a fraction of the peer script's.
    static let cpuTarget = 0.6

    /// Orders per second over both syncs, and over both peer runs.
    var syncsRate: Double { Double(synced * syncs.count) / syncs.reduce(.zero) { $0 + $1.elapsed }.seconds }
    var peersRate: Double { Double(peers.reduce(0) { $0 + $1.orders }) / peers.reduce(.zero) { $0 + $1.elapsed }.seconds }
    /// CPU seconds per 100,000 orders, over both syncs and over both peer runs.
    var syncsCPU: Double { syncs.reduce(.zero) { $0 + $1.cpu }.seconds / Double(synced * syncs.count) * 100_000 }
    var peersCPU: Double { peers.reduce(.zero) { $0 + $1.cpu }.seconds / Double(peers.reduce(0) { $0 + $1.orders }) * 100_000 }

    var syncRate: Double { Double(synced) / sync.elapsed.seconds }
    var curlRate: Double { Double(synced) / curl.elapsed.seconds }
    var sqliteRate: Double { Double(synced) / sqliteElapsed.seconds }
    /// The slower of the two limits, named.
    var slowerLimit: (name: String, rate: Double) { curlRate < sqliteRate ? ("`curl`", curlRate) : ("`sqlite3`", sqliteRate) }
    var ratio: Double { syncRate / slowerLimit.rate }

    var markdown: String {
        let transactions = (sync.requests.count + options.pagesPerTransaction - 1) / options.pagesPerTransaction
        let idle = sync.elapsed - sync.busy
        var lines = [
            ReportMarkdown.title("Sync benchmark", date: date),
            "",
            ReportMarkdown.run(date: date, commandLine: commandLine, timing: "the sync"),
            "- Machine: \(machine.markdown), shared by the emulator, the sync and the tools; "
                + "\(ReportMarkdown.loadAverages(loadAverages)).",
            "- Tools: `\(curlVersion)`; `sqlite3` \(machine.sqlite3); the store is GRDB on the system libsqlite3.",
            "- Emulator: a child process (this program with the hidden `--serve`), `CoinWeightEmulator` seeded with "
                + "\(Format.grouped(options.orders)) orders for owner `2` over \(BenchmarkOptions.seedDays) days (random seed 42), "
                + "`pageSizeCap` \(Format.grouped(BenchmarkOptions.pageSizeCap)), on loopback; up in \(Format.fixed(emulatorStartup.seconds, 2)) s "
                + "(seeding included), peak RSS " + (emulatorPeak.map(Format.mebibytes) ?? "unknown") + ". `/order/inactive` serves "
                + "\(Format.grouped(served)) of those orders (counted with one request, `pageSize` 1: `totalPage`); the others are still active.",
            "- Sync: a fresh store (WAL, `synchronous=NORMAL`), `SyncEngine` with `SyncConfiguration(historyHorizon: 90 days, "
                + "historyWindow: \(options.windowDays) days, historyConcurrency: \(options.windows), pageSize: 1000, pagesPerTransaction: \(options.pagesPerTransaction))` "
                + "and the client's `\(options.transport == "urlsession" ? "URLSessionTransport" : "AsyncHTTPClientTransport")` behind a thin wrapper that notes each `/order/inactive` URL. Timed: "
                + "`await engine.sync(uid: 2, only: [.orderHistory])`, call to return (the login and opening the store not). "
                + "The store then holds \(Format.grouped(synced)) orders of owner `2` (read back page by page), "
                + "\(Format.mebibytes(storeBytes)) with its WAL.",
            "- `curl`: one process, `curl --config FILE` naming the sync's \(Format.grouped(sync.requests.count)) URLs in order, "
                + "each with `output = \"/dev/null\"`, the same `Accept` and `Authorization` headers, and `-w '%{http_code} "
                + "%{num_connects} %{size_download}'` per transfer; every transfer answered 200. Process wall time, launch to exit.",
            "- `sqlite3`: the synced rows read back from the store, written as CSV (\(Format.mebibytes(csvBytes))), imported "
                + "with `sqlite3 DB \".import --csv --skip 1 FILE order\"` into a fresh database made from "
                + "`schema/0001_initial.sql` (the table and its two indexes; rollback journal, one transaction). "
                + "Process wall time, launch to exit.",
            "",
            "## Results",
            "",
            "Every rate is the \(Format.grouped(synced)) orders over that row's seconds.",
            "",
            "| what | requests / transactions | seconds | orders/s | × the slower limit |",
            "|---|--:|--:|--:|--:|",
            "| **sync**: fetch, decode, upsert, commit with the cursor | \(Format.grouped(sync.requests.count)) requests / "
                + "\(Format.grouped(transactions)) transactions | \(Format.fixed(sync.elapsed.seconds, 2)) | **\(Format.rate(syncRate))** | "
                + "**\(Format.ratio(ratio))** |",
            "| `curl`, the same pages, \(Format.grouped(curl.connections)) connection\(curl.connections == 1 ? "" : "s") "
                + "(`num_connects` summed) | \(Format.grouped(curl.transfers)) requests | \(Format.fixed(curl.elapsed.seconds, 2)) | "
                + "\(Format.rate(curlRate)) | \(Format.ratio(curlRate / slowerLimit.rate)) |",
            "| `sqlite3` `.import` of the same rows | 1 transaction | \(Format.fixed(sqliteElapsed.seconds, 2)) | "
                + "\(Format.rate(sqliteRate)) | \(Format.ratio(sqliteRate / slowerLimit.rate)) |",
            "",
            "### Beside the peer script",
            "",
            "`Benchmarks/SyncBenchmark/peer-sync.py`: what a trader would write instead, standard library only: one kept-alive "
                + "`http.client` connection, `json`, `sqlite3` with one `executemany` and one commit a page, the same windows, "
                + "horizon and page size, into a fresh database file (WAL, `synchronous=NORMAL`). Run alternately with the sync, "
                + "on the same server: sync, peer, sync, peer. CPU is each process's own user and system time over its walk "
                + "(`getrusage`); the emulator's is in neither.",
            "",
            "| run | seconds | orders/s | CPU seconds | CPU s per 100,000 orders |",
            "|---|--:|--:|--:|--:|",
        ]
        for (index, run) in syncs.enumerated() {
            lines.append(
                "| sync \(index + 1) | \(Format.fixed(run.elapsed.seconds, 2)) | \(Format.rate(Double(synced) / run.elapsed.seconds)) | "
                    + "\(Format.fixed(run.cpu.seconds, 2)) | \(Format.fixed(run.cpu.seconds / Double(synced) * 100_000, 2)) |")
        }
        for (index, run) in peers.enumerated() {
            lines.append(
                "| peer \(index + 1) | \(Format.fixed(run.elapsed.seconds, 2)) | \(Format.rate(Double(run.orders) / run.elapsed.seconds)) | "
                    + "\(Format.fixed(run.cpu.seconds, 2)) | \(Format.fixed(run.cpu.seconds / Double(run.orders) * 100_000, 2)) |")
        }
        lines += [
            "| **syncs ÷ peers** | | **\(Format.ratio(syncsRate / peersRate))** | | **\(Format.ratio(syncsCPU / peersCPU))** |",
            "",
            "## Where the sync's time went",
            "",
            "The engine reads \(options.windows) windows side by side, one request out for each (at most "
                + "\(sync.mostInFlight) requests were out at once), so the requests overlap each other and the engine's own work.",
            "",
            "| part | seconds | share |",
            "|---|--:|--:|",
            "| with a request out: URLSession sending, the emulator answering, \(Format.mebibytes(Int64(sync.bodyBytes))) of JSON read, "
                + "and whatever decoding and writing ran meanwhile | \(Format.fixed(sync.busy.seconds, 2)) | \(percent(sync.busy)) |",
            "| with none out: the engine decoding, upserting, committing and keeping its books, the network idle "
                + "| \(Format.fixed(idle.seconds, 2)) | \(percent(idle)) |",
            "| for comparison: the requests' own times, summed | \(Format.fixed(sync.waiting.seconds, 2)) | |",
            "| for comparison: `curl` fetching the same \(Format.mebibytes(Int64(curl.bytes))) | \(Format.fixed(curl.elapsed.seconds, 2)) | |",
            "",
            "Per request: \(milliseconds(sync.elapsed, sync.requests.count)) of the sync's wall time, \(milliseconds(sync.waiting, sync.requests.count)) "
                + "from sending to the whole body; \(milliseconds(curl.elapsed, curl.transfers)) for `curl`, which does nothing but fetch: "
                + "what is left of that is the emulator computing the page (in its own process, on the same \(machine.processors) processors).",
            "",
            "## Memory",
            "",
            "Peak RSS (`VmHWM`) of the benchmark process, where the sync runs: \(mebibytes(sync.peakBefore)) just before the sync "
                + "(login done, store open), **\(mebibytes(sync.peakAfter))** just after it (the figure the target checks), "
                + "\(mebibytes(peakAtEnd)) at the end of the run (the store read back page by page; curl and sqlite3 are processes "
                + "of their own). The emulator's process peaked at \(mebibytes(emulatorPeak)).",
            "",
        ]
        lines += ReportMarkdown.targets([
            ReportMarkdown.targetRow(
                "sync at least \(Format.fixed(Self.rateTarget, 1))× the slower of `curl` and `sqlite3` (here \(slowerLimit.name), "
                    + "\(Format.rate(slowerLimit.rate)) orders/s)",
                "\(Format.ratio(ratio)) (\(Format.rate(syncRate)) orders/s)", ratio >= Self.rateTarget),
            ReportMarkdown.targetRow(
                "sync at least \(Format.fixed(Self.peerTarget, 1))× the peer script's rate (both runs of each)",
                "\(Format.ratio(syncsRate / peersRate)) (\(Format.rate(syncsRate)) against \(Format.rate(peersRate)) orders/s)",
                syncsRate / peersRate >= Self.peerTarget),
            ReportMarkdown.targetRow(
                "sync at least \(Format.fixed(Self.curlTarget, 1))× one keep-alive `curl`'s page rate",
                "\(Format.ratio(syncRate / curlRate))", syncRate / curlRate >= Self.curlTarget),
            ReportMarkdown.targetRow(
                "CPU per order at most \(Format.fixed(Self.cpuTarget, 1))× the peer script's",
                "\(Format.ratio(syncsCPU / peersCPU)) (\(Format.fixed(syncsCPU, 2)) against \(Format.fixed(peersCPU, 2)) CPU s per 100,000 orders)",
                syncsCPU / peersCPU <= Self.cpuTarget),
            ReportMarkdown.targetRow(
                "peak RSS of the sync under 100 MB",
                sync.peakAfter.map { "\(Format.fixed(Double($0) / 1e6, 1)) MB (\(Format.mebibytes($0)))" } ?? "unknown",
                sync.peakAfter.map { $0 < Self.memoryTarget } ?? false),
        ])
        if curl.connections != 1 {
            lines.insert("Note: curl opened \(curl.connections) connections, not 1: its rate is not that of one kept-alive connection.", at: lines.count - 1)
        }
        return lines.joined(separator: "\n")
    }

    private func percent(_ part: Duration) -> String {
        "\(Format.fixed(100 * part.seconds / sync.elapsed.seconds, 0)) %"
    }

    private func milliseconds(_ total: Duration, _ requests: Int) -> String {
        "\(Format.fixed(total.seconds * 1_000 / Double(max(requests, 1)), 1)) ms"
    }

    private func mebibytes(_ bytes: Int64?) -> String {
        bytes.map(Format.mebibytes) ?? "unknown (no /proc)"
    }
}
