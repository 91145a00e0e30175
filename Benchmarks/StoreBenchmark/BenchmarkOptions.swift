import Foundation

/// The command line of `store-benchmark`.
struct BenchmarkOptions {
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
          --out FILE      the Markdown report (default benchmarks/store-<yyyy-mm-dd>.md, UTC)
          --work DIR      where the CSV and databases go; the CSV, the CLI database and the
                          headline store are kept (default: a new temporary folder, removed
                          at the end)
        """

    /// Reads `arguments` (without the program name); `today` (UTC) names the default report.
    /// - Returns: `nil` when `--help` or `-h` asks for the usage text.
    /// - Throws: ``BenchmarkError/usage(_:)`` for an unknown option or a bad value.
    static func parse(_ arguments: [String], today: Date) throws -> BenchmarkOptions? {
        var options = BenchmarkOptions(out: "benchmarks/store-\(today.formatted(.iso8601.year().month().day())).md")
        var remaining = arguments[...]
        while let option = remaining.popFirst() {
            if option == "--help" || option == "-h" { return nil }
            guard let value = remaining.popFirst() else { throw BenchmarkError.usage("\(option) needs a value") }
            switch option {
            case "--orders": options.orders = try positive(value, option)
            case "--queries": options.queries = try positive(value, option)
            case "--batches": options.transactionSizes = try transactionSizes(value)
            case "--out": options.out = value
            case "--work": options.work = value
            default: throw BenchmarkError.usage("unknown option \(option)")
            }
        }
        return options
    }

    private static func positive(_ value: String, _ option: String) throws -> Int {
        guard let number = Int(value), number > 0 else { throw BenchmarkError.usage("\(option) takes a positive whole number, not \(value)") }
        return number
    }

    private static func transactionSizes(_ list: String) throws -> [TransactionSize] {
        let sizes = try list.split(separator: ",").map { item in
            guard let size = TransactionSize(argument: String(item)) else {
                throw BenchmarkError.usage("--batches takes positive row counts or all, not \(item)")
            }
            return size
        }
        guard !sizes.isEmpty, Set(sizes).count == sizes.count else {
            throw BenchmarkError.usage("--batches takes distinct sizes, at least one, not \(list)")
        }
        return sizes
    }
}
