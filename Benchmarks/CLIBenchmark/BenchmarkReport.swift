import BenchmarkSupport
import Foundation

/// The Markdown report of one run: what ran where, the launch times of the query, the idle
/// daemon, and the targets of the issue.
struct BenchmarkReport {
    /// When the run started.
    var date: Date
    /// The program and its arguments.
    var commandLine: String
    var machine: MachineInfo
    var source: SourceRevision?
    var options: BenchmarkOptions
    /// The load averages at the start and at the end of the run.
    var loadAverages: (start: String?, end: String?)
    /// Orders in the queried store, those of owner `2`, and the store file after closing it.
    var orders: Int
    var ownOrders: Int
    var storeBytes: Int64
    /// `/bin/true`, launched and reaped the same way: the floor of any process.
    var spawn: LaunchTimes
    /// `cwsync --help`, then the query, then the query with `--json`.
    var launches: [LaunchTimes]
    /// Lines the `--json` query printed: 50 orders and the `next` cursor.
    var jsonLines: Int
    var cache: PageCache
    var coldRuns: [ColdRun]
    var exports: ExportMeasurement
    var daemon: DaemonMeasurement
    var floor: FloorMeasurement

    /// An export's peak RSS must stay under this many bytes (50 MB).
    static let exportMemoryTarget: Int64 = 50_000_000
    /// The query's p95 must be under this (100 ms).
    static let launchTarget = Duration.milliseconds(100)
    /// The idle daemon's RSS must stay at or under this many bytes (32 MiB)...
    static let memoryTarget: Int64 = 32 << 20
    /// ...and at or under this multiple of the floor's, measured in the same run.
    static let floorRatioTarget = 1.15

    var markdown: String {
        let queries = launches.dropFirst()
        let slowestP95 = queries.map(\.p95).max()!
        let samples = daemon.memory.residentSamples
        let rest = daemon.memory
        let floorRest = floor.memory
        let ratio = rest.resident.flatMap { resident in floorRest.resident.map { Double(resident) / Double($0) } }
        var lines = [
            ReportMarkdown.title("CLI benchmark", date: date),
            "",
            ReportMarkdown.run(date: date, commandLine: commandLine, timing: "cwsync"),
            "- Binary: `\(options.cwsync)` (its own build: the report is as good as that build is a release one), "
                + (source.map { $0.markdown } ?? "commit unknown") + ".",
            "- Machine: \(machine.markdown), shared with whatever else runs; \(ReportMarkdown.loadAverages(loadAverages)).",
            "- Store: \(Format.grouped(orders)) orders of `SampleOrders.make(count:)` (\(Format.grouped(ownOrders)) of owner `2`), "
                + "upserted with `StoreTransaction.upsertOrders`, \(Format.grouped(CLIBenchmark.ordersPerTransaction)) per transaction, "
                + "then closed (WAL checkpointed): \(Format.mebibytes(storeBytes)).",
            "- Launches: each run is a new process started with `posix_spawn` and reaped with `waitpid`, one after the other, "
                + "its output to a file; the time is from just before the spawn to the reaped exit. \"Cold start\" means a new "
                + "process each time with the page cache warm (the binary, its libraries and the store cached by the runs before); "
                + "\(options.warmups) untimed warm-up runs come first. Foundation's `Process` is not used for timing: its "
                + "`waitUntilExit()` notices an exit on a 50 ms run-loop poll.",
            "",
            "## Launch to exit",
            "",
            "| command | runs | p50 | p95 | max | warm-up runs |",
            "|---|--:|--:|--:|--:|---|",
        ]
        lines += ([spawn] + launches).map { launch in
            "| `\(launch.command.replacingOccurrences(of: "|", with: "\\|"))` | \(launch.runs.count) | \(milliseconds(launch.p50)) | "
                + "\(milliseconds(launch.p95)) | \(milliseconds(launch.max)) | \(launch.warmups.map(milliseconds).joined(separator: ", ")) |"
        }
        lines += [
            "",
            "`/bin/true` is the cost of a process at all; `cwsync --help` adds loading the binary and the Swift runtime "
                + "libraries and parsing the command line, without opening a store; the queries add opening the store and "
                + "reading one page of 50 orders. The `--json` query printed \(jsonLines) lines (50 orders, then the cursor).",
            "",
            "## With the page cache dropped",
            "",
            "Without root, `/proc/sys/vm/drop_caches` is out of reach; each of these runs first calls "
                + "`posix_fadvise(POSIX_FADV_DONTNEED)` on the binary, the shared libraries `ldd` lists for it and the store files "
                + "(\(cache.files.count) files, "
                + "\(Format.mebibytes(cache.totalBytes))), which evicts their clean pages that no running process maps. Pages other "
                + "processes map stay cached: the C library, and the Swift runtime and Foundation libraries, which this "
                + "benchmark (a Swift program) maps itself: `fincore` counts "
                + "what was left.",
            "",
            "| command | cached before the drop | cached after | launch to exit |",
            "|---|--:|--:|--:|",
        ]
        lines += coldRuns.map { run in
            "| `\(run.command)` | \(run.cachedBefore.map(Format.mebibytes) ?? "unknown") | \(run.cachedAfter.map(Format.mebibytes) ?? "unknown") | "
                + "\(milliseconds(run.elapsed)) |"
        }
        lines += [
            "",
            "## `cwsync export orders`",
            "",
            "A store of \(Format.grouped(exports.orders)) orders of `SampleOrders` (seed 3), every one given owner `2` "
                + "(\(Format.grouped(exports.filled)) with a filled part), \(Format.mebibytes(exports.storeBytes)); "
                + "`cwsync export orders --format F --owner 2 --output FILE`, each format once, launch to exit. Peak RSS is "
                + "`VmHWM` of `/proc/PID/status`, read every \(milliseconds(ExportMeasurement.sampleInterval)) while it runs.",
            "",
            "| format | lines | seconds | lines/s | file | peak RSS |",
            "|---|--:|--:|--:|--:|--:|",
        ]
        lines += exports.runs.map { run in
            "| `\(run.format)` | \(Format.grouped(run.lines)) | \(Format.fixed(run.elapsed.seconds, 2)) | "
                + "\(Format.grouped(Int(Double(run.lines) / run.elapsed.seconds))) | \(Format.mebibytes(run.fileBytes)) | \(mebibytes(run.peakResident)) |"
        }
        lines += [
            "",
            "## `cwsync run` at rest",
            "",
            "An emulator in a child process (this program with the hidden `--serve`, users `abc` and `eve`, no orders) on "
                + "loopback; `cwsync login --user abc --password-stdin` into a fresh store (\(milliseconds(daemon.login))), then "
                + "`cwsync run --interval 60` on it. Its first sync was done \(Format.fixed(daemon.firstSync.seconds, 2)) s after "
                + "its launch: the first of \(daemon.statusPolls) `cwsync status --json` calls, one every "
                + "\(milliseconds(DaemonMeasurement.pollInterval)), that showed a `lastSuccessAt` for every resource. From then "
                + "on, `VmRSS` of `/proc/PID/status` once a second for \(samples.count) s, and `utime + stime` of `/proc/PID/stat` "
                + "at the start and the end of that period; then SIGTERM.",
            "",
            "Beside it, once the daemon is stopped, `rss-floor` (`Benchmarks/RSSFloor`): a program on the same stack that opens a "
                + "GRDB pool on a fresh database, reads from it, sends one `GET` to the same emulator with the transport `cwsync` uses "
                + "by default here, and then does nothing; sampled the same way for \(floorRest.residentSamples.count) s.",
            "",
            "| measure | `cwsync run` | `rss-floor` |",
            "|---|--:|--:|",
            "| RSS min / max / last | \(mebibytes(samples.min())) / \(mebibytes(samples.max())) / **\(mebibytes(samples.last))** | "
                + "\(mebibytes(floorRest.residentSamples.min())) / \(mebibytes(floorRest.residentSamples.max())) / **\(mebibytes(floorRest.resident))** |",
            "| of the last: anonymous (`RssAnon`) / file-backed (`RssFile`) | \(mebibytes(rest.anonymousResident)) / \(mebibytes(rest.fileResident)) | "
                + "\(mebibytes(floorRest.anonymousResident)) / \(mebibytes(floorRest.fileResident)) |",
            "| peak RSS (`VmHWM`) | \(mebibytes(rest.peakResident)), first sync included | \(mebibytes(floorRest.peakResident)) |",
            "| threads | \(rest.threads.map(String.init) ?? "unknown") | \(floorRest.threads.map(String.init) ?? "unknown") |",
            "| CPU time at rest | \(cpu(rest)) | \(cpu(floorRest)) |",
            "| SIGTERM to exit | \(milliseconds(daemon.stop)), \(daemon.exit) | |",
            "",
            "Where the last RSS was, by mapping (`Rss` of `/proc/PID/smaps`, all mappings of a file together), the daemon's largest first:",
            "",
            "| mapping | `cwsync run` | `rss-floor` |",
            "|---|--:|--:|",
        ]
        let floorMappings = Dictionary(floorRest.mappings.map { (Self.library($0.mapping, own: options.floor), $0.bytes) }, uniquingKeysWith: +)
        let shown = rest.mappings.prefix(12).map { (name: Self.library($0.mapping, own: options.cwsync), bytes: $0.bytes) }
        lines += shown.map { "| \($0.name) | \(Format.mebibytes($0.bytes)) | \(mebibytes(floorMappings[$0.name])) |" }
        let shownNames = Set(shown.map(\.name))
        lines += [
            "| all others (\(max(rest.mappings.count - shown.count, 0)) mappings) | "
                + "\(Format.mebibytes(rest.mappings.dropFirst(shown.count).map(\.bytes).reduce(0, +))) | "
                + "\(Format.mebibytes(floorMappings.filter { !shownNames.contains($0.key) }.values.reduce(0, +))) |",
            "",
        ]
        lines += ReportMarkdown.targets([
            ReportMarkdown.targetRow(
                "`cwsync orders --history --limit 50` on \(Format.grouped(orders)) orders, p95 launch to exit under 100 ms "
                    + "(slower of plain and `--json`, page cache warm)",
                milliseconds(slowestP95), slowestP95 < Self.launchTarget),
            ReportMarkdown.targetRow(
                "`cwsync export orders` of \(Format.grouped(exports.orders)) orders, csv and jsonl: peak RSS under 50 MB",
                exports.runs.filter { $0.format != "trades" }.compactMap(\.peakResident).max().map(mebibytes) ?? "unknown",
                exports.runs.filter { $0.format != "trades" }.allSatisfy { ($0.peakResident ?? .max) < Self.exportMemoryTarget }),
            ReportMarkdown.targetRow(
                "`cwsync run` idle RSS at most 32 MiB (the last sample)", mebibytes(rest.resident),
                rest.resident.map { $0 <= Self.memoryTarget } ?? false),
            ReportMarkdown.targetRow(
                "`cwsync run` idle RSS at most 1.15 × `rss-floor`'s, same run (last samples)",
                ratio.map { "\(Format.fixed($0, 2)) ×" } ?? "unknown", ratio.map { $0 <= Self.floorRatioTarget } ?? false),
        ])
        return lines.joined(separator: "\n")
    }

    /// The CPU time over a period at rest, and its share of one processor.
    private func cpu(_ rest: RestingMemory) -> String {
        "\(Format.fixed(rest.cpuSeconds * 1_000, 0)) ms over \(Format.fixed(rest.elapsed.seconds, 1)) s "
            + "(\(Format.fixed(100 * rest.cpuSeconds / rest.elapsed.seconds, 2)) %; ticks of \(Format.fixed(1_000 / ProcessProbe.ticksPerSecond, 0)) ms)"
    }

    /// A mapping's file name without its folder, so that the same libraries line up; the
    /// program's own binary (`own`) as "its own binary", so that the two programs' line up too.
    private static func library(_ mapping: String, own: String) -> String {
        guard mapping.hasPrefix("/") else { return "`\(mapping)`" }
        let name = mapping.split(separator: "/").last.map(String.init) ?? mapping
        return name == URL(fileURLWithPath: own).lastPathComponent ? "its own binary" : "`\(name)`"
    }

    private func milliseconds(_ duration: Duration) -> String {
        "\(Format.fixed(duration.seconds * 1_000, 1)) ms"
    }

    private func mebibytes(_ bytes: Int64?) -> String {
        bytes.map(Format.mebibytes) ?? "unknown"
    }
}
