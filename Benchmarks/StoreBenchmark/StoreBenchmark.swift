import BenchmarkSupport
import CoinWeightAPI
import CoinWeightStore
import CoinWeightTestSupport
import Foundation

/// `store-benchmark`: the store on a million orders beside the `sqlite3` CLI, in one run.
///
/// Bulk upsert rate at several transaction sizes against the CLI's CSV import, the latency of
/// 50-order history pages, and the file size; the Markdown report goes to standard output and
/// to `--out`. Progress goes to standard error. Run it from the repository root in a release build.
@main
struct StoreBenchmark {
    /// The seed of the queries' random owners, symbols and windows.
    static let querySeed: UInt64 = 42

    /// The program's name, in its messages and its temporary folder.
    static let program = "store-benchmark"

    static func main() async {
        await BenchmarkMain.run(program, options: BenchmarkOptions.self) { options in try await run(options) }
    }

    /// Runs every measurement of `options` and returns the Markdown report.
    static func run(_ options: BenchmarkOptions) async throws -> String {
        let started = Date()
        let startLoad = MachineInfo.loadAverage()
        let schema = try SchemaFile.initial(program: program)
        let cli = try SQLiteCLI()
        let machine = try MachineInfo.current(sqlite3: cli)
        let work = try WorkFolder(path: options.work, program: program)
        defer { work.removeIfTemporary() }

        Console.progress("generating \(Format.grouped(options.orders)) orders")
        let orders = SampleOrders.make(count: options.orders)
        let times = orders.map(\.createTime)
        let span = times.min()!...times.max()!

        Console.progress("sqlite3 CLI: writing the CSV file, importing it")
        let csv = work.file("orders.csv")
        try OrderCSV.write(orders, to: csv)
        let cliDatabase = work.file("cli.sqlite")
        try cli.createDatabase(cliDatabase, schema: schema)
        let cliElapsed = try cli.importOrders(csv, into: cliDatabase)
        let imported = try cli.countOrders(in: cliDatabase)
        guard imported == orders.count else { throw BenchmarkError.rowCount(cliDatabase.path, expected: orders.count, found: imported) }

        let headlineSize = options.transactionSizes.contains(.syncEngine) ? .syncEngine : options.transactionSizes[0]
        let headlineDatabase = work.file("store-\(headlineSize.fileLabel).sqlite")
        var upserts: [UpsertMeasurement] = []
        var sizeAfterUpsert: Int64 = 0
        for size in options.transactionSizes {
            Console.progress("store: upserting in transactions of \(size) orders")
            let database = work.file("store-\(size.fileLabel).sqlite")
            let store = try CoinWeightStore(path: database.path)
            upserts.append(try await UpsertMeasurement.run(orders, into: store, size: size))
            if size == headlineSize { sizeAfterUpsert = store.fileSize }
            try store.close()
            if size != headlineSize { try work.removeDatabase(database) }
        }

        Console.progress("store: timing \(Format.grouped(options.queries)) history pages, compacting")
        let sizeAfterClose = WorkFolder.size(of: headlineDatabase)
        let walAfterClose = WorkFolder.size(of: URL(fileURLWithPath: headlineDatabase.path + "-wal"))
        let store = try CoinWeightStore(path: headlineDatabase.path)
        let latency = try await QueryLatency.measure(store, span: span, queries: options.queries, seed: querySeed)
        let compacted = try await store.compact()
        try store.close()

        return BenchmarkReport(
            date: started, commandLine: CommandLine.arguments.joined(separator: " "), machine: machine,
            storeSQLite: try SQLiteFileHeader(of: headlineDatabase)?.writerVersion, orders: orders.count, span: span,
            csvBytes: WorkFolder.size(of: csv), cliElapsed: cliElapsed, cliBytes: WorkFolder.size(of: cliDatabase),
            upserts: upserts, headline: upserts.first { $0.size == headlineSize }!, latency: latency, querySeed: querySeed,
            storeSizes: StoreFileSizes(afterUpsert: sizeAfterUpsert, afterClose: sizeAfterClose, walAfterClose: walAfterClose, afterCompact: compacted.after),
            peakResidentBytes: PeakMemory.highWaterBytes(), loadAverages: (startLoad, MachineInfo.loadAverage())
        ).markdown
    }
}
