import BenchmarkSupport
import Foundation

/// The Markdown report of one run: what ran where, the measurements, and the targets of the issue.
struct BenchmarkReport {
    /// When the run started.
    var date: Date
    /// The program and its arguments.
    var commandLine: String
    var machine: MachineInfo
    /// The SQLite version that last wrote the store file; `nil` when the header is unreadable.
    var storeSQLite: String?
    /// How many orders were written, and their `createTime` span in milliseconds.
    var orders: Int
    var span: ClosedRange<Int64>
    var csvBytes: Int64
    /// The wall time of the `sqlite3` import process.
    var cliElapsed: Duration
    var cliBytes: Int64
    /// The store's upserts, in the order they ran, and the one of ``headline``.
    var upserts: [UpsertMeasurement]
    var headline: UpsertMeasurement
    var latency: QueryLatency
    /// The seed of the random owners, symbols and windows of the queries.
    var querySeed: UInt64
    var storeSizes: StoreFileSizes
    var peakResidentBytes: Int64?
    /// The load averages at the start and at the end of the run.
    var loadAverages: (start: String?, end: String?)

    /// The least upsert rate, as a fraction of the CLI's, at the sync engine's transaction size.
    static let upsertTarget = 0.5
    /// The p99 history page latency must be below this.
    static let p99Target = Duration.milliseconds(1)
    /// The most the store file may weigh, as a multiple of the CLI's.
    static let sizeTarget = 1.5

    var cliRowsPerSecond: Double { Double(orders) / cliElapsed.seconds }

    var markdown: String {
        let days = Double(span.upperBound - span.lowerBound) / 86_400_000
        var lines = [
            ReportMarkdown.title("Store benchmark", date: date),
            "",
            ReportMarkdown.run(date: date, commandLine: commandLine, timing: "the store"),
            "- Machine: \(machine.markdown); peak RSS of the benchmark "
                + (peakResidentBytes.map { "\(Format.mebibytes($0)) (`VmHWM`)" } ?? "unknown (no /proc)")
                + "; \(ReportMarkdown.loadAverages(loadAverages)).",
            "- SQLite: the CLI is `\(machine.sqlite3)`; the store (GRDB on the system libsqlite3) wrote its file with "
                + "SQLite \(storeSQLite ?? "unknown"), read from the file header (offset 96): the store's public API runs "
                + "no `SELECT sqlite_version()`.",
            "- Data: \(Format.grouped(orders)) orders of `SampleOrders.make(count:)` (3 owners, 5 symbols), created over "
                + "\(Format.fixed(days, 1)) days; the CSV file is \(Format.mebibytes(csvBytes)). Both databases get the table "
                + "and its two indexes from `schema/0001_initial.sql`.",
            "- Journal: the CLI database keeps SQLite's default rollback journal (`journal_mode=delete`, "
                + "`synchronous=full`) and `.import` runs in one transaction; the store is in WAL mode (GRDB "
                + "`DatabasePool`) with `synchronous=NORMAL`, GRDB's setting for WAL: a commit survives a crash of the "
                + "process without an fsync; the WAL is synced at checkpoints.",
            "",
            "## Bulk upsert",
            "",
            "The CLI: `sqlite3 DB \".import --csv --skip 1 FILE order\"`, the process wall time from just before launch to "
                + "its exit (parsing the CSV included, nothing subtracted). The store: a fresh file per size, all orders "
                + "through `store.write { try $0.upsertOrders(slice) }`, one call per transaction, the whole loop timed "
                + "(opening the store not).",
            "",
            "| writer | orders per transaction | transactions | seconds | orders/s | × CLI |",
            "|---|--:|--:|--:|--:|--:|",
            "| `sqlite3` CLI `.import` | all | 1 | \(Format.fixed(cliElapsed.seconds, 2)) | "
                + "\(Format.grouped(Int(cliRowsPerSecond))) | 1.00× |",
        ]
        for upsert in upserts {
            let writer = upsert.size == headline.size ? "**store (headline)**" : "store"
            lines.append(
                "| \(writer) | \(upsert.size) | \(Format.grouped(upsert.transactions)) | \(Format.fixed(upsert.elapsed.seconds, 2)) | "
                    + "\(Format.grouped(Int(upsert.rowsPerSecond))) | \(Format.ratio(upsert.rowsPerSecond / cliRowsPerSecond)) |")
        }
        lines += [
            "",
            "## History page",
            "",
            "\(Format.grouped(latency.queries)) calls of `store.read(.orders(OrderFilter(owner:symbol:createdIn:), after:, "
                + "limit: \(QueryLatency.pageSize)))` on the headline store (closed and reopened after its upserts), each timed "
                + "alone with `ContinuousClock`: a random owner and symbol, a random window of 1 to 30 days; half first "
                + "pages, half second pages (the cursor from a first page read untimed just before). Seed \(querySeed).",
            "",
            "| p50 | p90 | p99 | max | orders per first page | orders per second page |",
            "|--:|--:|--:|--:|--:|--:|",
            "| \(Format.microseconds(latency.p50)) | \(Format.microseconds(latency.p90)) | \(Format.microseconds(latency.p99)) | "
                + "\(Format.microseconds(latency.max)) | \(Format.fixed(latency.meanRowsFirstPage, 1)) | "
                + "\(Format.fixed(latency.meanRowsSecondPage, 1)) |",
            "",
            "## File size",
            "",
            "| file | bytes | MiB | × CLI |",
            "|---|--:|--:|--:|",
            sizeRow("`sqlite3` CLI database after `.import`", cliBytes),
            sizeRow("store right after the upserts (database + WAL)", storeSizes.afterUpsert),
            sizeRow("store after `close()` (WAL checkpointed into the database, no VACUUM)", storeSizes.afterClose + storeSizes.walAfterClose),
            sizeRow("store after `compact()` (VACUUM, WAL truncated)", storeSizes.afterCompact),
            "",
        ]
        lines += ReportMarkdown.targets([
            ReportMarkdown.targetRow(
                "upsert at least \(Format.fixed(Self.upsertTarget, 1))× the CLI's rate, \(headline.size) orders per transaction",
                Format.ratio(headlineRatio), headlineRatio >= Self.upsertTarget),
            ReportMarkdown.targetRow("p99 history page under 1 ms", Format.microseconds(latency.p99), latency.p99 < Self.p99Target),
            ReportMarkdown.targetRow(
                "store file (after `close()`) at most \(Format.fixed(Self.sizeTarget, 1))× the CLI's",
                Format.ratio(sizeRatio), sizeRatio <= Self.sizeTarget),
        ])
        return lines.joined(separator: "\n")
    }

    private var headlineRatio: Double { headline.rowsPerSecond / cliRowsPerSecond }

    private var sizeRatio: Double { Double(storeSizes.afterClose + storeSizes.walAfterClose) / Double(cliBytes) }

    private func sizeRow(_ file: String, _ bytes: Int64) -> String {
        "| \(file) | \(Format.grouped(Int(bytes))) | \(Format.mebibytes(bytes)) | \(Format.ratio(Double(bytes) / Double(cliBytes))) |"
    }
}
