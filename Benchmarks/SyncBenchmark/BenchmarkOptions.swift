import BenchmarkSupport
import CoinWeightEmulator
import CoinWeightSync
import Foundation

/// The command line of `sync-benchmark`.
struct BenchmarkOptions: EmulatorBenchmarkCommandLine {
    /// Historical orders the emulator seeds for user `abc` (owner `2`); a few recent ones stay
    /// active and are not in the history.
    var orders = 200_000
    /// The `createTime` span of one `/order/inactive` window of the sync, in days (the
    /// engine's default: 1).
    var windowDays = 1
    /// History pages the sync commits per store transaction, with the cursor.
    var pagesPerTransaction = 5
    /// History windows read side by side (the engine's `historyConcurrency`).
    var windows = SyncConfiguration().historyConcurrency
    /// The Markdown report file.
    var out: String
    /// The folder for the store, the CSV, the curl config and the CLI database; `nil` for a
    /// new temporary folder removed at the end.
    var work: String?
    /// The client's transport: `asynchttpclient` (the command line's on Linux) or `urlsession`.
    var transport = "asynchttpclient"

    /// The days the seeded orders spread over, ending now: well inside the sync's 90-day horizon.
    static let seedDays = 80
    /// The largest `pageSize` `/order/inactive` honours: the sync's 1,000-order pages.
    static let pageSizeCap = 1_000

    /// The emulator of the child process: ``orders`` seeded for user `abc` over ``seedDays`` days.
    var emulator: EmulatorConfiguration {
        EmulatorConfiguration(pageSizeCap: Self.pageSizeCap, seedOrders: orders, seedDays: Self.seedDays)
    }

    static let usage = """
        usage: sync-benchmark [--orders N] [--window-days D] [--pages-per-transaction P] [--windows W] [--transport T] [--out FILE] [--work DIR]

        Times the first sync of the order history of user abc from a local emulator (run as a
        child process, seeded with N orders over 80 days) beside two limits measured in the same
        run: one curl process fetching the same pages over one keep-alive connection, and the
        sqlite3 CLI importing the same rows. Reports orders/s and the peak RSS of the sync. Run it
        from the repository root (it reads schema/0001_initial.sql) with curl and sqlite3 on PATH,
        in a release build:

          swift build -c release --product sync-benchmark && .build/release/sync-benchmark

          --orders N                 orders the emulator seeds (default 200000)
          --window-days D            days per /order/inactive window of the sync (default 1, the engine's)
          --pages-per-transaction P  1,000-order pages per store transaction (default 5)
          --windows W                history windows read side by side (default 4, the engine's)
          --transport T              asynchttpclient (the default) or urlsession
          --out FILE                 the Markdown report (default Benchmarks/Results/sync-<yyyy-mm-dd>.md, UTC)
          --work DIR                 where the store, CSV, curl config and CLI database go, kept
                                     afterwards (default: a new temporary folder, removed at the end)
        """

    static func parse(_ arguments: [String], today: Date) throws -> BenchmarkOptions? {
        try ArgumentReader.parse(arguments, usage: usage, into: BenchmarkOptions(out: defaultReport("sync", today: today))) { options, option, value, reader in
            switch option {
            case "--orders": options.orders = try reader.positive(value, of: option)
            case "--window-days": options.windowDays = try reader.positive(value, of: option)
            case "--pages-per-transaction": options.pagesPerTransaction = try reader.positive(value, of: option)
            case "--windows": options.windows = try reader.positive(value, of: option)
            case "--out": options.out = value
            case "--work": options.work = value
            case "--transport":
                guard ["asynchttpclient", "urlsession"].contains(value) else {
                    throw reader.error("--transport takes asynchttpclient or urlsession, not \(value)")
                }
                options.transport = value
            default: throw reader.unknown(option)
            }
        }
    }
}
