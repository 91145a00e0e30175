import BenchmarkSupport
import Foundation

/// The command line of `store-benchmark`.
struct BenchmarkOptions: BenchmarkCommandLine {
    /// How many orders are written.
    var orders = 1_000_000
    /// The transaction sizes the store's upsert is timed at, in this order.
    var transactionSizes: [TransactionSize] = [.rows(1_000), .syncEngine, .rows(20_000), .all]
    /// How many history pages are timed.
    var queries = 20_000
    /// The Markdown report file.
    var out: String
    /// The folder for the CSV and the databases; `nil` for a new temporary folder removed at the end.
    var work: String?

    static let usage = """
        usage: store-benchmark [--orders N] [--batches 1000,5000,20000,all] [--queries Q] [--out FILE] [--work DIR]

        Times the store on N orders beside the sqlite3 CLI: bulk upsert at each transaction size
        (all = one transaction), Q history pages of 50 rows, and the file size. The headline size
        is 5,000 (the sync engine's; the first listed when 5,000 is not): its store is the one
        queried and measured. Run it from the repository root (it reads schema/0001_initial.sql)
        with sqlite3 on PATH, in a release build:

          swift build -c release --product store-benchmark && .build/release/store-benchmark

          --orders N      orders to write (default 1000000)
          --batches LIST  orders per transaction, comma separated (default 1000,5000,20000,all)
          --queries Q     history pages to time (default 20000)
          --out FILE      the Markdown report (default Benchmarks/Results/store-<yyyy-mm-dd>.md, UTC)
          --work DIR      where the CSV and databases go; the CSV, the CLI database and the
                          headline store are kept (default: a new temporary folder, removed
                          at the end)
        """

    static func parse(_ arguments: [String], today: Date) throws -> BenchmarkOptions? {
        try ArgumentReader.parse(arguments, usage: usage, into: BenchmarkOptions(out: defaultReport("store", today: today))) { options, option, value, reader in
            switch option {
            case "--orders": options.orders = try reader.positive(value, of: option)
            case "--queries": options.queries = try reader.positive(value, of: option)
            case "--batches": options.transactionSizes = try transactionSizes(value, reader)
            case "--out": options.out = value
            case "--work": options.work = value
            default: throw reader.unknown(option)
            }
        }
    }

    private static func transactionSizes(_ list: String, _ reader: ArgumentReader) throws -> [TransactionSize] {
        let sizes = try list.split(separator: ",").map { item in
            guard let size = TransactionSize(argument: String(item)) else {
                throw reader.error("--batches takes positive row counts or all, not \(item)")
            }
            return size
        }
        guard !sizes.isEmpty, Set(sizes).count == sizes.count else {
            throw reader.error("--batches takes distinct sizes, at least one, not \(list)")
        }
        return sizes
    }
}
